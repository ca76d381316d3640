using System.Text.RegularExpressions;
using Atlas.Diagnostics;
using Atlas.Vm;

namespace Atlas.Tests.Diagnostics;

/// <summary>Every diagnostic id and runtime error kind has a code and a message.</summary>
[TestClass]
public sealed class DiagnosticCatalogTests
{
    [TestMethod]
    public void EveryDiagnosticIdHasAnEntry()
    {
        foreach (var id in Enum.GetValues<DiagnosticId>())
        {
            var entry = DiagnosticCatalog.Get(id);
            Assert.MatchesRegex(new Regex(@"^AT\d{4}$"), entry.Code, $"{id} code");
            Assert.IsFalse(string.IsNullOrWhiteSpace(entry.Template), $"{id} template");
        }
    }

    [TestMethod]
    public void EveryRuntimeErrorKindHasACodeAndMessage()
    {
        foreach (var kind in Enum.GetValues<RuntimeErrorKind>())
        {
            Assert.MatchesRegex(new Regex(@"^AT\d{4}$"), RuntimeErrors.Code(kind), kind.ToString());
            Assert.IsFalse(string.IsNullOrWhiteSpace(RuntimeErrors.Message(kind, "x")), kind.ToString());
        }
    }

    [TestMethod]
    public void RuntimeCodesAreNotSharedAcrossUnrelatedKinds()
    {
        var byCode = Enum.GetValues<RuntimeErrorKind>().GroupBy(RuntimeErrors.Code).Where(g => g.Count() > 1).ToList();
        // The spec gives AT0002 to both unknown symbols and unknown functions; no other code is shared.
        Assert.HasCount(1, byCode);
        Assert.AreEqual("AT0002", byCode[0].Key);
    }

    [TestMethod]
    [DataRow(RuntimeErrorKind.DivideByZero, "", "Divide by zero")]
    [DataRow(RuntimeErrorKind.TypeError, "Expected numbers", "Type error: Expected numbers")]
    [DataRow(RuntimeErrorKind.InvalidStdlibArgument, "sqrt(): expected number, got string", "Invalid argument to standard library function: sqrt(): expected number, got string")]
    [DataRow(RuntimeErrorKind.StackOverflow, "200000", "Stack overflow: call depth exceeded 200000")]
    [DataRow(RuntimeErrorKind.UnhashableType, "array", "Cannot hash type array - only number, string, bool, null are hashable")]
    public void RuntimeMessagesMatchTheSpec(RuntimeErrorKind kind, string detail, string expected) =>
        Assert.AreEqual(expected, RuntimeErrors.Message(kind, detail));

    [TestMethod]
    public void DiagnosticFormatsItsTemplate()
    {
        var d = Diagnostic.Create(DiagnosticId.UnknownSymbol, new TextSpan(3, 4), "x");
        Assert.AreEqual("Unknown symbol 'x'", d.Message);
        Assert.AreEqual("AT2002", d.Code);
        Assert.IsTrue(d.IsError);
    }
}
