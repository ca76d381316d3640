using System.Text.Json;
using Atlas.Vm;

namespace Atlas.Stdlib.Json;

/// <summary>
/// Parsing JSON text with System.Text.Json under the reference's rules (serde_json): nesting up to 128 levels, duplicate
/// keys resolved by the last one, numbers outside the double range rejected. Failures become
/// <c>Type error: Invalid JSON: …</c> in serde's wording (<see cref="JsonErrorText"/>).
/// </summary>
internal static class JsonParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = AtlasJson.MaxDepth };

    /// <summary>Parses <paramref name="text"/>, or throws the class-T error <c>Invalid JSON: …</c>.</summary>
    public static JsonDocument Parse(string text)
    {
        try
        {
            var doc = JsonDocument.Parse(text, Options);
            if (!NumbersInRange(doc.RootElement))
            {
                doc.Dispose();
                throw AtlasRuntimeException.Type("Invalid JSON: number out of range");
            }
            return doc;
        }
        catch (JsonException e)
        {
            throw AtlasRuntimeException.Type("Invalid JSON: " + JsonErrorText.From(e, text));
        }
    }

    /// <summary>True when <paramref name="text"/> is one complete JSON value that <see cref="Parse"/> accepts.</summary>
    public static bool IsValid(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, Options);
            return NumbersInRange(doc.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static AtlasJson ToAtlas(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => AtlasJson.Null,
        JsonValueKind.True => AtlasJson.True,
        JsonValueKind.False => AtlasJson.False,
        JsonValueKind.Number => AtlasJson.FromNumber(e.GetDouble()),
        JsonValueKind.String => AtlasJson.FromString(e.GetString()!),
        JsonValueKind.Array => AtlasJson.FromArray(e.EnumerateArray().Select(ToAtlas).ToArray()),
        _ => AtlasJson.FromObject(new SortedDictionary<string, AtlasJson>(
            Fields(e).ToDictionary(kv => kv.Key, kv => ToAtlas(kv.Value), StringComparer.Ordinal), StringComparer.Ordinal)),
    };

    /// <summary>An object's fields sorted by key (code-unit order); of duplicate keys the last one counts.</summary>
    public static SortedDictionary<string, JsonElement> Fields(JsonElement obj)
    {
        var fields = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject()) fields[p.Name] = p.Value;
        return fields;
    }

    /// <summary>serde_json rejects numbers such as 1e400 that overflow a double; System.Text.Json only fails on access.</summary>
    private static bool NumbersInRange(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.TryGetDouble(out var d) && double.IsFinite(d),
        JsonValueKind.Array => e.EnumerateArray().All(NumbersInRange),
        JsonValueKind.Object => e.EnumerateObject().All(p => NumbersInRange(p.Value)),
        _ => true,
    };
}
