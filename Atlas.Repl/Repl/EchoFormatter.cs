using System.Text;
using Atlas.Hosting;
using Atlas.Semantics;
using Atlas.Vm;

namespace Atlas.Repl.Repl;

/// <summary>The echo of an entry's value: <c>&lt;display&gt; : &lt;type&gt;</c> (repl.md "Output").</summary>
internal static class EchoFormatter
{
    /// <summary>
    /// A string value is quoted as an Atlas literal so <c>"1"</c> and <c>1</c> look different; everything else uses the
    /// display format of <c>print</c> (language.md §12.3), so strings inside arrays stay unquoted as there.
    /// </summary>
    public static string Format(Value value, AtlasType type)
    {
        string text = value.Kind == ValueKind.String ? Quote(value.AsString) : ValueFormatter.Display(value);
        return $"{text} : {ValueTypes.Refine(type, value).Display}";
    }

    /// <summary>Whether an expression statement of this static type is echoed: everything but void.</summary>
    public static bool IsEchoed(AtlasType? type) => type is not null && !ReferenceEquals(type, AtlasType.Void);

    private static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (char c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }
}
