using System.Linq.Expressions;
using Atlas.Bytecode;
using Atlas.Jit.Tiering;
using Atlas.Vm;
using static System.Linq.Expressions.Expression;

namespace Atlas.Jit.Codegen;

/// <summary>
/// Translates one validated prototype into expression trees: the typed body (parameters unboxed where inference allows)
/// and the <see cref="CompiledCode"/> entry point that checks the arguments' kinds and either calls the body or runs the
/// call interpreted. The operand stack is simulated at compile time: every stack depth and representation gets its own
/// variable, jumps become labels and gotos (never Loop/break/continue nodes), and values are boxed only where paths of
/// different representations merge or a value leaves typed code.
/// </summary>
internal sealed partial class FunctionTranslator
{
    private readonly FunctionProto _proto;
    private readonly TypeInference _types;
    private readonly JitFunction _self;
    private readonly Func<int, Value?> _globalValue;
    private readonly Func<FunctionProto, JitFunction?> _functionFor;

    private readonly ParameterExpression _vmParam = Parameter(typeof(Interpreter), "vm");
    private readonly ParameterExpression _calleeParam = Parameter(typeof(FunctionValue), "callee");
    private readonly ParameterExpression _pc = Variable(typeof(int), "pc");
    /// <summary>
    /// This frame's call depth (docs/jit.md, "Call protocol"): a typed body's parameter; elsewhere read from the VM at the
    /// start.
    /// </summary>
    private readonly ParameterExpression _depth;
    /// <summary>What this lambda returns: the typed body's return representation; a loop entry returns a Value.</summary>
    private readonly Repr _returnRepr;
    private readonly ParameterExpression _result;
    private readonly ParameterExpression _upvalues = Variable(typeof(Value[]), "upvalues");
    private readonly ParameterExpression[] _locals;
    // Keyed by an int (depth * 8 + repr) and a string, not by tuples: a dictionary keyed by a value tuple is a generic
    // instantiation ReadyToRun cannot precompile, which the first compilation in a process paid the .NET JIT for.
    private readonly Dictionary<int, ParameterExpression> _slots = new();
    private readonly List<ParameterExpression> _temps = new();
    private readonly Dictionary<string, ParameterExpression> _sharedTemps = new();
    private readonly Dictionary<int, LabelTarget> _labels = new();
    private readonly LabelTarget _return = Label("return");
    private readonly List<Expression> _code = new();
    /// <summary>Line-table entry whose offset <see cref="_pc"/> holds on the current straight-line path (-1: unknown).</summary>
    private int _pcEntry = -1;

    /// <summary>In a loop entry: the interpreted frame's base on the value stack (deoptimization writes the call back there).</summary>
    private ParameterExpression? _frameBase;
    /// <summary>In a loop entry: the header it starts at (-1 in a body).</summary>
    private int _entryHeader = -1;

    /// <summary>Parameters arrive as lambda parameters (a typed body) rather than being read off the VM stack.</summary>
    private readonly bool _typedParameters;

    /// <summary>
    /// Method mode (<see cref="CallProtocol"/>): the tree is compiled into <see cref="Method"/> and reads its objects from
    /// <see cref="RefTable"/>. Null: closure mode, objects are embedded as constants (the printer, the System backend).
    /// </summary>
    private readonly CodeRefs? _refs;
    /// <summary>Compiled callees are called as methods (method mode, and its printed form).</summary>
    private readonly bool _directCalls;
    /// <summary>Emit a statistics counter per execution (<see cref="JitConfig.CountCalls"/>).</summary>
    private readonly bool _countCalls;

    /// <summary>Calls to small-frame functions test only the depth (<see cref="JitConfig.DepthOnlySmallFrameCalls"/>).</summary>
    public bool DepthOnlySmallFrameCalls { get; init; }

    /// <summary>
    /// The engine's settings that shape the tree (<see cref="InlineSelfCalls"/>, <see cref="DeferFiniteChecks"/>,
    /// <see cref="DepthOnlySmallFrameCalls"/>): one place, so the compiled tree and the printed one follow the same.
    /// </summary>
    public JitConfig Settings
    {
        init
        {
            InlineSelfCalls = value.InlineSelfCalls;
            DeferFiniteChecks = value.DeferFiniteChecks;
            DepthOnlySmallFrameCalls = value.DepthOnlySmallFrameCalls;
        }
    }

