using System.Linq.Expressions;
using Atlas.Bytecode;
using Atlas.Jit.Tiering;
using Atlas.Vm;
using static System.Linq.Expressions.Expression;

namespace Atlas.Jit.Codegen;

/// <summary>
/// Deoptimization exits (docs/jit.md, "Call protocol"): where a value did not have the kind compiled code speculated on
/// (a call result, a <c>number[]</c> element), the rest of the call continues in the interpreter. A site only records
/// where to resume and jumps to a shared exit; one exit per operand-stack shape boxes that stack, and one block shared by
/// all of them boxes the locals, so the boxing code is emitted once rather than at every site (with many locals it would
/// otherwise dominate the method).
/// </summary>
internal sealed partial class FunctionTranslator
{
    /// <summary>
    /// The shared exits by operand-stack shape (the representations below the value that did not fit) and the fused callee
    /// reads still waiting for their call (<see cref="OpenCalleeRead"/>).
    /// </summary>
    private readonly Dictionary<string, (LabelTarget Label, SlotInfo[] Stack, OpenCalleeRead[] Callees)> _deoptExits = new();
    /// <summary>The offset the interpreter resumes at, set by the site before it jumps to its exit.</summary>
    private ParameterExpression? _resumeAt;
    /// <summary>The function value a function without captures resumes as (see <see cref="DeoptimizationExit"/>).</summary>
    private FunctionValue? _resumeCallee;

    /// <summary>
    /// A fused callee read (<see cref="CalleeRead"/>) whose call is still ahead of a deoptimization site: its stack slot
    /// holds nothing (only the guard's flag), and the interpreter resumes before that call, so the exit reads the callee
    /// into the frame — the arguments in between call nothing and store no global, so the global still holds what the
    /// read saw. Read in the exit rather than at the site: a boxed slot assigned anywhere is a GC-tracked local the
    /// method zeroes in every call's prologue.
    /// </summary>
    /// <remarks>
    /// A class: lists and searches of a value type are generic code ReadyToRun cannot precompile. With
    /// <paramref name="Constant"/> ≥ 0 the callee is that constant (a builtin, see <see cref="ConstantCallees"/>), not a global.
    /// </remarks>
    private sealed record OpenCalleeRead(int Depth, int Global, bool Shares, int Constant = -1);

    /// <summary>
    /// Continues this call in the interpreter at <paramref name="resumeAt"/>: every local and the operand stack below
    /// <paramref name="depth"/>, then the value waiting in the return channel, are boxed into a frame for
    /// <see cref="Interpreter.ResumeInterpreted"/>, and what the interpreter returns is this call's result. The compiled
    /// frame then no longer reports itself.
    /// </summary>
    private Expression Deoptimize(int resumeAt, SlotInfo[] input, int depth)
    {
        _resumeAt ??= SharedTemp(typeof(int), "resumeAt");
        var stack = SlotInfo.Prefix(input, depth);
        var callees = new List<OpenCalleeRead>();
        // The callee pushed at readPc is still in its slot, waiting for the call at callPc, when the interpreter resumes
        // between the two and the slot lies below the stack the frame keeps.
        int? OpenSlot(int readPc, int callPc) =>
            readPc < resumeAt && resumeAt <= callPc && _types.In[readPc]!.Length is var slot && slot < depth ? slot : null;
        if (_calleeReads != null)
            foreach (var (readPc, read) in _calleeReads)
                if (OpenSlot(readPc, read.CallPc) is int slot) callees.Add(new OpenCalleeRead(slot, read.Global, read.Shares));
        // A global array used in place by its element read or write (FunctionTranslator.Arrays.cs) is read as BorrowGlobal does.
        foreach (var inPlace in (Dictionary<int, int>?[])[_globalElementReads, _globalElementWrites])
            if (inPlace != null)
                foreach (var (borrowPc, user) in inPlace)
                    if (OpenSlot(borrowPc, user) is int slot) callees.Add(new OpenCalleeRead(slot, _proto.Code[borrowPc + 1], false));
        if (_constantCallees != null)
            foreach (var (constantPc, (callPc, k)) in _constantCallees)
                if (OpenSlot(constantPc, callPc) is int slot) callees.Add(new OpenCalleeRead(slot, -1, false, k));
        var key = SlotInfo.Letters(stack)
            + string.Concat(callees.Select(c => $"_f{c.Depth}g{c.Global}{(c.Shares ? "s" : "")}k{c.Constant}"));
        if (!_deoptExits.TryGetValue(key, out var exit))
            _deoptExits[key] = exit = (Label($"deopt_{(key.Length == 0 ? "empty" : key)}"), stack, callees.ToArray());
        return Block(typeof(void), Assign(_resumeAt, Constant(resumeAt)), Goto(exit.Label));
    }

