using Atlas.Bytecode;
using Atlas.Diagnostics;
using Atlas.Vm;

namespace Atlas.Jit.Tests.TierParity.Bytecode;

/// <summary>Accumulates one hand-built prototype: code with label fixups, constants and a line table.</summary>
internal sealed class ProtoEmitter
{
    private readonly List<int> _code = new();
    private readonly List<Value> _constants = new();
    private readonly List<int> _labelOffsets = new();
    private readonly List<(int At, int Label)> _fixups = new();
    private readonly LineTable _lines = new();

    public int Position => _code.Count;

    public void Emit(OpCode op, TextSpan span, params int[] operands)
    {
        _lines.Add(_code.Count, span);
        _code.Add((int)op);
        _code.AddRange(operands);
    }

    public int NewLabel()
    {
        _labelOffsets.Add(-1);
        return _labelOffsets.Count - 1;
    }

    public void Mark(int label) => _labelOffsets[label] = _code.Count;

    public void Jump(OpCode op, int label, TextSpan span)
    {
        _lines.Add(_code.Count, span);
        _code.Add((int)op);
        _fixups.Add((_code.Count, label));
        _code.Add(-1);
    }

    /// <summary>Index of a constant; numbers and strings are shared like the compiler does, other values are not.</summary>
    public int Constant(Value v)
    {
        for (int i = 0; i < _constants.Count; i++)
        {
            var c = _constants[i];
            if (v.Kind == ValueKind.Number && c.Kind == ValueKind.Number && BitConverter.DoubleToInt64Bits(c.Num) == BitConverter.DoubleToInt64Bits(v.Num)) return i;
            if (v.Kind == ValueKind.String && c.Kind == ValueKind.String && c.AsString == v.AsString) return i;
            if (v.Kind is ValueKind.Function or ValueKind.Builtin && c.Kind == v.Kind && ReferenceEquals(c.Obj, v.Obj)) return i;
        }
        _constants.Add(v);
        return _constants.Count - 1;
    }

    public FunctionProto Finish(string name, int arity, StaticType[] localTypes, StaticType returnType, string[] upvalues,
        bool isScript, bool mutatesUpvalues, int globalCount)
    {
        foreach (var (at, label) in _fixups) _code[at] = _labelOffsets[label];
        var code = _code.ToArray();
        var constants = _constants.ToArray();
        var analysis = StackAnalysis.Analyze(code, constants.Length, localTypes.Length, upvalues.Length, globalCount, arity);
        return new FunctionProto
        {
            Name = name,
            Arity = arity,
            LocalCount = localTypes.Length,
            MaxStack = analysis.MaxDepth,
            Code = code,
            Constants = constants,
            Lines = _lines,
            LocalTypes = localTypes,
            ReturnType = returnType,
            LocalNames = localTypes.Select((_, i) => i < arity ? $"p{i}" : $"l{i}").ToArray(),
            UpvalueNames = upvalues,
            IsScript = isScript,
            MutatesUpvalues = mutatesUpvalues,
        };
    }
}
