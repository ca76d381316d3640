using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Atlas.Stdlib.Json;

/// <summary>
/// Writes parsed JSON back as text the way the reference's <c>minifyJSON</c> / <c>prettifyJSON</c> do (serde_json):
/// keys sorted, integers kept as written, other numbers in shortest form (<c>1.5</c>, <c>1.0</c>, <c>1e20</c>), strings
/// escaped only where JSON requires it, pretty output with one item per line and "key": value.
/// </summary>
internal static class JsonFormatter
{
    /// <summary>Compact text when <paramref name="indent"/> is null, otherwise one item per line indented by it.</summary>
    public static string Format(JsonElement root, string? indent)
    {
        var sb = new StringBuilder();
        Write(sb, root, indent, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonElement e, string? indent, int level)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                WriteItems(sb, '[', ']', e.EnumerateArray().Select(v => (default(string), v)).ToList(), indent, level);
                break;
            case JsonValueKind.Object:
                WriteItems(sb, '{', '}', JsonParser.Fields(e).Select(kv => ((string?)kv.Key, kv.Value)).ToList(), indent, level);
                break;
            case JsonValueKind.String: JsonEscape.Append(sb, e.GetString()!); break;
            case JsonValueKind.Number: sb.Append(Number(e.GetRawText())); break;
            default: sb.Append(e.GetRawText()); break;
        }
    }

    private static void WriteItems(StringBuilder sb, char open, char close, List<(string? Key, JsonElement Value)> items, string? indent, int level)
    {
        sb.Append(open);
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(',');
            NewLine(sb, indent, level + 1);
            if (items[i].Key is { } key)
            {
                JsonEscape.Append(sb, key);
                sb.Append(indent == null ? ":" : ": ");
            }
            Write(sb, items[i].Value, indent, level + 1);
        }
        if (items.Count > 0) NewLine(sb, indent, level);
        sb.Append(close);
    }

    private static void NewLine(StringBuilder sb, string? indent, int level)
    {
        if (indent == null) return;
        sb.Append('\n');
        for (int i = 0; i < level; i++) sb.Append(indent);
    }

    /// <summary>serde_json keeps an integer literal that fits 64 bits; anything else becomes a double ("-0" too).</summary>
    private static string Number(string raw)
    {
        bool integral = raw.IndexOfAny(['.', 'e', 'E']) < 0 && raw != "-0";
        if (integral && (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                         || ulong.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            return raw;
        return ShortestFloat(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The shortest round-trip digits laid out as the Rust <c>ryu</c> crate does: <c>1.0</c>, <c>0.001</c>, <c>1e-7</c>,
    /// <c>1.5e20</c> (scientific when the decimal point would be more than 16 digits right or 5 left of the first digit).
    /// </summary>
    public static string ShortestFloat(double d)
    {
        string sign = double.IsNegative(d) ? "-" : "";
        if (d == 0) return sign + "0.0";
        // Find the shortest digits that round-trip, then the decimal exponent of the first digit.
        string shortest = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        int e = shortest.IndexOf('E');
        int exp10 = e < 0 ? 0 : int.Parse(shortest.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string mantissa = e < 0 ? shortest : shortest[..e];
        int dot = mantissa.IndexOf('.');
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int point = (dot < 0 ? mantissa.Length : dot) + exp10;
        int lead = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        point -= lead;
        int k = point - digits.Length; // value = digits × 10^k
        string body;
        if (k >= 0 && point <= 16) body = digits + new string('0', k) + ".0";
        else if (point > 0 && point <= 16) body = digits[..point] + "." + digits[point..];
        else if (point > -5 && point <= 0) body = "0." + new string('0', -point) + digits;
        else body = (digits.Length == 1 ? digits : digits[0] + "." + digits[1..]) + "e" + (point - 1).ToString(CultureInfo.InvariantCulture);
        return sign + body;
    }
}
