using Atlas.Diagnostics;
using Atlas.Vm;

namespace Atlas.Bytecode;

/// <summary>Accumulates one function's instructions, constants and line table.</summary>
internal sealed class CodeBuilder
{
    private readonly List<int> _code = new();
    private readonly List<Value> _constants = new();
    private readonly Dictionary<double, int> _numberConstants = new();
    private readonly Dictionary<string, int> _stringConstants = new(StringComparer.Ordinal);

    public LineTable Lines { get; } = new();
    public int Position => _code.Count;

    public void Emit(OpCode op, TextSpan span, params int[] operands)
    {
        if (OpInfo.Of(op).Operands.Length != operands.Length)
            throw new InvalidOperationException($"{op} takes {OpInfo.Of(op).Operands.Length} operands");
        Lines.Add(_code.Count, span);
        _code.Add((int)op);
        _code.AddRange(operands);
    }

    public void EmitJump(OpCode op, Label target, TextSpan span)
    {
        Lines.Add(_code.Count, span);
        _code.Add((int)op);
        if (target.Offset >= 0) _code.Add(target.Offset);
        else
        {
            target.Fixups.Add(_code.Count);
            _code.Add(-1);
        }
    }

    public void Mark(Label label)
    {
        label.Offset = _code.Count;
        foreach (var f in label.Fixups) _code[f] = label.Offset;
        label.Fixups.Clear();
    }

    public int AddConstant(Value v)
    {
        if (v.Kind == ValueKind.Number && !double.IsNaN(v.Num) && !(v.Num == 0 && double.IsNegative(v.Num)))
        {
            if (_numberConstants.TryGetValue(v.Num, out int k)) return k;
            _numberConstants[v.Num] = _constants.Count;
        }
        else if (v.Kind == ValueKind.String)
        {
            if (_stringConstants.TryGetValue(v.AsString, out int k)) return k;
            _stringConstants[v.AsString] = _constants.Count;
        }
        _constants.Add(v);
        return _constants.Count - 1;
    }

    public int[] Code() => _code.ToArray();
    public Value[] Constants() => _constants.ToArray();
}
