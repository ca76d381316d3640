using Atlas.Vm;

namespace Atlas.Stdlib.Json;

/// <summary>The JSON builtins of stdlib.md §9.1 and the json-aware type checks isObject / hasField / hasMethod / hasTag.</summary>
internal static class JsonBuiltins
{
    internal static void Register()
    {
        BuiltinRegistry.Define("parseJSON", ParseJson, "Parses JSON text to a json value; malformed text is a type error naming the problem and its position.");
        BuiltinRegistry.Define("toJSON", ToJson, "Compact JSON text of null, bools, numbers, strings, arrays and json values.");
        BuiltinRegistry.Define("isValidJSON", IsValidJson, "True when the string is one complete JSON value.");
        BuiltinRegistry.Define("prettifyJSON", PrettifyJson, "Re-formats JSON text with one item per line, indented by the given number of spaces.");
        BuiltinRegistry.Define("minifyJSON", MinifyJson, "Re-formats JSON text without whitespace (keys sorted).");
        DefineExtractor("jsonAsString", "as_string", JsonKind.String, j => Value.String(j.String), "The string inside a json string.");
        DefineExtractor("jsonAsNumber", "as_number", JsonKind.Number, j => Value.Number(j.Number), "The number inside a json number.");
        DefineExtractor("jsonAsBool", "as_bool", JsonKind.Bool, j => Value.Bool(j.Number != 0), "The bool inside a json bool.");
        BuiltinRegistry.Define("jsonIsNull", IsNull, "True when the json value is null (also what a missing field or index gives).");
        BuiltinRegistry.Define("isObject", IsObject, "True when the value is a json object.");
        DefineFieldTest("hasField", "field name", (fields, name) => fields.ContainsKey(name), "True when a json object or HashMap has the key.");
        DefineFieldTest("hasMethod", "method name", (fields, name) => fields.ContainsKey(name), "Same as hasField: true when a json object or HashMap has the key.");
        DefineFieldTest("hasTag", "tag value", HasTag, "True when the \"tag\" field of a json object or HashMap is the given string.");
    }

    /// <summary>The json methods of language.md §8.5 and the builtins they call.</summary>
    public static readonly IReadOnlyDictionary<string, string> Methods = new Dictionary<string, string>
    {
        ["as_string"] = "jsonAsString", ["as_number"] = "jsonAsNumber", ["as_bool"] = "jsonAsBool", ["is_null"] = "jsonIsNull",
    };

    private static Value ParseJson(Interpreter vm, Args args)
    {
        ArgCheck.Arity("parseJSON", args, 1);
        var text = RequireString(args[0], "parseJSON() requires string argument");
        using var doc = JsonParser.Parse(text);
        return Value.Json(JsonParser.ToAtlas(doc.RootElement));
    }

    private static Value ToJson(Interpreter vm, Args args)
    {
        ArgCheck.Arity("toJSON", args, 1);
        return Value.String(JsonSerializer.Serialize(args[0]));
    }

    private static Value IsValidJson(Interpreter vm, Args args)
    {
        ArgCheck.Arity("isValidJSON", args, 1);
        return Value.Bool(JsonParser.IsValid(RequireString(args[0], "isValidJSON() requires string argument")));
    }

    private static Value PrettifyJson(Interpreter vm, Args args)
    {
        ArgCheck.Arity("prettifyJSON", args, 2);
        var text = RequireString(args[0], "prettifyJSON() requires string as first argument");
        if (!args[1].IsNumber) throw AtlasRuntimeException.Type("prettifyJSON() requires number as second argument");
        double indent = args[1].Num;
        if (indent < 0 || !ArgCheck.IsInteger(indent)) throw AtlasRuntimeException.Type("prettifyJSON() indent must be non-negative integer");
        using var doc = JsonParser.Parse(text);
        return Value.String(JsonFormatter.Format(doc.RootElement, new string(' ', ArgCheck.CheckedLength(indent))));
    }

    private static Value MinifyJson(Interpreter vm, Args args)
    {
        ArgCheck.Arity("minifyJSON", args, 1);
        using var doc = JsonParser.Parse(RequireString(args[0], "minifyJSON() requires string argument"));
        return Value.String(JsonFormatter.Format(doc.RootElement, null));
    }

    private static void DefineExtractor(string name, string method, JsonKind kind, Func<AtlasJson, Value> extract, string summary) =>
        BuiltinRegistry.Define(name, (_, args) =>
        {
            ArgCheck.Arity(name, args, 1);
            var json = RequireJson(args[0], method);
            if (json.Kind != kind)
                throw AtlasRuntimeException.Type($"Cannot extract {kind.ToString().ToLowerInvariant()} from JSON value of type '{json.KindName}'");
            return extract(json);
        }, summary);

    private static Value IsNull(Interpreter vm, Args args)
    {
        ArgCheck.Arity("jsonIsNull", args, 1);
        return Value.Bool(RequireJson(args[0], "is_null").Kind == JsonKind.Null);
    }

    private static Value IsObject(Interpreter vm, Args args)
    {
        ArgCheck.Arity("isObject", args, 1);
        return Value.Bool(args[0].Kind == ValueKind.Json && args[0].AsJson.Kind == JsonKind.Object);
    }

    /// <summary>hasField / hasMethod / hasTag: a json object's fields or a HashMap's string keys; any other value has none.</summary>
    private static void DefineFieldTest(string name, string what, Func<IReadOnlyDictionary<string, Value>, string, bool> test, string summary) =>
        BuiltinRegistry.Define(name, (_, args) =>
        {
            ArgCheck.Arity(name, args, 2);
            var key = RequireString(args[1], $"{name}() requires {what} string as second argument");
            return Value.Bool(StringKeyed(args[0]) is { } fields && test(fields, key));
        }, summary);

    private static bool HasTag(IReadOnlyDictionary<string, Value> fields, string tag) =>
        fields.TryGetValue("tag", out var v) && v.IsString && v.AsString == tag;

    /// <summary>The string-keyed entries of a json object or a HashMap, or null for any other value.</summary>
    private static IReadOnlyDictionary<string, Value>? StringKeyed(Value v)
    {
        if (v.Kind == ValueKind.Json)
            return v.AsJson.Kind == JsonKind.Object ? v.AsJson.Fields.ToDictionary(kv => kv.Key, kv => FieldValue(kv.Value)) : null;
        if (v.Kind != ValueKind.HashMap) return null;
        return v.AsMap.Entries.Where(kv => kv.Key.Value.IsString).ToDictionary(kv => kv.Key.Value.AsString, kv => kv.Value);
    }

    /// <summary>A json field as hasTag compares it: a json string counts as that string.</summary>
    private static Value FieldValue(AtlasJson j) => j.Kind == JsonKind.String ? Value.String(j.String) : Value.Json(j);

    private static string RequireString(Value v, string message) => v.IsString ? v.AsString : throw AtlasRuntimeException.Type(message);

    private static AtlasJson RequireJson(Value v, string method) =>
        v.Kind == ValueKind.Json ? v.AsJson : throw AtlasRuntimeException.Type($"{method}() requires json argument");
}
