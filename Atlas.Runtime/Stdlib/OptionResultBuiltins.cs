using Atlas.Vm;

namespace Atlas.Stdlib;

/// <summary>
/// Option and Result builtins (stdlib.md §6). Options and Results are immutable and may be referenced from many places,
/// so a payload taken out of one is always shared.
/// </summary>
internal static class OptionResultBuiltins
{
    internal static void Register()
    {
        BuiltinRegistry.Define("Some", (_, a) => Wrap("Some", a, OptionValue.Some), "Wraps a value as a present Option.");
        BuiltinRegistry.Define("None", NoneBuiltin, "The absent Option (also written bare: None).");
        BuiltinRegistry.Define("Ok", (_, a) => Wrap("Ok", a, ResultValue.Ok), "Wraps a value as a successful Result.");
        BuiltinRegistry.Define("Err", (_, a) => Wrap("Err", a, ResultValue.Err), "Wraps an error as a failed Result.");
        BuiltinRegistry.Define("is_some", (_, a) => Value.Bool(Option("is_some", a).IsSome), "True for Some(x).");
        BuiltinRegistry.Define("is_none", (_, a) => Value.Bool(!Option("is_none", a).IsSome), "True for None.");
        BuiltinRegistry.Define("is_ok", (_, a) => Value.Bool(Result("is_ok", "is_ok", a).IsOk), "True for Ok(x).");
        BuiltinRegistry.Define("is_err", (_, a) => Value.Bool(!Result("is_err", "is_err", a).IsOk), "True for Err(e).");
        BuiltinRegistry.Define("unwrap", Unwrap, "The value inside Some(x) or Ok(x); fails on None and Err.");
        BuiltinRegistry.Define("unwrap_or", UnwrapOr, "The value inside Some(x) or Ok(x), otherwise the default.");
        BuiltinRegistry.Define("expect", Expect, "Like unwrap, but fails with the given message.");
        BuiltinRegistry.Define("result_ok", ResultOk, "Some(v) for Ok(v), None for Err.");
        BuiltinRegistry.Define("result_err", ResultErr, "Some(e) for Err(e), None for Ok.");
        BuiltinRegistry.Define("result_map", (vm, a) => Transform(vm, a, "result_map", "transform_fn", onOk: true, rewrap: true),
            "Ok(f(v)) for Ok(v); an Err is returned unchanged.");
        BuiltinRegistry.Define("result_map_err", (vm, a) => Transform(vm, a, "result_map_err", "transform_fn", onOk: false, rewrap: true),
            "Err(f(e)) for Err(e); an Ok is returned unchanged.");
        BuiltinRegistry.Define("result_and_then", (vm, a) => Transform(vm, a, "result_and_then", "next_fn", onOk: true, rewrap: false),
            "f(v) for Ok(v), where f returns a Result; an Err is returned unchanged.");
        BuiltinRegistry.Define("result_or_else", (vm, a) => Transform(vm, a, "result_or_else", "recovery_fn", onOk: false, rewrap: false),
            "f(e) for Err(e), where f returns a Result; an Ok is returned unchanged.");
    }

    private static Value Wrap(string name, Args args, Func<Value, Value> make)
    {
        ArgCheck.Arity(name, args, 1);
        return make(args[0]);
    }

    private static Value NoneBuiltin(Interpreter vm, Args args) =>
        args.Count == 0 ? OptionValue.None : throw AtlasRuntimeException.Type("Cannot call non-function type Option");

    private static OptionValue Option(string name, Args args)
    {
        ArgCheck.Arity(name, args, 1);
        return args[0].Kind == ValueKind.Option ? args[0].AsOption : throw AtlasRuntimeException.Type($"{name}() requires Option value");
    }

    // messageName differs from name for result_ok/result_err, whose messages say ok()/err().
    private static ResultValue Result(string name, string messageName, Args args)
    {
        ArgCheck.Arity(name, args, 1);
        return args[0].Kind == ValueKind.Result ? args[0].AsResult : throw AtlasRuntimeException.Type($"{messageName}() requires Result value");
    }

    private static Value Unwrap(Interpreter vm, Args args)
    {
        ArgCheck.Arity("unwrap", args, 1);
        var x = args[0];
        if (x.Kind == ValueKind.Option)
            return x.AsOption.IsSome ? x.AsOption.Payload.Share() : throw AtlasRuntimeException.Type("unwrap() called on None");
        if (x.Kind == ValueKind.Result)
            return x.AsResult.IsOk
                ? x.AsResult.Payload.Share()
                : throw AtlasRuntimeException.Type($"unwrap() called on Err({ValueFormatter.Display(x.AsResult.Payload)})");
        throw AtlasRuntimeException.Type("unwrap() requires Option or Result value");
    }

    private static Value UnwrapOr(Interpreter vm, Args args)
    {
        ArgCheck.Arity("unwrap_or", args, 2);
        var x = args[0];
        return x.Kind switch
        {
            ValueKind.Option => x.AsOption.IsSome ? x.AsOption.Payload.Share() : args[1],
            ValueKind.Result => x.AsResult.IsOk ? x.AsResult.Payload.Share() : args[1],
            _ => throw AtlasRuntimeException.Type("unwrap_or() requires Option or Result value"),
        };
    }

    private static Value Expect(Interpreter vm, Args args)
    {
        ArgCheck.Arity("expect", args, 2);
        var message = ArgCheck.String("expect", args[1]);
        var x = args[0];
        if (x.Kind == ValueKind.Option)
            return x.AsOption.IsSome ? x.AsOption.Payload.Share() : throw AtlasRuntimeException.Type(message);
        if (x.Kind == ValueKind.Result)
            return x.AsResult.IsOk
                ? x.AsResult.Payload.Share()
                : throw AtlasRuntimeException.Type($"{message}: {ValueFormatter.Display(x.AsResult.Payload)}");
        throw AtlasRuntimeException.Type("expect() requires Option or Result value");
    }

    private static Value ResultOk(Interpreter vm, Args args)
    {
        var r = Result("result_ok", "ok", args);
        return r.IsOk ? OptionValue.Some(r.Payload.Share()) : OptionValue.None;
    }

    private static Value ResultErr(Interpreter vm, Args args)
    {
        var r = Result("result_err", "err", args);
        return r.IsOk ? OptionValue.None : OptionValue.Some(r.Payload.Share());
    }

    /// <summary>
    /// result_map / result_map_err / result_and_then / result_or_else: applies f to the payload of the variant selected by
    /// <paramref name="onOk"/>; the other variant is returned unchanged. <paramref name="rewrap"/> wraps f's result in the same variant.
    /// </summary>
    private static Value Transform(Interpreter vm, Args args, string name, string fnName, bool onOk, bool rewrap)
    {
        if (args.Count != 2) throw AtlasRuntimeException.Type($"{name}() expects 2 arguments (result, {fnName})");
        if (args[0].Kind != ValueKind.Result) throw AtlasRuntimeException.Type($"{name}() first argument must be Result");
        var f = ArgCheck.Callback(name, args[1]);
        var r = args[0].AsResult;
        if (r.IsOk != onOk) return args[0];
        var mapped = vm.Invoke(f, [r.Payload.Share()]);
        if (!rewrap) return mapped;
        return onOk ? ResultValue.Ok(mapped) : ResultValue.Err(mapped);
    }
}
