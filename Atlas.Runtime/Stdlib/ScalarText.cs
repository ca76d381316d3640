using System.Text;

namespace Atlas.Stdlib;

/// <summary>
/// String helpers that count Unicode scalars rather than UTF-16 units (language.md §11, README decision 6):
/// a surrogate pair is one scalar. Strings without surrogates take the identity fast path.
/// </summary>
internal static class ScalarText
{
    private static bool HasSurrogates(ReadOnlySpan<char> s) => s.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    // Loops such as `while (i < len(s)) { charAt(s, i) ... }` ask about the same string over and over; remembering the
    // last one keeps each call O(1) instead of rescanning the whole string.
    [ThreadStatic] private static string? s_lastString;
    [ThreadStatic] private static int s_lastCount;

    /// <summary>Number of scalars in <paramref name="s"/>.</summary>
    public static int Count(string s)
    {
        // Short strings (a number's text appended in a loop) are counted directly: cheaper than the thread-static cache
        // and the vectorised search, and not worth remembering.
        if (s.Length <= ShortLength) return CountShort(s);
        if (ReferenceEquals(s, s_lastString)) return s_lastCount;
        int n = 0;
        if (!HasSurrogates(s)) n = s.Length;
        else
        {
            for (int i = 0; i < s.Length; i++, n++)
                if (IsPairAt(s, i)) i++;
        }
        s_lastString = s;
        s_lastCount = n;
        return n;
    }

    private const int ShortLength = 16;

    private static int CountShort(string s)
    {
        int n = s.Length;
        for (int i = 0; i < s.Length; i++)
            if (IsPairAt(s, i)) { n--; i++; }
        return n;
    }

    /// <summary>The scalar index of the UTF-16 position <paramref name="utf16Index"/> (which must start a scalar).</summary>
    public static int ToScalarIndex(string s, int utf16Index)
    {
        var prefix = s.AsSpan(0, utf16Index);
        if (!HasSurrogates(prefix)) return utf16Index;
        int n = 0;
        for (int i = 0; i < utf16Index; i++, n++)
            if (IsPairAt(s, i)) i++;
        return n;
    }

    /// <summary>The UTF-16 position of scalar number <paramref name="scalarIndex"/>; <c>s.Length</c> when it is the end.</summary>
    public static int ToUtf16Index(string s, int scalarIndex)
    {
        if (Count(s) == s.Length) return Math.Min(scalarIndex, s.Length);
        int i = 0;
        for (int n = 0; n < scalarIndex && i < s.Length; n++)
            i += IsPairAt(s, i) ? 2 : 1;
        return i;
    }

    /// <summary>The scalars of <paramref name="s"/>, each as its own string.</summary>
    public static List<string> Scalars(string s)
    {
        var list = new List<string>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            int width = IsPairAt(s, i) ? 2 : 1;
            list.Add(s.Substring(i, width));
            i += width - 1;
        }
        return list;
    }

    /// <summary>
    /// Code-point order: differs from <see cref="string.CompareOrdinal(string, string)"/> when a surrogate meets U+E000..U+FFFF.
    /// </summary>
    public static int Compare(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        int i = a.AsSpan(0, n).CommonPrefixLength(b.AsSpan(0, n));
        if (i == n) return a.Length.CompareTo(b.Length);
        return CodePointOrderKey(a[i]).CompareTo(CodePointOrderKey(b[i]));
    }

    // Surrogates (U+D800..U+DFFF) stand for code points above U+FFFF, so they must sort after U+E000..U+FFFF:
    // move them up and the rest of the upper BMP down, which preserves code-point order at the first differing unit.
    private static int CodePointOrderKey(char c) => c >= '\uE000' ? c - 0x800 : c >= '\uD800' ? c + 0x2000 : c;

    public static bool IsPairAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);

    /// <summary>Appends <paramref name="count"/> scalars taken cyclically from <paramref name="fill"/> (padStart/padEnd).</summary>
    public static void AppendCyclic(StringBuilder sb, string fill, int count)
    {
        var scalars = Scalars(fill);
        for (int i = 0; i < count; i++) sb.Append(scalars[i % scalars.Count]);
    }
}
