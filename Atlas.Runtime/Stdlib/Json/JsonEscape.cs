using System.Text;

namespace Atlas.Stdlib.Json;

/// <summary>
/// A JSON string literal as serde_json writes it: quotes, backslashes and control characters escaped (\b \f \n \r \t,
/// others as \u00XX), everything else, non-ASCII included, as it is. A lone surrogate (possible in .NET strings) becomes \uXXXX.
/// </summary>
internal static class JsonEscape
{
    public static void Append(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || (char.IsSurrogate(c) && !ScalarText.IsPairAt(s, i) && !(i > 0 && ScalarText.IsPairAt(s, i - 1))))
                        sb.Append("\\u").Append(((int)c).ToString("x4"));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