    /// <summary>
    /// The dynamic method this translator's tree is compiled into (method mode), created before the tree so it can call
    /// itself.
    /// </summary>
    public System.Reflection.Emit.DynamicMethod? Method { get; private set; }

    /// <summary>The objects the method mode tree refers to, in table order.</summary>
    public object[] RefTable => _refs?.ToArray() ?? [];

    /// <summary>The functions this tree calls directly (their compiled methods): invalidating one invalidates this code.</summary>
    public IReadOnlyCollection<JitFunction> Links => _links;
    private readonly HashSet<JitFunction> _links = new(ReferenceEqualityComparer.Instance);

    /// <param name="globalValue">The current value of a global slot, if known: call sites guess their callee from it.</param>
    /// <param name="functionFor">The JIT's record of another prototype (null if it cannot be compiled).</param>
    /// <param name="forLoopEntry">Build an on-stack-replacement entry (<see cref="BuildLoopEntry"/>) rather than a body.</param>
    /// <param name="asMethod">Build for <see cref="Method"/> (method mode) rather than for a closure-compiled delegate.</param>
    /// <param name="countCalls">Count executions in <see cref="JitFunction.Calls"/> (statistics and tests).</param>
    /// <param name="forPrinting">Method mode's calls with closure mode's constants: the tree a real run compiles, readable.</param>
    public FunctionTranslator(JitFunction self, Func<int, Value?> globalValue, Func<FunctionProto, JitFunction?> functionFor,
        bool forLoopEntry = false, bool asMethod = false, bool countCalls = false, bool forPrinting = false)
    {
        _refs = asMethod && !forPrinting ? new CodeRefs() : null;
        _directCalls = asMethod || forPrinting;
        asMethod |= forPrinting;
        _countCalls = countCalls;
        _self = self;
        _proto = self.Proto;
        _types = self.Types;
        _globalValue = globalValue;
        _functionFor = functionFor;
        _typedParameters = self.HasTypedBody && !forLoopEntry;
        _returnRepr = _typedParameters ? self.ReturnRepr : Repr.Value;
        _result = Variable(Reprs.ClrType(_returnRepr), "result");
        _depth = _typedParameters ? Parameter(typeof(int), "depth") : Variable(typeof(int), "depth");
        _locals = new ParameterExpression[_proto.LocalCount];
        for (int i = 0; i < _locals.Length; i++)
        {
            var name = i < _proto.LocalNames.Length ? Sanitize(_proto.LocalNames[i]) : "l";
            var type = Reprs.ClrType(_types.Locals[i]);
            _locals[i] = i < _proto.Arity && _typedParameters ? Parameter(type, name) : Variable(type, $"{name}_{i}");
        }
        if (asMethod && !forLoopEntry)
        {
            // Created first, so the body can call itself directly.
            var parameters = new List<Type> { typeof(object[]), typeof(Interpreter), typeof(FunctionValue) };
            // A typed body: its depth, then its parameters; otherwise the arguments' base on the value stack.
            if (self.HasTypedBody) parameters.AddRange(Reprs.ClrTypes(self.ParamReprs).Prepend(typeof(int)));
            else parameters.Add(typeof(int));
            Method = CallProtocol.NewMethod($"{Sanitize(_proto.Name)}_body", Reprs.ClrType(_returnRepr), parameters);
        }
    }

    /// <summary>
    /// The VM's <see cref="Interpreter.FunctionEpoch"/> when the globals call sites guess from were read (null: no VM).
    /// While the VM still has it, every global that then held a function still holds it: a direct call's guard is one
    /// compare of that number.
    /// </summary>
    public int? FunctionEpoch { get; init; }

    /// <summary>
    /// The program's global table, for which globals hold a declared function
    /// (<see cref="GlobalTable.HoldsDeclaredFunction"/>; null: none is known to). A fused callee read of such a global
    /// deoptimizes where its guard fails, so its call needs no guard (<see cref="EmitCalleeRead"/>).
    /// </summary>
    public GlobalTable? Globals { get; init; }

