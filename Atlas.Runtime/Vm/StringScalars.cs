using System.Text;

namespace Atlas.Vm;

/// <summary>Strings as sequences of Unicode scalars (README decision 6): counting and indexing by scalar, not UTF-16 unit.</summary>
public static class StringScalars
{
    public static int Count(string s)
    {
        int n = s.Length;
        for (int i = 0; i < s.Length - 1; i++)
            if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1])) { n--; i++; }
        return n;
    }

    /// <summary>UTF-16 offset of scalar number <paramref name="index"/> (may equal s.Length).</summary>
    public static int Offset(string s, int index)
    {
        int pos = 0;
        for (int k = 0; k < index && pos < s.Length; k++)
            pos += char.IsHighSurrogate(s[pos]) && pos + 1 < s.Length && char.IsLowSurrogate(s[pos + 1]) ? 2 : 1;
        return pos;
    }

    public static string At(string s, int index)
    {
        int start = Offset(s, index);
        return Rune.GetRuneAt(s, start).ToString();
    }

    /// <summary>Scalar index of the UTF-16 offset <paramref name="offset"/>.</summary>
    public static int ScalarIndex(string s, int offset) => Count(s[..offset]);
}