    /// <summary>
    /// Emits the shared exits that <see cref="Deoptimize"/> sites jump to (after the last instruction): one block per
    /// operand-stack shape stores that shape's stack and the return channel's value into a new frame, and one block, which
    /// every shape's jumps to, stores the locals and hands the frame to the interpreter. The locals are the bulk of a
    /// frame (nbody's exits stored 30 locals each, nine times over: a fifth of its method).
    /// </summary>
    private void EmitDeoptimizationExits()
    {
        if (_deoptExits.Count == 0) return;
        // Nothing falls into an exit (bytecode ends with Return); the jump makes that independent of the last instruction.
        _code.Add(Goto(_return));
        var frame = SharedTemp(typeof(Value[]), "frame");
        var stackDepth = SharedTemp(typeof(int), "frameDepth");
        var locals = Label("deopt_locals");
        foreach (var (label, stack, callees) in _deoptExits.Values)
        {
            int depth = stack.Length;
            var statements = new List<Expression>
            {
                Label(label),
                Assign(frame, NewArrayBounds(typeof(Value), Constant(_locals.Length + depth + 1))),
            };
            var items = new List<FrameItem>();
            for (int i = 0; i < depth; i++) items.Add(new FrameItem(Read(stack, i), stack[i].Repr));
            StoreFrameItems(frame, items, _locals.Length, callees, statements);
            statements.Add(Call(JitMethods.StorePendingReturn, frame, Constant(_locals.Length + depth), _vmParam));
            statements.Add(Assign(stackDepth, Constant(depth + 1)));
            statements.Add(Goto(locals));
            _code.Add(Block(typeof(void), statements));
        }
        _code.Add(Label(locals));
        var localStores = new List<Expression>();
        StoreFrameItems(frame, LocalFrameItems(), 0, null, localStores);
        if (localStores.Count > 0) _code.Add(Block(typeof(void), localStores));
        _code.Add(DeoptimizationExit(frame, stackDepth));
    }

    /// <summary>Hands <paramref name="frame"/> (every local, then <paramref name="stackDepth"/> stack values) to the interpreter.</summary>
    private Expression DeoptimizationExit(ParameterExpression frame, ParameterExpression stackDepth)
    {
        if (_frameBase != null)
        {
            // A loop entry: the interpreted frame that handed this call over is still there; give it back.
            return Block(typeof(void),
                Call(JitMethods.ReturnToInterpreter, _vmParam, _frameBase, frame, stackDepth, _resumeAt!,
                    Ref(_self, typeof(JitFunction))),
                Assign(_result, Field(null, JitMethods.LoopEntryDeclined)),
                Goto(_return));
        }
        // A function without captures resumes as any function value of its prototype (the interpreter's frame reads only
        // the prototype and the captures): the exit names one made here rather than the callee parameter, which would
        // otherwise stay live — in a callee-saved register — through the whole body for this cold path.
        Expression callee = _proto.UpvalueCount > 0
            ? _calleeParam
            : Ref(_resumeCallee ??= new FunctionValue(_proto), typeof(FunctionValue));
        Expression upvalues = _proto.UpvalueCount > 0 ? _upvalues : Property(callee, JitMethods.UpvaluesProperty);
        var resume = _returnRepr switch
        {
            Repr.Double => JitMethods.DeoptimizeToNumber,
            Repr.Long => JitMethods.DeoptimizeToLong,
            Repr.Bool => JitMethods.DeoptimizeToBool,
            _ => JitMethods.Deoptimize,
        };
        // The interpreter's result leaves through this function's own return channel when it does not fit the typed return.
        return Block(typeof(void),
            Assign(_pc, Constant(CompiledFrames.DeoptimizedPc)),
            Assign(_result, Call(resume, _vmParam, callee, upvalues, frame, stackDepth, _resumeAt!,
                Ref(_self, typeof(JitFunction)))),
            Goto(_return));
    }

