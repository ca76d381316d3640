using System.Text.Json;

namespace Atlas.Stdlib.Json;

/// <summary>
/// Turns a System.Text.Json reader error into the reference's serde_json wording, e.g. <c>key must be a string at line 1
/// column 2</c>. System.Text.Json exposes only the message text and position, so the kind of error is recognised from
/// the message; a message not recognised is kept as it is (without its own position suffix).
/// </summary>
internal static class JsonErrorText
{
    private static readonly (string Fragment, string Serde)[] Known =
    [
        ("invalid start of a property name", "key must be a string"),
        ("invalid after a property name", "expected `:`"),
        ("invalid after a single JSON value", "trailing characters"),
        ("trailing comma", "trailing comma"),
        ("maximum configured depth", "recursion limit exceeded"),
        ("CurrentDepth", "recursion limit exceeded"),
        ("invalid within a JSON string", "control character (\\u0000-\\u001F) found while parsing a string"),
        ("escapable", "invalid escape"),
        ("after '\\'", "invalid escape"),
        ("hex digit", "invalid escape"),
        ("within a number", "invalid number"),
        ("leading zero", "invalid number"),
        ("end of a number", "invalid number"),
        ("invalid JSON literal", "expected ident"),
        ("invalid start of a value", "expected value"),
        ("without a matching open", "expected value"),
    ];

    public static string From(JsonException e, string text)
    {
        string message = e.Message;
        long line = (e.LineNumber ?? 0) + 1;
        long column = (e.BytePositionInLine ?? 0) + 1;
        string? serde = null;
        bool atEnd = Offset(text, line, column) >= text.Length;
        if (message.Contains("end of string, but instead reached end", StringComparison.Ordinal))
            serde = "EOF while parsing a string";
        else if (atEnd || message.Contains("reached end of data", StringComparison.Ordinal) || message.Contains("depth to be zero", StringComparison.Ordinal)
                 || message.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
            serde = "EOF while parsing " + OpenContainer(text, text.Length);
        else if (message.Contains("invalid after a value", StringComparison.Ordinal))
            serde = OpenContainer(text, Offset(text, line, column)) == "an object" ? "expected `,` or `}`" : "expected `,` or `]`";
        if (serde != null && serde.StartsWith("EOF", StringComparison.Ordinal)) column--;
        serde ??= Known.FirstOrDefault(k => message.Contains(k.Fragment, StringComparison.Ordinal)).Serde;
        if (serde == null)
        {
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            serde = cut < 0 ? message : message[..cut];
        }
        return $"{serde} at line {line} column {column}";
    }

    /// <summary>The innermost container still open before <paramref name="end"/>: "a list", "an object" or "a value".</summary>
    private static string OpenContainer(string text, int end)
    {
        var open = new Stack<char>();
        bool inString = false;
        for (int i = 0; i < end && i < text.Length; i++)
        {
            char c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            }
            else if (c == '"') inString = true;
            else if (c is '[' or '{') open.Push(c);
            else if (c is ']' or '}' && open.Count > 0) open.Pop();
        }
        if (inString) return "a string";
        return open.Count == 0 ? "a value" : open.Peek() == '[' ? "a list" : "an object";
    }

    /// <summary>The character offset of a 1-based line and column (columns counted as characters, close enough for ASCII).</summary>
    private static int Offset(string text, long line, long column)
    {
        int offset = 0;
        for (long l = 1; l < line && offset < text.Length; l++)
        {
            int nl = text.IndexOf('\n', offset);
            if (nl < 0) break;
            offset = nl + 1;
        }
        return (int)Math.Min(text.Length, offset + column - 1);
    }
}
