namespace Atlas.Vm;

/// <summary>The JSON kinds of stdlib.md §9.1; also the names in <c>Cannot extract string from JSON value of type 'number'</c>.</summary>
internal enum JsonKind : byte
{
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

/// <summary>
/// An immutable JSON value (the payload of the Atlas <c>json</c> type). Objects keep their keys sorted by code unit, as the
/// reference's ordered map does, so printing and serialising are deterministic. Trees come from <c>parseJSON</c>, whose
/// reader limits nesting to <see cref="MaxDepth"/>, so walking them recursively is safe.
/// </summary>
internal sealed class AtlasJson : IEquatable<AtlasJson>
{
    /// <summary>Deepest nesting accepted by the parser (serde_json's recursion limit).</summary>
    public const int MaxDepth = 128;

    public static readonly AtlasJson Null = new(JsonKind.Null, 0, null);
    public static readonly AtlasJson True = new(JsonKind.Bool, 1, null);
    public static readonly AtlasJson False = new(JsonKind.Bool, 0, null);

    public JsonKind Kind { get; }
    /// <summary>The number (Number), 1 or 0 (Bool).</summary>
    public double Number { get; }
    private readonly object? _payload;

    private AtlasJson(JsonKind kind, double number, object? payload)
    {
        Kind = kind;
        Number = number;
        _payload = payload;
    }

    public static AtlasJson FromBool(bool b) => b ? True : False;
    public static AtlasJson FromNumber(double d) => new(JsonKind.Number, d, null);
    public static AtlasJson FromString(string s) => new(JsonKind.String, 0, s);
    public static AtlasJson FromArray(AtlasJson[] items) => new(JsonKind.Array, 0, items);
    public static AtlasJson FromObject(SortedDictionary<string, AtlasJson> fields) => new(JsonKind.Object, 0, fields);

    public string String => (string)_payload!;
    public IReadOnlyList<AtlasJson> Items => (AtlasJson[])_payload!;
    public IReadOnlyDictionary<string, AtlasJson> Fields => (SortedDictionary<string, AtlasJson>)_payload!;

    /// <summary>The kind's name in messages: null, bool, number, string, array, object.</summary>
    public string KindName => Kind.ToString().ToLowerInvariant();

    /// <summary><c>j["key"]</c>: the field, or json null when this is not an object or has no such field.</summary>
    public AtlasJson Field(string key) =>
        Kind == JsonKind.Object && Fields.TryGetValue(key, out var v) ? v : Null;

    /// <summary><c>j[i]</c>: the element, or json null for a non-array, a negative or fractional index, or one past the end.</summary>
    public AtlasJson Element(double index)
    {
        if (Kind != JsonKind.Array || !(index >= 0) || index != Math.Floor(index) || index >= Items.Count) return Null;
        return Items[(int)index];
    }

    public bool Equals(AtlasJson? other)
    {
        if (other is null || other.Kind != Kind) return false;
        if (ReferenceEquals(this, other)) return Kind != JsonKind.Number || !double.IsNaN(Number);
        return Kind switch
        {
            JsonKind.Null => true,
            JsonKind.Bool or JsonKind.Number => Number == other.Number,
            JsonKind.String => string.Equals(String, other.String, StringComparison.Ordinal),
            JsonKind.Array => Items.Count == other.Items.Count && Items.Zip(other.Items).All(p => p.First.Equals(p.Second)),
            _ => Fields.Count == other.Fields.Count
                && Fields.All(kv => other.Fields.TryGetValue(kv.Key, out var o) && kv.Value.Equals(o)),
        };
    }

    public override bool Equals(object? obj) => obj is AtlasJson j && Equals(j);
    public override int GetHashCode() => HashCode.Combine(Kind, Number);
    public override string ToString() => JsonDisplay.Format(this);
}
