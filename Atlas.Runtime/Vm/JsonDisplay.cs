using System.Globalization;
using System.Text;

namespace Atlas.Vm;

/// <summary>
/// How <c>print</c> and <c>str</c> show a json value (the reference's Display of its JSON type): strings in quotes without
/// escaping, whole numbers as 64-bit integers, arrays <c>[1, 2]</c> and objects <c>{"k": v}</c> with ", " between items.
/// </summary>
internal static class JsonDisplay
{
    private static readonly JsonStyle DisplayStyle = new(", ", ": ", (sb, s) => sb.Append('"').Append(s).Append('"'), Number);

    public static string Format(AtlasJson json)
    {
        var sb = new StringBuilder();
        Append(sb, json, DisplayStyle);
        return sb.ToString();
    }

    /// <summary>
    /// Appends <paramref name="json"/> in <paramref name="style"/> (json trees are at most 128 levels deep: recursion is safe).
    /// </summary>
    internal static void Append(StringBuilder sb, AtlasJson json, JsonStyle style)
    {
        switch (json.Kind)
        {
            case JsonKind.Null: sb.Append("null"); break;
            case JsonKind.Bool: sb.Append(json.Number != 0 ? "true" : "false"); break;
            case JsonKind.Number: sb.Append(style.Number(json.Number)); break;
            case JsonKind.String: style.String(sb, json.String); break;
            case JsonKind.Array:
                sb.Append('[');
                for (int i = 0; i < json.Items.Count; i++)
                {
                    if (i > 0) sb.Append(style.ItemSeparator);
                    Append(sb, json.Items[i], style);
                }
                sb.Append(']');
                break;
            default:
                sb.Append('{');
                bool first = true;
                foreach (var (key, value) in json.Fields)
                {
                    if (!first) sb.Append(style.ItemSeparator);
                    first = false;
                    style.String(sb, key);
                    sb.Append(style.KeySeparator);
                    Append(sb, value, style);
                }
                sb.Append('}');
                break;
        }
    }

    /// <summary>Whole numbers print as a saturated 64-bit integer (Rust's <c>n as i64</c>), others in display format.</summary>
    private static string Number(double d)
    {
        if (!double.IsFinite(d) || d != Math.Floor(d)) return NumberFormatter.Display(d);
        long l = d >= 9.2233720368547758e18 ? long.MaxValue : d <= -9.2233720368547758e18 ? long.MinValue : (long)d;
        return l.ToString(CultureInfo.InvariantCulture);
    }
}
