using Atlas.Vm;

namespace Atlas.Stdlib;

/// <summary>Type predicates (stdlib.md §2).</summary>
internal static partial class CoreBuiltins
{
    private static void RegisterPredicates()
    {
        DefinePredicate("isString", "True when the value is a string.", v => v.IsString);
        DefinePredicate("isNumber", "True when the value is a number.", v => v.IsNumber);
        DefinePredicate("isBool", "True when the value is a bool.", v => v.IsBool);
        DefinePredicate("isNull", "True when the value is null.", v => v.IsNull);
        DefinePredicate("isArray", "True when the value is an array.", v => v.IsArray);
        DefinePredicate("isFunction", "True when the value is a function, closure or builtin.", ArgCheck.IsCallable);
        BuiltinRegistry.Define("isType", IsType, "True when typeof(value) equals the given type name; \"object\" matches a json object.");
    }

    private static void DefinePredicate(string name, string summary, Func<Value, bool> test) =>
        BuiltinRegistry.Define(name, (_, args) =>
        {
            ArgCheck.Arity(name, args, 1);
            return Value.Bool(test(args[0]));
        }, summary);

    private static Value IsType(Interpreter vm, Args args)
    {
        ArgCheck.Arity("isType", args, 2);
        if (!args[1].IsString) throw AtlasRuntimeException.Type("isType() requires type name string as second argument");
        // "object" names a json object (a json value's own type name is "json").
        if (args[1].AsString == "object") return Value.Bool(args[0].Kind == ValueKind.Json && args[0].AsJson.Kind == JsonKind.Object);
        return Value.Bool(ValueFormatter.TypeOfName(args[0]) == args[1].AsString);
    }
}