    /// <summary>
    /// Whether the back-edge at <paramref name="pc"/> (to <paramref name="target"/>) closes a loop around the header this loop
    /// entry starts at (docs/jit.md, "Loop entries"). Entered in the middle of a loop nest, the compiled code would have
    /// two ways into the outer loops (the entry and their own headers), which the .NET JIT does not optimise as loops
    /// (mandelbrot's entry at its innermost loop ran 20 % slower than the whole function compiled). So the entry runs its
    /// own loop and the rest of the outermost enclosing iteration, and gives the frame back at that loop's back-edge; the
    /// interpreter takes that back-edge itself, and enters the outer loop's own entry once it is compiled.
    /// </summary>
    private bool YieldsToOuterEntry(int pc, int target, SlotInfo[] input) =>
        _entryHeader >= 0 && target < _entryHeader && pc > _entryHeader && input.Length == 0
        && target == (_outermostHeader ??= Tiering.LoopNest.OutermostHeaderAround(_proto, _entryHeader));

    /// <summary>Only the outermost loop's back-edge gives the frame back, so a nest is climbed in one step.</summary>
    private int? _outermostHeader;

    /// <summary>
    /// Gives the frame back to the interpreter at the back-edge <paramref name="pc"/> (<see cref="Interpreter.YieldToInterpreter"/>):
    /// every local written back, nothing on the operand stack; unlike a deoptimization, the frame keeps its loop entries.
    /// </summary>
    private Expression YieldToInterpreter(int pc) =>
        Block(typeof(void),
            Call(_vmParam, JitMethods.YieldToInterpreter, _frameBase!, BuildFrame(LocalFrameItems(), withPending: false), Constant(pc)),
            Assign(_result, Field(null, JitMethods.LoopEntryDeclined)),
            Goto(_return));

    /// <summary>Every local with its representation: the start of each frame handed to the interpreter.</summary>
    private List<FrameItem> LocalFrameItems()
    {
        var items = new List<FrameItem>();
        for (int i = 0; i < _locals.Length; i++) items.Add(new FrameItem(_locals[i], _types.Locals[i]));
        return items;
    }

    /// <summary>One value of a deoptimization frame and its representation (a class: a list of tuples would be a generic
    /// instantiation over a value type, which ReadyToRun cannot precompile).</summary>
    private sealed record FrameItem(Expression Value, Repr Repr);

    /// <summary>
    /// A deoptimization frame: the given values, boxed, then the value waiting in the return channel — built by helpers
    /// that box in place, so the method gets no boxed temporaries.
    /// </summary>
    /// <param name="callees">
    /// Stack slots (after the locals) that the callee fills instead of the item: the global's current value, or the constant.
    /// </param>
    /// <param name="withPending">End with the return channel's value (a deoptimization frame; a yield has none).</param>
    private Expression BuildFrame(List<FrameItem> items, OpenCalleeRead[]? callees = null, bool withPending = true)
    {
        var frame = SharedTemp(typeof(Value[]), "frame");
        var length = withPending ? items.Count + 1 : items.Count;
        var statements = new List<Expression> { Assign(frame, NewArrayBounds(typeof(Value), Constant(length))) };
        StoreFrameItems(frame, items, 0, callees, statements);
        if (withPending) statements.Add(Call(JitMethods.StorePendingReturn, frame, Constant(items.Count), _vmParam));
        statements.Add(frame);
        return Block(typeof(Value[]), statements);
    }

    /// <summary>
    /// Stores <paramref name="items"/> boxed into <paramref name="frame"/> from index <paramref name="first"/> on, by helpers
    /// that box in place; a slot of <paramref name="callees"/> (counted after the locals) gets the callee instead.
    /// </summary>
    private void StoreFrameItems(
        ParameterExpression frame, List<FrameItem> items, int first, OpenCalleeRead[]? callees, List<Expression> statements)
    {
        for (int n = 0; n < items.Count; n++)
        {
            var (value, repr) = items[n];
            int i = first + n;
            if (callees != null && Array.FindIndex(callees, c => _locals.Length + c.Depth == i) is var k and >= 0)
            {
                var (_, global, shares, constant) = callees[k];
                statements.Add(constant >= 0
                    ? Assign(ArrayAccess(frame, Constant(i)), ConstantValue(constant))
                    : Call(JitMethods.StoreGlobalInFrame, frame, Constant(i), _vmParam, Constant(global), Constant(shares)));
                continue;
            }
            statements.Add(repr switch
            {
                Repr.Double => Call(JitMethods.StoreNumber, frame, Constant(i), value),
                Repr.Long => Call(JitMethods.StoreNumber, frame, Constant(i), Expression.Convert(value, typeof(double))),
                Repr.Bool => Call(JitMethods.StoreBool, frame, Constant(i), value),
                Repr.Array => Call(JitMethods.StoreArray, frame, Constant(i), value),
                _ => Assign(ArrayAccess(frame, Constant(i)), value),
            });
        }
    }
}
