using Atlas.Bytecode;
using Atlas.Diagnostics;
using Atlas.Semantics;
using Atlas.Stdlib;
using Atlas.Vm;

namespace Atlas.Jit.Tests.TierParity.Bytecode;

/// <summary>
/// Builds fresh, validated prototypes from a <see cref="BProgram"/> — directly, without the front end. Every model
/// node gets its own source span, so error locations and call stacks are compared node by node. Function globals come
/// after the data globals; the script first binds every non-closure function and the defined data globals.
/// </summary>
internal sealed partial class BytecodeLowering
{
    private readonly BProgram _program;
    private readonly FunctionProto[] _protos;
    private readonly Value[] _functionValues;
    private readonly int _globalCount;
    private int _nextSpan;

    // Per function being lowered.
    private ProtoEmitter _e = null!;
    private int _self;
    private readonly Stack<(int Break, int Continue, bool ContinueIsLoop)> _loops = new();

    private BytecodeLowering(BProgram program, int globalCount)
    {
        _program = program;
        _protos = new FunctionProto[program.Funcs.Length];
        _functionValues = new Value[program.Funcs.Length];
        _globalCount = globalCount;
    }

    /// <summary>
    /// Lowers and validates the whole program; throws <see cref="InvalidOperationException"/> if the validator refuses a prototype.
    /// </summary>
    public static CompiledProgram Build(BProgram program)
    {
        var globals = new GlobalTable();
        for (int i = 0; i < program.Globals.Length; i++) globals.SlotOf(Global($"g{i}"));
        foreach (var f in program.Funcs) globals.SlotOf(Global(f.Name));
        var lowering = new BytecodeLowering(program, globals.Count);
        // Function i only references functions after it, so build from the last one.
        for (int i = program.Funcs.Length - 1; i >= 0; i--)
        {
            lowering._protos[i] = lowering.Lower(program.Funcs[i], i);
            lowering._functionValues[i] = Value.Function(new FunctionValue(lowering._protos[i]));
        }
        var script = lowering.Lower(program.Script, -1);
        var all = new List<FunctionProto> { script };
        all.AddRange(lowering._protos);
        foreach (var proto in all)
        {
            var errors = BytecodeValidator.Validate(proto, globals.Count);
            if (errors.Count > 0)
                throw new InvalidOperationException($"the validator refused {proto.Name}: {string.Join("; ", errors)}\n{Disassembler.Disassemble(proto, globals)}");
        }
        return new CompiledProgram(script, all, globals);
    }

    private static Symbol Global(string name) => new() { Name = name, Kind = SymbolKind.Global, Mutable = true, Type = AtlasType.Unknown };

    private TextSpan NewSpan()
    {
        int n = ++_nextSpan;
        return new TextSpan(n * 2, n * 2 + 1);
    }

    private FunctionProto Lower(BFunc f, int index)
    {
        _e = new ProtoEmitter();
        _self = index;
        _loops.Clear();
        if (index < 0) EmitPrologue();
        Block(f.Body);
        Expr(f.Result);
        _e.Emit(OpCode.Return, NewSpan());
        return _e.Finish(f.Name, f.Arity, f.Locals.Select(StaticTypeOf).ToArray(), StaticTypeOf(f.Return),
            f.Upvalues.Select((_, i) => $"u{i}").ToArray(), isScript: index < 0, mutatesUpvalues: f.Body.Any(AssignsUpvalue),
            _globalCount);
    }

    private void EmitPrologue()
    {
        var span = NewSpan();
        for (int i = 0; i < _program.Funcs.Length; i++)
        {
            if (_program.Funcs[i].IsClosure) continue;
            _e.Emit(OpCode.Constant, span, _e.Constant(_functionValues[i]));
            _e.Emit(OpCode.SetGlobal, span, _program.FunctionGlobal(i));
            _e.Emit(OpCode.Pop, span);
        }
        for (int g = 0; g < _program.DefinedGlobals; g++)
        {
            if (_program.Globals[g] == BType.Arr)
            {
                // A fresh array each run, never a shared constant that SetIndex could mutate in place.
                _e.Emit(OpCode.Constant, span, _e.Constant(Value.Number(1)));
                _e.Emit(OpCode.Constant, span, _e.Constant(Value.Number(2)));
                _e.Emit(OpCode.Array, span, 2);
            }
            else _e.Emit(OpCode.Constant, span, _e.Constant(InitialValue(_program.Globals[g])));
            _e.Emit(OpCode.SetGlobal, span, g);
            _e.Emit(OpCode.Pop, span);
        }
    }

    /// <summary>What a defined data global holds when the script body starts.</summary>
    public static Value InitialValue(BType type) => type switch
    {
        BType.Num => Value.Number(1),
        BType.Bool => Value.True,
        BType.Str => Value.String("g"),
        BType.Arr => ValueOps.MakeArray([Value.Number(1), Value.Number(2)], 2),
        BType.Opt => OptionValue.Some(Value.Number(5)),
        _ => Value.Null,
    };

    private static StaticType StaticTypeOf(BType t) => t switch
    {
        BType.Num => StaticType.Number,
        BType.Bool => StaticType.Bool,
        BType.Str => StaticType.String,
        BType.Arr => StaticType.Array,
        BType.Opt => StaticType.Option,
        _ => StaticType.Any,
    };

    private static bool AssignsUpvalue(BStmt s) => s.Op == "setu" || s.Blocks.Any(b => b.Any(AssignsUpvalue));

    private int Builtin(string name) => _e.Constant(BuiltinRegistry.Get(name).Value);
}
