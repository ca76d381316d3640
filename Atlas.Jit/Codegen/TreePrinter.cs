using System.Linq.Expressions;
using Atlas.Bytecode;
using Atlas.Jit.Tiering;
using Atlas.Vm;
using FastExpressionCompiler;

namespace Atlas.Jit.Codegen;

/// <summary>Prints a generated tree as C# (FastExpressionCompiler's printer), with the JIT's constants named readably.</summary>
internal static class TreePrinter
{
    public static string Print(LambdaExpression tree) => tree.ToCSharpString(Constant);

    private static string Constant(object? value, bool quote, Func<Type, string, string?>? typeName) => value switch
    {
        FunctionProto p => $"/*proto*/ {Name(p)}",
        JitFunction f => $"/*jit record*/ {Name(f.Proto)}",
        Value[] constants => $"/*constants*/ [{string.Join(", ", constants.Select(Describe))}]",
        Delegate d => $"/*compiled {d.GetType().Name}*/",
        _ when value?.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(PatchableEntry<>)
            => "/*patchable entry*/",
        _ => $"/*{value}*/",
    };

    private static string Name(FunctionProto p) => p.Name.All(char.IsLetterOrDigit) ? p.Name : "\"" + p.Name + "\"";

    private static string Describe(Value v) => v.Kind switch
    {
        ValueKind.String => "\"" + v.AsString.Replace("\n", "\\n") + "\"",
        ValueKind.Function => $"<fn {v.AsFunction.Name}>",
        _ => ValueFormatter.Display(v),
    };
}
