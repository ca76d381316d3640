using System.Linq.Expressions;
using System.Reflection;
using Atlas.Bytecode;
using Atlas.Vm;
using static System.Linq.Expressions.Expression;

namespace Atlas.Jit.Codegen;

internal sealed partial class FunctionTranslator
{
    /// <summary>
    /// <paramref name="call"/> at the back-edge <paramref name="backEdge"/> of the loop from <paramref name="header"/>, with
    /// the loop's unboxed double locals (or, in a loop without any, its long locals) moved to the VM's spill area before
    /// it and back after it (docs/jit.md, "Errors, call stacks and recursion"). A value live across a call has no SSE
    /// register to stay in on x64 Unix, and the .NET JIT then keeps it in memory on every path of the loop, storing it at
    /// each assignment and loading it at each use; stored and loaded here, on the path that makes the call, the values
    /// are not live across it and stay in registers everywhere else.
    /// </summary>
    private Expression SpilledAround(Expression call, int header, int backEdge)
    {
        var read = LocalsReadBetween(header, backEdge);
        // The longs only in a loop of whole numbers: there the .NET JIT had kept sieve's counters in memory (stored and
        // loaded at every iteration) for want of callee-saved registers, and moving them made it 6-10 % faster; in a loop
        // that also moves doubles, moving its longs as well made nbody 4-5 % slower.
        var moved = Moved(read, Repr.Double, JitMethods.SpilledDoubles);
        if (moved.Count == 0) moved = Moved(read, Repr.Long, JitMethods.SpilledLongs);
        if (moved.Count == 0) return call;
        var statements = new List<Expression>();
        foreach (var (local, cell) in moved) statements.Add(Assign(cell, local));
        statements.Add(call);
        foreach (var (local, cell) in moved) statements.Add(Assign(local, cell));
        return Block(typeof(void), statements);
    }

    /// <summary>
    /// The locals among <paramref name="read"/> held as <paramref name="repr"/>, each with its cell in the VM's spill area
    /// <paramref name="area"/> (at most <see cref="Interpreter.SpillCapacity"/>).
    /// </summary>
    private List<(ParameterExpression Local, Expression Cell)> Moved(SortedSet<int> read, Repr repr, FieldInfo area) =>
        read.Where(local => _types.Locals[local] == repr).Take(Interpreter.SpillCapacity)
            .Select((local, i) => (_locals[local], (Expression)ArrayAccess(Field(_vmParam, area), Constant(i))))
            .ToList();

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
