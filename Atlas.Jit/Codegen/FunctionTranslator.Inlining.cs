using System.Linq.Expressions;
using Atlas.Bytecode;
using Atlas.Vm;
using static System.Linq.Expressions.Expression;

namespace Atlas.Jit.Codegen;

/// <summary>
/// Self-call inlining (docs/jit.md, "Inlined self-calls"): in a small recursive function without loops or captures, the
/// first <see cref="MaxInlinedSites"/> direct self-call sites run a copy of the body in place of the IL call, so a
/// recursion like fib's makes a third of the machine calls. The copy is the callee's own translation — the same
/// instructions, deoptimization exits and depth — so nothing observable changes: the call still passes the caller's
/// checks (<see cref="Interpreter.CheckCompiledCall"/>), the copy stores its own depth, and an error inside it adds its
/// frame to the Atlas call stack before the caller's.
/// </summary>
internal sealed partial class FunctionTranslator
{
    /// <summary>The largest body (bytes of bytecode) copied into a call site.</summary>
    private const int MaxInlinedCode = 96;

    /// <summary>
    /// How many self-call sites get a copy: fib(32) in process 22 ms with none, 18 ms with one, 16.5 ms with two; each
    /// copy adds the body's size to the method the .NET JIT compiles.
    /// </summary>
    private const int MaxInlinedSites = 2;

    /// <summary>Inline the first direct self-call sites when the body allows it (<see cref="JitConfig.InlineSelfCalls"/>).</summary>
    public bool InlineSelfCalls { get; init; }

    /// <summary>The translator of the body this one's code is copied into (null: this is the method's own body).</summary>
    private readonly FunctionTranslator? _host;

    /// <summary>
    /// The offset of the copy's instruction for each inlined frame (its <c>pc</c>), declared at the method's top so the
    /// fault handler can read it: <see cref="CompiledFrames.DeoptimizedPc"/> while the copy is not running.
    /// </summary>
    private readonly List<ParameterExpression> _inlinedPcs = new();

    /// <summary>A translator for a copy of <paramref name="host"/>'s body placed inside it (same function, same method).</summary>
    private FunctionTranslator(FunctionTranslator host)
    {
        _host = host;
        _refs = host._refs;
        _directCalls = host._directCalls;
        _countCalls = host._countCalls;
        _self = host._self;
        _proto = host._proto;
        _types = host._types;
        _globalValue = host._globalValue;
        _functionFor = host._functionFor;
        _vmParam = host._vmParam;
        _calleeParam = host._calleeParam;
        _typedParameters = true;
        _returnRepr = _self.ReturnRepr;
        _result = Variable(Reprs.ClrType(_returnRepr), "inlinedResult");
        _depth = Variable(typeof(int), "inlinedDepth");
        _pc = Variable(typeof(int), "inlinedPc");
        _return = Label("inlinedReturn");
        _locals = new ParameterExpression[_proto.LocalCount];
        for (int i = 0; i < _locals.Length; i++)
        {
            var name = i < _proto.LocalNames.Length ? Sanitize(_proto.LocalNames[i]) : "l";
            _locals[i] = Variable(Reprs.ClrType(_types.Locals[i]), $"{name}_{i}_inlined");
        }
        Method = host.Method;
        FunctionEpoch = host.FunctionEpoch;
        Globals = host.Globals;
        DeferFiniteChecks = host.DeferFiniteChecks;
        DepthOnlySmallFrameCalls = host.DepthOnlySmallFrameCalls;
    }

    /// <summary>
    /// Whether this body copies itself into its first direct self-call sites. Its machine frame then holds the variables
    /// of the function's frame and of each copy: only a function whose frame that many times over still gets the
    /// smallest stack headroom check (<see cref="Interpreter.HeadroomMask"/>) qualifies, so every caller's check, which
    /// goes by one frame's size, stays right without knowing.
    /// </summary>
    private bool InlinesSelf => _inlinesSelf ??= InlineSelfCalls && _host == null && _directCalls && Method != null
        && _typedParameters && _proto.UpvalueCount == 0 && _proto.Code.Length <= MaxInlinedCode && !HasLoop
        && Interpreter.HeadroomMask((MaxInlinedSites + 1) * (_proto.LocalCount + _proto.MaxStack)) == Interpreter.HeadroomMask(1);

    private bool? _inlinesSelf;

    /// <summary>
    /// The statements of an inlined self-call given its (already converted) arguments, and the variable that holds its
    /// result afterwards: a placeholder with the value in the return channel where the copy deoptimized and the
    /// interpreter's result did not fit, exactly as the method's own result would be.
    /// </summary>
    private (Expression Code, ParameterExpression Result) InlinedSelfCall(IReadOnlyList<Expression> args)
    {
        var copy = new FunctionTranslator(this);
        _inlinedPcs.Add(copy._pc);
        var variables = new List<ParameterExpression> { copy._result, copy._depth };
        var code = new List<Expression>
        {
            Assign(copy._depth, Add(_depth, Constant(1))),
            Call(_vmParam, JitMethods.RunningAt, copy._depth),
        };
        for (int i = 0; i < _proto.Arity; i++) code.Add(Assign(copy._locals[i], args[i]));
        if (_countCalls) code.Add(copy.CountCall());
        copy.DeclareLocals(0, variables, code);
        code.Add(Assign(copy._pc, Constant(0)));
        copy.EmitInstructions();
        copy.EmitDeoptimizationExits();
        copy._code.Add(Label(copy._return));
        // The copy has returned (or handed its frame to the interpreter): the caller's frame is the innermost again.
        copy._code.Add(Assign(copy._pc, Constant(CompiledFrames.DeoptimizedPc)));
        code.AddRange(copy._code);
        variables.AddRange(copy._slots.Values);
        variables.AddRange(copy._temps);
        foreach (var link in copy._links) _links.Add(link);
        return (Block(typeof(void), variables, code), copy._result);
    }

    /// <summary>The fault handler's record of the inlined frames (innermost first), then of this frame.</summary>
    private Expression UnwoundWithInlined()
    {
        if (_inlinedPcs.Count == 0) return Unwound(_pc);
        var records = _inlinedPcs.Select(Unwound).Append(Unwound(_pc));
        return Block(typeof(void), records);
    }
}
