using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Atlas.Tests.Fuzz;

/// <summary>
/// How FuzzCorpus/ files store inputs that UTF-8 cannot: a file whose first line is <see cref="UnescapeDirective"/>
/// has <c>\uXXXX</c> escapes in the rest of its text turned into those UTF-16 units (lone surrogates) before it runs.
/// </summary>
public static partial class FuzzCorpusText
{
    public const string UnescapeDirective = "// fuzz: unescape \\uXXXX";

    [GeneratedRegex(@"\\u([0-9A-Fa-f]{4})")]
    private static partial Regex Escape();

    /// <summary>The input a corpus file stands for.</summary>
    public static string Decode(string fileText)
    {
        var lines = fileText.Split('\n', 2);
        if (lines[0].TrimEnd('\r') != UnescapeDirective) return fileText;
        return Escape().Replace(lines.Length > 1 ? lines[1] : "", m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
    }

    /// <summary>The text with every lone surrogate written as <c>\uXXXX</c> (unchanged if it has none).</summary>
    public static string EscapeLoneSurrogates(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }
            if (char.IsSurrogate(c)) sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
