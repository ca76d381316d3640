using System.Text;

namespace Atlas.Vm;

/// <summary>Display text of values (language.md §12.3), type names for messages (stdlib.md §0.2) and typeof names.</summary>
public static class ValueFormatter
{
    public static string Display(Value v)
    {
        switch (v.Kind)
        {
            case ValueKind.Number: return NumberFormatter.Display(v.Num);
            case ValueKind.String: return v.AsString;
            case ValueKind.Null: return "null";
            case ValueKind.Bool: return v.AsBool ? "true" : "false";
            default:
                var sb = new StringBuilder();
                Append(sb, v);
                return sb.ToString();
        }
    }

    public static void Append(StringBuilder sb, Value v)
    {
        switch (v.Kind)
        {
            case ValueKind.Array:
                var a = v.AsArray;
                sb.Append('[');
                for (int i = 0; i < a.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Append(sb, a.Items[i]);
                }
                sb.Append(']');
                break;
            case ValueKind.Option:
                var o = v.AsOption;
                if (!o.IsSome) { sb.Append("None"); break; }
                sb.Append("Some(");
                Append(sb, o.Payload);
                sb.Append(')');
                break;
            case ValueKind.Result:
                var r = v.AsResult;
                sb.Append(r.IsOk ? "Ok(" : "Err(");
                Append(sb, r.Payload);
                sb.Append(')');
                break;
            case ValueKind.Function: sb.Append("<fn ").Append(v.AsFunction.Name).Append('>'); break;
            case ValueKind.Builtin: sb.Append("<builtin ").Append(v.AsBuiltin.Name).Append('>'); break;
            case ValueKind.HashMap: sb.Append("<HashMap size=").Append(v.AsMap.Count).Append('>'); break;
            case ValueKind.HashSet: sb.Append("<HashSet size=").Append(v.AsSet.Count).Append('>'); break;
            case ValueKind.Queue: sb.Append("<Queue size=").Append(v.AsQueue.Count).Append('>'); break;
            case ValueKind.Stack: sb.Append("<Stack size=").Append(v.AsStack.Count).Append('>'); break;
            case ValueKind.Undefined: sb.Append("<undefined>"); break;
            default: sb.Append(Display(v)); break;
        }
    }

    /// <summary>Runtime type name used in error messages (stdlib.md §0.2).</summary>
    public static string TypeName(Value v) => v.Kind switch
    {
        ValueKind.Number => "number",
        ValueKind.String => "string",
        ValueKind.Bool => "bool",
        ValueKind.Null => "null",
        ValueKind.Array => "array",
        ValueKind.Function => "function",
        ValueKind.Builtin => "builtin",
        ValueKind.Option => "Option",
        ValueKind.Result => "Result",
        ValueKind.HashMap => "hashmap",
        ValueKind.HashSet => "hashset",
        ValueKind.Queue => "queue",
        ValueKind.Stack => "stack",
        _ => "undefined",
    };

    /// <summary>The name <c>typeof</c> returns (stdlib.md §1).</summary>
    public static string TypeOfName(Value v) => v.Kind switch
    {
        ValueKind.Option => "option",
        ValueKind.Result => "result",
        _ => TypeName(v),
    };
}