    private static string Sanitize(string name) => new(name.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());

    /// <summary>
    /// The typed body: <c>(vm, callee, p0, …) =&gt; result</c>, or <c>(vm, callee, argBase) =&gt; Value</c> above <see
    /// cref="JitFunction.MaxTypedArity"/>.
    /// </summary>
    public LambdaExpression BuildBody()
    {
        if (!_typedParameters && _self.HasTypedBody) throw new InvalidOperationException("this translator builds a loop entry");
        var argBase = Parameter(typeof(int), "argBase");
        var prologue = new List<Expression>();
        var variables = new List<ParameterExpression> { _pc, _result };
        // A typed body's caller passes its depth; the VM's Depth is then the caller's, or already this call's.
        if (_typedParameters) prologue.Add(Call(_vmParam, JitMethods.RunningAt, _depth));
        else
        {
            variables.Add(_depth);
            prologue.Add(Assign(_depth, Field(_vmParam, JitMethods.DepthField)));
        }
        if (!_self.HasTypedBody)
            for (int i = 0; i < _proto.Arity; i++)
                prologue.Add(Assign(_locals[i], Call(JitMethods.Arg, _vmParam, Add(argBase, Constant(i)))));
        if (_countCalls) prologue.Add(CountCall());
        DeclareLocals(_self.HasTypedBody ? _proto.Arity : 0, variables, prologue);
        if (_proto.UpvalueCount > 0)
        {
            variables.Add(_upvalues);
            prologue.Add(Assign(_upvalues, Call(JitMethods.Upvalues, _calleeParam, Constant(_proto.MutatesUpvalues))));
        }

        prologue.AddRange(LoadGlobalArrays());
        variables.AddRange(GlobalArrays.Values);
        EmitInstructions();
        EmitDeoptimizationExits();
        _code.Add(Label(_return));
        variables.AddRange(_slots.Values);
        variables.AddRange(_temps);
        foreach (var inlinedPc in _inlinedPcs)
        {
            variables.Add(inlinedPc);
            prologue.Add(Assign(inlinedPc, Constant(CompiledFrames.DeoptimizedPc)));
        }

        // The fault handler runs only while an error unwinds this frame: it records the frame for the Atlas call stack.
        var body = TryFault(Block(typeof(void), _code), UnwoundWithInlined());
        var block = Block(_result.Type, variables, prologue.Append(Assign(_pc, Constant(0))).Append(body).Append(_result));
        var parameters = new List<ParameterExpression> { _vmParam, _calleeParam };
        if (_self.HasTypedBody) parameters.AddRange(_locals.Take(_proto.Arity).Prepend(_depth));
        else parameters.Add(argBase);
        return MakeLambda(_self.BodyDelegateType, block, $"{Sanitize(_proto.Name)}_body", parameters);
    }

    /// <summary>
    /// The lambda for a tree of delegate type <paramref name="delegateType"/>: as is in closure mode; in method mode with
    /// <c>refs</c> as first parameter, and <see cref="Method"/> created for it (it exists before the body is compiled, so
    /// the body — already built — may call it).
    /// </summary>
    private LambdaExpression MakeLambda(Type delegateType, Expression block, string name, List<ParameterExpression> parameters)
    {
        if (_refs == null) return Lambda(delegateType, block, name, parameters); // closure mode, or printing
        var all = parameters.Prepend(_refs.Parameter).ToList();
        Method ??= CallProtocol.NewMethod(name, block.Type, all.Select(p => p.Type));
        return Lambda(block, name, all);
    }

    /// <summary>
    /// Declares the locals from <paramref name="from"/> on in <paramref name="variables"/> and starts the ones that are not
    /// parameters as the VM does (<paramref name="start"/>): null where boxed; typed locals are always stored before they
    /// are read (see TypeInference).
    /// </summary>
    private void DeclareLocals(int from, List<ParameterExpression> variables, List<Expression> start)
    {
        for (int i = from; i < _locals.Length; i++)
        {
            variables.Add(_locals[i]);
            if (i >= _proto.Arity && _types.Locals[i] == Repr.Value) start.Add(Assign(_locals[i], Field(null, JitMethods.NullField)));
        }
    }

