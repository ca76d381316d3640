using Atlas.Bytecode;
using Atlas.Diagnostics;
using Atlas.Vm;

namespace Atlas.Jit.Tiering;

/// <summary>
/// The function the start-up warm-up compiles (<see cref="JitWarmUp"/>): a recursive Fibonacci over a number, built
/// as bytecode directly — the shape <c>fn fib(n: number) -> number { if (n &lt; 2) { return n; } return fib(n - 1) +
/// fib(n - 2); }</c> compiles to — so that warming up needs no parse (the program's thread is parsing at the same time and
/// the front-end's own cold start would double the warm-up) and its compile goes through every stage a program's first
/// hot function does: inference with a whole-number parameter, a direct self-call, FEC into a dynamic method, the entry
/// adapters.
/// </summary>
internal static class WarmUpFunction
{
    /// <summary>A validated prototype and the globals that define it (slot 0 holds the function itself).</summary>
    public static (FunctionProto Proto, Value[] Globals) Create()
    {
        var b = new CodeBuilder();
        var at = default(TextSpan);
        int two = b.AddConstant(Value.Number(2)), one = b.AddConstant(Value.Number(1));
        var recurse = new Label();
        b.Emit(OpCode.GetLocal, at, 0);
        b.Emit(OpCode.Constant, at, two);
        b.Emit(OpCode.Less, at);
        b.EmitJump(OpCode.JumpIfFalse, recurse, at);
        b.Emit(OpCode.BorrowLocal, at, 0);
        b.Emit(OpCode.Return, at);
        b.Mark(recurse);
        foreach (int k in (int[])[one, two])
        {
            b.Emit(OpCode.GetGlobal, at, 0);
            b.Emit(OpCode.GetLocal, at, 0);
            b.Emit(OpCode.Constant, at, k);
            b.Emit(OpCode.Sub, at);
            b.Emit(OpCode.Call, at, 1);
        }
        b.Emit(OpCode.Add, at);
        b.Emit(OpCode.Return, at);
        var proto = new FunctionProto
        {
            Name = "warm_up_fib",
            Arity = 1,
            LocalCount = 1,
            MaxStack = 4,
            Code = b.Code(),
            Constants = b.Constants(),
            Lines = b.Lines,
            LocalTypes = [StaticType.Number],
            ReturnType = StaticType.Number,
            LocalNames = ["n"],
            UpvalueNames = [],
        };
        var problems = BytecodeValidator.Validate(proto, globalCount: 1);
        if (problems.Count > 0) throw new InvalidOperationException("warm-up function: " + string.Join("; ", problems));
        return (proto, [ValueOps.MakeClosure(proto, [])]);
    }
}
