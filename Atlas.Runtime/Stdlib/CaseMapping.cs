using System.Globalization;
using System.Text;

namespace Atlas.Stdlib;

/// <summary>
/// Full Unicode case conversion as Rust's <c>str::to_uppercase</c>/<c>to_lowercase</c> do it: no culture rules,
/// one-to-many expansions (ß → SS), and the final-sigma rule when lowering Σ.
/// </summary>
internal static class CaseMapping
{
    private const int CapitalSigma = 0x03A3;

    public static string ToUpper(string s)
    {
        if (IsAscii(s)) return s.ToUpperInvariant();
        var sb = new StringBuilder(s.Length);
        foreach (var rune in s.EnumerateRunes())
        {
            int cp = rune.Value;
            if (CaseMappingData.Upper.TryGetValue(cp, out var expansion)) sb.Append(expansion);
            else if (cp is >= CaseMappingData.BeriaSmallFirst and <= CaseMappingData.BeriaSmallLast)
                sb.Append(char.ConvertFromUtf32(cp - CaseMappingData.BeriaOffset));
            else AppendRune(sb, Rune.ToUpperInvariant(rune));
        }
        return sb.ToString();
    }

    public static string ToLower(string s)
    {
        if (IsAscii(s)) return s.ToLowerInvariant();
        var runes = new List<Rune>(s.Length);
        foreach (var rune in s.EnumerateRunes()) runes.Add(rune);
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < runes.Count; i++)
        {
            int cp = runes[i].Value;
            if (cp == CapitalSigma) sb.Append(IsFinalSigma(runes, i) ? 'ς' : 'σ');
            else if (CaseMappingData.Lower.TryGetValue(cp, out var expansion)) sb.Append(expansion);
            else if (cp is >= CaseMappingData.BeriaCapitalFirst and <= CaseMappingData.BeriaCapitalLast)
                sb.Append(char.ConvertFromUtf32(cp + CaseMappingData.BeriaOffset));
            else AppendRune(sb, Rune.ToLowerInvariant(runes[i]));
        }
        return sb.ToString();
    }

    // Unicode Final_Sigma: a cased letter before (skipping case-ignorables) and none after (skipping case-ignorables).
    private static bool IsFinalSigma(List<Rune> runes, int index)
    {
        int j = index - 1;
        while (j >= 0 && IsCaseIgnorable(runes[j].Value)) j--;
        if (j < 0 || !IsCased(runes[j].Value)) return false;
        j = index + 1;
        while (j < runes.Count && IsCaseIgnorable(runes[j].Value)) j++;
        return j == runes.Count || !IsCased(runes[j].Value);
    }

    internal static bool IsCased(int cp)
    {
        if (InRanges(CaseMappingData.ExtraCased, cp)) return true;
        if (System.Array.IndexOf(CaseMappingData.NotCased, cp) >= 0) return false;
        return Rune.GetUnicodeCategory(new Rune(cp)) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter;
    }

    internal static bool IsCaseIgnorable(int cp) =>
        InRanges(CaseMappingData.ExtraCaseIgnorable, cp)
        || Rune.GetUnicodeCategory(new Rune(cp)) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;

    private static bool InRanges(int[] ranges, int cp)
    {
        for (int i = 0; i < ranges.Length; i += 2)
            if (cp >= ranges[i] && cp <= ranges[i + 1]) return true;
        return false;
    }

    private static void AppendRune(StringBuilder sb, Rune rune)
    {
        Span<char> buffer = stackalloc char[2];
        int n = rune.EncodeToUtf16(buffer);
        sb.Append(buffer[..n]);
    }

    private static bool IsAscii(string s) => Ascii.IsValid(s);
}
