using System.Globalization;
using System.Runtime.CompilerServices;

namespace Atlas.Vm;

/// <summary>Number to text exactly as language.md §10.4 specifies (display) and stdlib.md §1 (toString).</summary>
internal static class NumberFormatter
{
    /// <summary>Display format: NaN, inf, -inf, exact integers, otherwise shortest round-trip digits in positional notation.</summary>
    public static string Display(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "inf";
        if (double.IsNegativeInfinity(d)) return "-inf";
        return Finite(d);
    }

    /// <summary>toString() format: like display but infinities are Infinity / -Infinity.</summary>
    public static string ToStringFormat(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        return Finite(d);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // not ReadyToRun: see StringRope.Concat
    private static string Finite(double d)
    {
        if (d == Math.Floor(d))
        {
            // Small integers are the common case: avoid the general formatter.
            if (d >= -999_999_999_999 && d <= 999_999_999_999 && !(d == 0 && double.IsNegative(d)))
                return ((long)d).ToString(CultureInfo.InvariantCulture);
            return d.ToString("F0", CultureInfo.InvariantCulture);
        }
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOfAny(['E', 'e']);
        return e < 0 ? r : ExpandExponent(r, e);
    }

    private static string ExpandExponent(string r, int e)
    {
        bool negative = r[0] == '-';
        string mantissa = r.Substring(negative ? 1 : 0, e - (negative ? 1 : 0));
        int exp = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.');
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int pointPos = (dot < 0 ? mantissa.Length : dot) + exp; // position of the decimal point within digits
        string body;
        if (pointPos <= 0) body = "0." + new string('0', -pointPos) + digits;
        else if (pointPos >= digits.Length) body = digits + new string('0', pointPos - digits.Length);
        else body = digits[..pointPos] + "." + digits[pointPos..];
        return negative ? "-" + body : body;
    }
}
