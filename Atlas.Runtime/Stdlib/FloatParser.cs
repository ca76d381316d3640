using System.Globalization;

namespace Atlas.Stdlib;

/// <summary>
/// Text → f64 with Rust's <c>f64::from_str</c> grammar (stdlib.md §1), which .NET's parser does not match:
/// <c>[+|-]</c> then <c>inf</c>/<c>infinity</c>/<c>nan</c> (any case) or <c>digits[.digits][(e|E)[+|-]digits]</c> /
/// <c>.digits[exponent]</c>. Out-of-range magnitudes become ±∞ or 0.
/// </summary>
internal static class FloatParser
{
    /// <summary>Exponents beyond this (after folding in the mantissa's digit count) certainly overflow or underflow.</summary>
    private const long ExponentCap = 100_000;

    public static bool TryParse(string text, out double value)
    {
        value = 0;
        var s = text.AsSpan();
        int i = 0;
        bool negative = false;
        if (i < s.Length && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
        var rest = s[i..];
        if (rest.Equals("inf", StringComparison.OrdinalIgnoreCase) || rest.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (rest.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        int intStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        int intDigits = i - intStart;
        int fracDigits = 0, fracStart = i;
        if (i < s.Length && s[i] == '.')
        {
            fracStart = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            fracDigits = i - fracStart;
        }
        if (intDigits + fracDigits == 0) return false;
        long exponent = 0;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            bool expNegative = false;
            if (i < s.Length && (s[i] == '+' || s[i] == '-')) expNegative = s[i++] == '-';
            int expStart = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                // Saturate: a huge exponent only needs to stay huge, not exact.
                if (exponent < ExponentCap * 10) exponent = exponent * 10 + (s[i] - '0');
                i++;
            }
            if (i == expStart) return false;
            if (expNegative) exponent = -exponent;
        }
        if (i != s.Length) return false;

        value = Convert(s.Slice(intStart, intDigits), s.Slice(fracStart, fracDigits), exponent);
        if (negative) value = -value;
        return true;
    }

    // The grammar is validated; .NET's parser is correctly rounded on this canonical form. Exponents are capped
    // so .NET never sees an exponent it cannot represent, which would not change the rounded result anyway.
    private static double Convert(ReadOnlySpan<char> intPart, ReadOnlySpan<char> fracPart, long exponent)
    {
        long cap = ExponentCap + intPart.Length + fracPart.Length;
        exponent = Math.Clamp(exponent, -cap, cap);
        var canonical = string.Create(CultureInfo.InvariantCulture, $"{(intPart.IsEmpty ? "0" : intPart)}.{(fracPart.IsEmpty ? "0" : fracPart)}e{exponent}");
        return double.Parse(canonical.AsSpan(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture);
    }
}
