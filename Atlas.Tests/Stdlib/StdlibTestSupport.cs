using Atlas.Stdlib;
using Atlas.Vm;

namespace Atlas.Tests.Stdlib;

/// <summary>Calls builtins directly with concisely written arguments and checks their errors.</summary>
internal static class StdlibTestSupport
{
    public static Interpreter NewVm() => new() { Out = new StringWriter() };

    /// <summary>Converts test shorthand to a value: double/int, string, bool, null, object[] (array) or a Value as is.</summary>
    public static Value V(object? o) => o switch
    {
        null => Value.Null,
        Value v => v,
        double d => Value.Number(d),
        int i => Value.Number(i),
        string s => Value.String(s),
        bool b => Value.Bool(b),
        object[] items => Arr(items),
        _ => throw new ArgumentException($"no Atlas value for {o.GetType()}"),
    };

    public static Value Arr(params object?[] items) => Value.Array(AtlasArray.From(items.Select(V)));

    public static Value Call(string name, params object?[] args) => CallOn(NewVm(), name, args);

    public static Value CallOn(Interpreter vm, string name, params object?[] args) =>
        BuiltinRegistry.Get(name).Impl(vm, Args.Of(args.Select(V).ToArray()));

    /// <summary>The display text of a builtin's result, which makes expected values easy to write.</summary>
    public static string Show(string name, params object?[] args) => ValueFormatter.Display(Call(name, args));

    public static AtlasRuntimeException Fails(string name, params object?[] args) =>
        Assert.ThrowsExactly<AtlasRuntimeException>(() => Call(name, args));

    /// <summary>Asserts a class-T error (AT0001) with exactly this text.</summary>
    public static void FailsType(string message, string name, params object?[] args)
    {
        var e = Fails(name, args);
        Assert.AreEqual(RuntimeErrorKind.TypeError, e.Kind, e.Message);
        Assert.AreEqual(message, e.Detail);
        Assert.AreEqual("Type error: " + message, e.Message);
    }

    /// <summary>Asserts a class-A error (AT0102) with exactly this detail.</summary>
    public static void FailsStdlib(string message, string name, params object?[] args)
    {
        var e = Fails(name, args);
        Assert.AreEqual(RuntimeErrorKind.InvalidStdlibArgument, e.Kind, e.Message);
        Assert.AreEqual(message, e.Detail);
        Assert.AreEqual("AT0102", e.Code);
    }

    /// <summary>Asserts an error of a kind without detail text (OutOfBounds, InvalidNumericResult, ...).</summary>
    public static void FailsWith(RuntimeErrorKind kind, string name, params object?[] args) =>
        Assert.AreEqual(kind, Fails(name, args).Kind);

    /// <summary>A native callback for the higher-order builtins (Interpreter.Invoke runs builtins).</summary>
    public static Value Native(string name, Func<Value[], Value> body) =>
        Value.Builtin(new BuiltinFunction(name, (_, args) => body(args.ToArray())));

    public static Value Builtin(string name) => BuiltinRegistry.Get(name).Value;

    public static Value Map(params (object? Key, object? Value)[] entries)
    {
        var m = new AtlasMap();
        foreach (var (k, v) in entries) m.Entries[new HashKey(V(k))] = V(v);
        return Value.Map(m);
    }

    public static Value Set(params object?[] items)
    {
        var s = new AtlasSet();
        foreach (var x in items) s.Items.TryAdd(new HashKey(V(x)), true);
        return Value.Set(s);
    }
}