    /// <summary><c>Calls++</c> on this function's record (only with <see cref="JitConfig.CountCalls"/>).</summary>
    private Expression CountCall()
    {
        var calls = Field(Ref(_self, typeof(JitFunction)), nameof(JitFunction.Calls));
        return Assign(calls, Add(calls, Constant(1L)));
    }

    /// <summary>
    /// The fault handler's work: record this frame, at <c>pc</c>, as an error unwinds it. Whatever the handler reads the
    /// .NET JIT keeps in memory for the whole body. A function without loops names itself by number
    /// (<see cref="UnwindSites"/>), so <c>vm</c> and <c>refs</c> stay in registers for its calls; a function with a loop
    /// reads its prototype from <c>refs</c>, which then stays in memory and leaves a register to the loop's counters
    /// (mandelbrot in process 54.8 → 50.6 ms, sieve 54.2 → 51.2 ms; fib unchanged).
    /// </summary>
    private Expression Unwound(ParameterExpression pc) => _refs == null || HasLoop
        ? Call(JitMethods.UnwoundProto, Ref(_proto, typeof(FunctionProto)), pc)
        : Call(JitMethods.Unwound, Constant(UnwindSites.IdOf(_proto)), pc);

    /// <summary>Whether the prototype has a loop (a backward jump).</summary>
    private bool HasLoop
    {
        get
        {
            var code = _proto.Code;
            for (int pc = 0; pc < code.Length; pc += OpInfo.Of((OpCode)code[pc]).Size)
                if ((OpCode)code[pc] == OpCode.Loop) return true;
            return false;
        }
    }

    /// <summary>An object the code refers to: a constant in closure mode, an entry of <c>refs</c> in method mode.</summary>
    private Expression Ref(object value, Type type) => _refs == null ? Constant(value, type) : _refs.Get(value, type);

    // ---- the instruction walk ----

    private void EmitInstructions()
    {
        var code = _proto.Code;
        for (int pc = 0; pc < code.Length;)
        {
            var info = OpInfo.Of((OpCode)code[pc]);
            var input = _types.In[pc];
            if (input != null)
            {
                // Before the label: the test of a pure run that falls into a jump target is on the falling path only.
                _inRun = EnterInstruction(pc, info.Op, input);
                if (_types.IsJumpTarget[pc])
                {
                    _code.Add(Label(LabelAt(pc)));
                    _pcEntry = -1;
                }
                int pops = info.StackEffect(code, pc).Pops;
                if (!Reprs.TakesArray(info.Op)) input = BoxArrayOperands(input, pops);
                EmitInstruction(pc, info.Op, Reprs.TakesLong(info.Op) ? input : WidenOperands(input, pops));
                ReloadGlobalArraysAfter(pc, info.Op);
                LeaveInstruction(pc, info.Op, input, _inRun);
                int next = pc + info.Size;
                bool fallsThrough = !info.EndsBlock;
                if (fallsThrough && next < code.Length && _types.In[next] is { } target)
                    EmitEdge(_code, _types.Transfer(pc, input), target);
            }
            pc += info.Size;
        }
    }

    private LabelTarget LabelAt(int pc)
    {
        if (!_labels.TryGetValue(pc, out var label)) _labels[pc] = label = Label($"L{pc:D4}");
        return label;
    }

    /// <summary>Moves values into the representations the edge's target expects (boxing where paths merge).</summary>
    private void EmitEdge(List<Expression> into, SlotInfo[] from, SlotInfo[] to)
    {
        for (int i = 0; i < from.Length; i++)
            if (from[i].Repr != to[i].Repr)
                into.Add(Assign(Slot(i, to[i].Repr), Convert(Slot(i, from[i].Repr), from[i].Repr, to[i].Repr)));
    }

    private Expression Jump(int pc, SlotInfo[] output, int target)
    {
        var statements = new List<Expression>();
        EmitEdge(statements, output, _types.In[target]!);
        statements.Add(Goto(LabelAt(target)));
        return statements.Count == 1 ? statements[0] : Block(typeof(void), statements);
    }

