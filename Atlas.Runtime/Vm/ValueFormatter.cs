using System.Text;

namespace Atlas.Vm;

/// <summary>Display text of values (language.md §12.3), type names for messages (stdlib.md §0.2) and typeof names.</summary>
internal static class ValueFormatter
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

    /// <summary>Appends the display text of <paramref name="root"/>.</summary>
    public static void Append(StringBuilder sb, Value root)
    {
        if (!IsContainer(root))
        {
            AppendLeaf(sb, root);
            return;
        }
        Walk(sb, root, ", ", optionsAndResults: true, AppendLeaf);
    }

    /// <summary>
    /// Appends <paramref name="root"/> with arrays as <c>[a SEP b]</c> (and, with <paramref name="optionsAndResults"/>,
    /// <c>Some(x)</c>, <c>Ok(x)</c>, <c>Err(x)</c>) and everything else through <paramref name="leaf"/>. Nested values can be
    /// arbitrarily deep, so containers are expanded through an explicit work list (text still to write, or a value still
    /// to format), not by recursion. Display and toJSON both walk values this way.
    /// </summary>
    internal static void Walk(StringBuilder sb, Value root, string separator, bool optionsAndResults, Action<StringBuilder, Value> leaf)
    {
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
            switch (v.Kind)
            {
                case ValueKind.Array:
                {
                    // Pushed in reverse: the first element is popped first.
                    var a = v.AsArray;
                    sb.Append('[');
                    pending.Push((default, "]"));
                    for (int i = a.Count - 1; i >= 0; i--)
                    {
                        pending.Push((a.Get(i), null));
                        if (i > 0) pending.Push((default, separator));
                    }
                    break;
                }
                case ValueKind.Option when optionsAndResults && v.AsOption.IsSome:
                    sb.Append("Some(");
                    pending.Push((default, ")"));
                    pending.Push((v.AsOption.Payload, null));
                    break;
                case ValueKind.Result when optionsAndResults:
                    sb.Append(v.AsResult.IsOk ? "Ok(" : "Err(");
                    pending.Push((default, ")"));
                    pending.Push((v.AsResult.Payload, null));
                    break;
                default:
                    leaf(sb, v);
                    break;
            }
        }
    }

    /// <summary>Arrays, Some and Results display their components; everything else (None included) is one piece of text.</summary>
    private static bool IsContainer(Value v) =>
        v.Kind is ValueKind.Array or ValueKind.Result || (v.Kind == ValueKind.Option && v.AsOption.IsSome);

    private static void AppendLeaf(StringBuilder sb, Value v)
    {
        switch (v.Kind)
        {
            case ValueKind.Option: sb.Append("None"); break;
            case ValueKind.Function: sb.Append("<fn ").Append(v.AsFunction.Name).Append('>'); break;
            case ValueKind.Builtin: sb.Append("<builtin ").Append(v.AsBuiltin.Name).Append('>'); break;
            case ValueKind.HashMap: sb.Append("<HashMap size=").Append(v.AsMap.Count).Append('>'); break;
            case ValueKind.HashSet: sb.Append("<HashSet size=").Append(v.AsSet.Count).Append('>'); break;
            case ValueKind.Queue: sb.Append("<Queue size=").Append(v.AsQueue.Count).Append('>'); break;
            case ValueKind.Stack: sb.Append("<Stack size=").Append(v.AsStack.Count).Append('>'); break;
            case ValueKind.Json: sb.Append(JsonDisplay.Format(v.AsJson)); break;
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
        ValueKind.Json => "json",
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
