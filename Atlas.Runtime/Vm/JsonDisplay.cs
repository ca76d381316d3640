using System.Globalization;
using System.Text;

namespace Atlas.Vm;

/// <summary>
/// How <c>print</c> and <c>str</c> show a json value (the reference's Display of its JSON type): strings in quotes without
/// escaping, whole numbers as 64-bit integers, arrays <c>[1, 2]</c> and objects <c>{"k": v}</c> with ", " between items.
/// </summary>
public static class JsonDisplay
{
    public static string Format(AtlasJson json)
    {
        var sb = new StringBuilder();
        Append(sb, json);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, AtlasJson json)
    {
        switch (json.Kind)
        {
            case JsonKind.Null: sb.Append("null"); break;
            case JsonKind.Bool: sb.Append(json.Number != 0 ? "true" : "false"); break;
            case JsonKind.Number: sb.Append(Number(json.Number)); break;
            case JsonKind.String: sb.Append('"').Append(json.String).Append('"'); break;
            case JsonKind.Array:
                sb.Append('[');
                for (int i = 0; i < json.Items.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Append(sb, json.Items[i]);
                }
                sb.Append(']');
                break;
            default:
                sb.Append('{');
                bool first = true;
                foreach (var (key, value) in json.Fields)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    sb.Append('"').Append(key).Append("\": ");
                    Append(sb, value);
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
