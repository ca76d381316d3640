using System.Linq.Expressions;
using Atlas.Bytecode;
using Atlas.Vm;
using static System.Linq.Expressions.Expression;

namespace Atlas.Jit.Codegen;

internal sealed partial class FunctionTranslator
{
    /// <summary>
    /// <paramref name="call"/> at the back-edge <paramref name="backEdge"/> of the loop from <paramref name="header"/>, with
    /// the loop's unboxed double locals (or, in a loop without any, its long locals) moved to the VM's spill area before
    /// it and back after it (docs/jit.md, "Errors,
    /// call stacks and recursion"). A value live across a call has no SSE register to stay in on x64 Unix, and the .NET
    /// JIT then keeps it in memory on every path of the loop, storing it at each assignment and loading it at each use;
    /// stored and loaded here, on the path that makes the call, the values are not live across it and stay in registers
    /// everywhere else.
    /// </summary>
    private Expression SpilledAround(Expression call, int header, int backEdge)
    {
        var doubles = new List<ParameterExpression>();
        foreach (int local in LocalsReadBetween(header, backEdge))
            if (_types.Locals[local] == Repr.Double && doubles.Count < Interpreter.SpillCapacity) doubles.Add(_locals[local]);
        // The longs too, but only in a loop of whole numbers: there the .NET JIT had kept sieve's counters in memory
        // (stored and loaded at every iteration) for want of callee-saved registers, and moving them made it 6-10 % faster;
        // in a loop that also moves doubles, moving its longs as well made nbody 4-5 % slower.
        var longs = new List<ParameterExpression>();
        if (doubles.Count == 0)
            foreach (int local in LocalsReadBetween(header, backEdge))
                if (_types.Locals[local] == Repr.Long && longs.Count < Interpreter.SpillCapacity) longs.Add(_locals[local]);
        if (doubles.Count == 0 && longs.Count == 0) return call;
        var statements = new List<Expression>();
        for (int i = 0; i < doubles.Count; i++) statements.Add(Assign(SpillCell(i), doubles[i]));
        for (int i = 0; i < longs.Count; i++) statements.Add(Assign(LongCell(i), longs[i]));
        statements.Add(call);
        for (int i = 0; i < doubles.Count; i++) statements.Add(Assign(doubles[i], SpillCell(i)));
        for (int i = 0; i < longs.Count; i++) statements.Add(Assign(longs[i], LongCell(i)));
        return Block(typeof(void), statements);
    }

    private Expression SpillCell(int i) => ArrayAccess(Field(_vmParam, JitMethods.SpilledDoubles), Constant(i));

    private Expression LongCell(int i) => ArrayAccess(Field(_vmParam, JitMethods.SpilledLongs), Constant(i));

    /// <summary>The locals an instruction in <c>[from, to]</c> reads (sorted, each once).</summary>
    private SortedSet<int> LocalsReadBetween(int from, int to)
    {
        var read = new SortedSet<int>();
        var code = _proto.Code;
        for (int pc = from; pc <= to && pc < code.Length; pc += OpInfo.Of((OpCode)code[pc]).Size)
            if ((OpCode)code[pc] is OpCode.GetLocal or OpCode.BorrowLocal) read.Add(code[pc + 1]);
        return read;
    }
}
