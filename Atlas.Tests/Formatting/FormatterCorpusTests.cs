using Atlas.Formatting;
using Atlas.Tests.Support;

namespace Atlas.Tests.Formatting;

/// <summary>
/// <c>atlas fmt</c> over every corpus program: a program that parses still prints exactly its expected output and
/// diagnostics after formatting, and formatting the result again changes nothing; one that does not parse is left as
/// it was, with its errors.
/// </summary>
[TestClass]
public sealed class FormatterCorpusTests
{
    public static IEnumerable<object[]> Cases => CorpusRunner.Cases();

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void FormattingKeepsBehaviourAndIsIdempotent(string file)
    {
        var source = File.ReadAllText(Path.Combine(CorpusRunner.CorpusRoot, file));
        var result = Formatter.Format(source);
        Assert.IsNull(result.InternalError, file);
        if (result.Errors.Count > 0)
        {
            Assert.AreEqual(source, result.Text, "a file with syntax errors is returned untouched");
            Assert.IsFalse(result.Changed);
            return;
        }
        var again = Formatter.Format(result.Text);
        Assert.AreEqual(result.Text, again.Text, $"{file}: formatting twice differs from formatting once");

        var copy = Path.Combine(TempFiles.NewDirectory("atlas-fmt-"), Path.GetFileName(file));
        try
        {
            File.WriteAllText(copy, result.Text);
            var problems = CorpusRunner.Check(file, programOverride: copy);
            if (problems.Length > 0) Assert.Fail($"{file} after formatting:\n{problems}\n--- formatted ---\n{result.Text}");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
        }
    }
}
