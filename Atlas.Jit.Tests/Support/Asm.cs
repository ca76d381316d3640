using Atlas.Bytecode;
using Atlas.Diagnostics;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Support;

/// <summary>
/// A tiny assembler for hand-written prototypes (shapes the compiler never emits): instructions with symbolic labels,
/// constants, typed locals; <see cref="Build"/> validates the result like the compiler does.
/// </summary>
internal sealed class Asm(string name = "f", int arity = 0)
{
    private readonly List<int> _code = new();
    private readonly List<Value> _constants = new();
    private readonly Dictionary<string, int> _labels = new();
    private readonly List<(int At, string Label)> _fixups = new();
    private readonly List<StaticType> _locals = new();
    private readonly LineTable _lines = new();

    public Asm Local(StaticType type)
    {
        _locals.Add(type);
        return this;
    }

    public Asm Op(OpCode op, params int[] operands)
    {
        _lines.Add(_code.Count, new TextSpan(_code.Count, _code.Count + 1));
        _code.Add((int)op);
        _code.AddRange(operands);
        return this;
    }

    public Asm Const(Value v)
    {
        _constants.Add(v);
        return Op(OpCode.Constant, _constants.Count - 1);
    }

    public Asm Num(double d) => Const(Value.Number(d));

    public Asm Jump(OpCode op, string label)
    {
        Op(op, 0);
        _fixups.Add((_code.Count - 1, label));
        return this;
    }

    public Asm Mark(string label)
    {
        _labels[label] = _code.Count;
        return this;
    }

    public FunctionProto Build(int globals = 0, bool validate = true)
    {
        foreach (var (at, label) in _fixups) _code[at] = _labels[label];
        var code = _code.ToArray();
        while (_locals.Count < arity) _locals.Add(StaticType.Any);
        var analysis = StackAnalysis.Analyze(code, _constants.Count, _locals.Count, 0, globals, arity);
        var proto = new FunctionProto
        {
            Name = name,
            Arity = arity,
            LocalCount = _locals.Count,
            MaxStack = analysis.MaxDepth,
            Code = code,
            Constants = _constants.ToArray(),
            Lines = _lines,
            LocalTypes = _locals.ToArray(),
            ReturnType = StaticType.Any,
            LocalNames = _locals.Select((_, i) => "l" + i).ToArray(),
            UpvalueNames = [],
        };
        if (validate)
        {
            var errors = BytecodeValidator.Validate(proto, globals);
            if (errors.Count > 0) Assert.Fail("invalid test bytecode: " + string.Join("; ", errors));
        }
        return proto;
    }

    /// <summary>Calls <paramref name="proto"/> with <paramref name="args"/> on a fresh VM (optionally with a JIT).</summary>
    public static Value Call(FunctionProto proto, ITieringHook? tiering, params Value[] args)
    {
        var vm = new Interpreter { Tiering = tiering };
        return vm.Invoke(Value.Function(new FunctionValue(proto)), args);
    }
}