    /// <summary>
    /// Records the offset of an instruction that may throw, for the fault handler. Instructions that share a line-table
    /// entry share a span, so one store covers a run of them on a straight-line path.
    /// </summary>
    private void MarkPc(int pc)
    {
        int entry = LineEntry(pc);
        if (entry == _pcEntry && entry >= 0) return;
        _pcEntry = entry;
        _code.Add(Assign(_pc, Constant(pc)));
    }

    private int LineEntry(int pc)
    {
        var offsets = _proto.Lines.Offsets;
        int lo = 0, hi = offsets.Count - 1, best = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (offsets[mid] <= pc) { best = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return best;
    }

    // ---- slots and conversions ----

    private ParameterExpression Slot(int depth, Repr repr)
    {
        if (repr == Repr.None) throw new InvalidOperationException($"untyped stack slot {depth} in {_proto.Name}");
        int key = depth * 8 + (int)repr;
        if (!_slots.TryGetValue(key, out var v))
            _slots[key] = v = Variable(Reprs.ClrType(repr), $"s{depth}{Reprs.Letter(repr)}");
        return v;
    }

    /// <summary>
    /// A temporary reused by every instruction that needs one for this purpose (its value never outlives the instruction).
    /// </summary>
    private ParameterExpression SharedTemp(Type type, string name)
    {
        string key = type.FullName + " " + name;
        if (!_sharedTemps.TryGetValue(key, out var v))
        {
            _sharedTemps[key] = v = Variable(type, name);
            _temps.Add(v);
        }
        return v;
    }

    private ParameterExpression Temp(Type type, string name)
    {
        var v = Variable(type, name + _temps.Count);
        _temps.Add(v);
        return v;
    }

    /// <summary>
    /// The stack with its top <paramref name="count"/> long slots converted to doubles (exactly: a long is at most 2^53),
    /// for an instruction that works on doubles (<see cref="Reprs.TakesLong"/>).
    /// </summary>
    private SlotInfo[] WidenOperands(SlotInfo[] input, int count) => ConvertOperands(input, count, Repr.Long, Repr.Double);

    /// <summary>The stack with its top <paramref name="count"/> slots of representation <paramref name="from"/> converted.</summary>
    private SlotInfo[] ConvertOperands(SlotInfo[] input, int count, Repr from, Repr to)
    {
        SlotInfo[]? converted = null;
        for (int i = input.Length - count; i < input.Length; i++)
        {
            if (input[i].Repr != from) continue;
            converted ??= (SlotInfo[])input.Clone();
            converted[i] = input[i] with { Repr = to };
            _code.Add(Assign(Slot(i, to), Convert(Slot(i, from), from, to)));
        }
        return converted ?? input;
    }

    private static Expression Box(Expression e, Repr repr) => repr switch
    {
        Repr.Double => Call(JitMethods.Number, e),
        Repr.Long => Call(JitMethods.Number, Expression.Convert(e, typeof(double))),
        Repr.Bool => Call(JitMethods.Bool, e),
        Repr.Array => Call(JitMethods.BoxArray, e),
        _ => e,
    };

    /// <summary>The test that a boxed value can be held as <paramref name="repr"/> (null: a boxed slot takes anything).</summary>
    private static System.Reflection.MethodInfo? KindTest(Repr repr) => repr switch
    {
        Repr.Double => JitMethods.IsNumber,
        Repr.Long => JitMethods.IsLong,
        Repr.Bool => JitMethods.IsBool,
        Repr.Array => JitMethods.IsArray,
        _ => null,
    };

    private static Expression Unbox(Expression value, Repr repr) => repr switch
    {
        Repr.Double => Field(value, JitMethods.NumField),
        Repr.Long => Expression.Convert(Field(value, JitMethods.NumField), typeof(long)),
        Repr.Bool => Call(JitMethods.AsBool, value),
        Repr.Array => Call(JitMethods.AsArray, value),
        _ => value,
    };

    private static Expression Convert(Expression e, Repr from, Repr to)
    {
        if (from == to) return e;
        if (to == Repr.Value) return Box(e, from);
        if (from == Repr.Long && to == Repr.Double) return Expression.Convert(e, typeof(double));
        throw new InvalidOperationException($"cannot convert {from} to {to}");
    }
}
