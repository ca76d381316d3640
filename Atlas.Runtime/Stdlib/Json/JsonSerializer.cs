using System.Text;
using Atlas.Vm;

namespace Atlas.Stdlib.Json;

/// <summary>
/// <c>toJSON(v)</c>: compact JSON text of an Atlas value (stdlib.md §9.1). Numbers in display format, strings escaped,
/// arrays element by element, json values as they are; other kinds fail with <c>Cannot serialize Option to JSON</c> etc.
/// Atlas arrays can nest arbitrarily deep, so they are walked with a work list rather than recursion.
/// </summary>
internal static class JsonSerializer
{
    public static string Serialize(Value root)
    {
        var sb = new StringBuilder();
        var pending = new Stack<(Value Value, string? Text)>();
        pending.Push((root, null));
        while (pending.TryPop(out var item))
        {
            if (item.Text != null)
            {
                sb.Append(item.Text);
                continue;
            }
            var v = item.Value;
            if (v.Kind == ValueKind.Array)
            {
                var a = v.AsArray;
                sb.Append('[');
                pending.Push((default, "]"));
                for (int i = a.Count - 1; i >= 0; i--)
                {
                    pending.Push((a.Get(i), null));
                    if (i > 0) pending.Push((default, ","));
                }
            }
            else AppendLeaf(sb, v);
            SizeLimits.CheckString(sb.Length);
        }
        return sb.ToString();
    }

    private static void AppendLeaf(StringBuilder sb, Value v)
    {
        switch (v.Kind)
        {
            case ValueKind.Null: sb.Append("null"); break;
            case ValueKind.Bool: sb.Append(v.AsBool ? "true" : "false"); break;
            case ValueKind.Number: sb.Append(Number(v.Num)); break;
            case ValueKind.String: JsonEscape.Append(sb, v.AsString); break;
            case ValueKind.Json: AppendJson(sb, v.AsJson); break;
            default: throw AtlasRuntimeException.Type($"Cannot serialize {KindName(v)} to JSON");
        }
    }

    private static void AppendJson(StringBuilder sb, AtlasJson json)
    {
        switch (json.Kind)
        {
            case JsonKind.Null: sb.Append("null"); break;
            case JsonKind.Bool: sb.Append(json.Number != 0 ? "true" : "false"); break;
            case JsonKind.Number: sb.Append(Number(json.Number)); break;
            case JsonKind.String: JsonEscape.Append(sb, json.String); break;
            case JsonKind.Array:
                sb.Append('[');
                for (int i = 0; i < json.Items.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    AppendJson(sb, json.Items[i]);
                }
                sb.Append(']');
                break;
            default:
                sb.Append('{');
                bool first = true;
                foreach (var (key, value) in json.Fields)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    JsonEscape.Append(sb, key);
                    sb.Append(':');
                    AppendJson(sb, value);
                }
                sb.Append('}');
                break;
        }
    }

    private static string Number(double d) =>
        double.IsFinite(d) ? NumberFormatter.Display(d) : throw AtlasRuntimeException.Type("Cannot serialize NaN or Infinity to JSON");

    /// <summary>The reference's names in <c>Cannot serialize NAME to JSON</c>.</summary>
    private static string KindName(Value v) => v.Kind switch
    {
        ValueKind.Function or ValueKind.Builtin => "function",
        ValueKind.Option => "Option",
        ValueKind.Result => "Result",
        ValueKind.HashMap => "HashMap",
        ValueKind.HashSet => "HashSet",
        ValueKind.Queue => "Queue",
        ValueKind.Stack => "Stack",
        _ => ValueFormatter.TypeName(v),
    };
}
