using Atlas.Bytecode;

namespace Atlas.Vm;

/// <summary>An interpreted activation: its function, captured values, frame base on the value stack and resume offset.</summary>
internal struct CallFrame
{
    public FunctionProto Proto;
    public Value[] Upvalues;
    /// <summary>Stack index of local slot 0 (the first argument); the callee value sits just below it.</summary>
    public int Base;
    /// <summary>Offset of the instruction being executed (for a caller: its Call instruction).</summary>
    public int Pc;
    /// <summary>Set when this call must not move to compiled code at a loop back-edge (no entry, or its locals did not fit).</summary>
    public bool NoOsr;
}
