using System.Text;
using Atlas.Vm;

namespace Atlas.Stdlib.Json;

/// <summary>
/// <c>toJSON(v)</c>: compact JSON text of an Atlas value (stdlib.md §9.1). Numbers in display format, strings escaped,
/// arrays element by element, json values as they are; other kinds fail with <c>Cannot serialize Option to JSON</c> etc.
/// </summary>
internal static class JsonSerializer
{
    private static readonly JsonStyle Compact = new(",", ":", JsonEscape.Append, Number);

    public static string Serialize(Value root)
    {
        var sb = new StringBuilder();
        // Atlas arrays nest arbitrarily deep: the display walker's work list avoids recursion.
        ValueFormatter.Walk(sb, root, ",", optionsAndResults: false, AppendLeaf);
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
            case ValueKind.Json: JsonDisplay.Append(sb, v.AsJson, Compact); break;
            default: throw AtlasRuntimeException.Type($"Cannot serialize {KindName(v)} to JSON");
        }
        SizeLimits.CheckString(sb.Length);
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
