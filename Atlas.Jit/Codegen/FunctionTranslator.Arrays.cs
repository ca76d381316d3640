using System.Linq.Expressions;
using Atlas.Bytecode;
using Atlas.Vm;
using static System.Linq.Expressions.Expression;

namespace Atlas.Jit.Codegen;

/// <summary>
/// Arrays held as <see cref="Atlas.Vm.AtlasArray"/> (<see cref="Repr.Array"/>): locals that only ever hold an array and the
/// stack slots between them and element access. Element reads and writes call the element helpers' typed forms directly;
/// every other instruction gets the array boxed (<see cref="Reprs.TakesArray"/>), and so does a deoptimization frame.
/// </summary>
internal sealed partial class FunctionTranslator
{
    /// <summary>
    /// The stack with its top <paramref name="count"/> array slots boxed, for an instruction that works on values
    /// (<see cref="Reprs.TakesArray"/>).
    /// </summary>
    private SlotInfo[] BoxArrayOperands(SlotInfo[] input, int count) => ConvertOperands(input, count, Repr.Array, Repr.Value);

    /// <summary>
    /// A read that may create a second reference (GetLocal, Dup): a copy-on-write payload is marked shared first.
    /// </summary>
    private static Expression SharedRead(Expression e, Repr repr) => repr switch
    {
        Repr.Value => Call(JitMethods.Share, e),
        Repr.Array => Call(JitMethods.ShareArray, e),
        _ => e,
    };

    /// <summary>
    /// SetLocal of a boxed value into an array local (<see cref="TypeInference"/> speculated it from the checker's type):
    /// anything but an array deoptimizes before the store, the interpreter then stores it.
    /// </summary>
    private void EmitArrayStore(int pc, SlotInfo[] input, ParameterExpression local)
    {
        int d = input.Length;
        var value = Read(input, d - 1);
        var notArray = Block(typeof(void), Call(JitMethods.PendValue, _vmParam, value), Deoptimize(pc, input, d - 1));
        _code.Add(IfThen(Not(Call(JitMethods.IsArray, value)), notArray));
        _code.Add(Assign(local, Call(JitMethods.AsArray, value)));
    }

    /// <summary>
    /// A number element of an array slot at a long index (a loop counter): anything but a number there (an index out of
    /// range, an element of another kind, NaN) continues the call in the interpreter at this read, which then does it with
    /// every check and error. Leaving rather than calling a helper keeps calls out of the loop: every call is a point where
    /// the .NET JIT must save the doubles live across it to the stack (no XMM register survives a call on x64 Linux).
    /// </summary>
    private void EmitArrayRead(int pc, SlotInfo[] input)
    {
        int d = input.Length;
        var element = Slot(d - 2, Repr.Double);
        _code.Add(Assign(element, Call(JitMethods.ReadNumberOrNaN, Read(input, d - 2), Read(input, d - 1))));
        if (_inRun)
        {
            // Inside a pure run the NaN of a failed read is tested with the run's results: every instruction of a run
            // keeps a NaN operand NaN, and a failed test computes the run again in the interpreter, this read included.
            _deferring = true;
            return;
        }
        var leave = Block(typeof(void),
            Call(JitMethods.PendNumber, _vmParam, Expression.Convert(Read(input, d - 1), typeof(double))),
            Deoptimize(pc, input, d - 1));
        _code.Add(IfThen(NotEqual(element, element), leave));
    }

    /// <summary>
    /// SetIndex on an array slot: a number at a number index is stored in place when the array allows it
    /// (<see cref="Atlas.Vm.AtlasArray.TryWriteNumber(long, double)"/>), and the slot changes only when the element write's
    /// one home had to copy; anything else goes to that home at once.
    /// </summary>
    private void EmitArraySetIndex(int pc, SlotInfo[] input)
    {
        int d = input.Length;
        MarkPc(pc);
        var array = Read(input, d - 3);
        var index = input[d - 2].Repr;
        var item = input[d - 1].Repr;
        if (Reprs.IsNumber(index) && Reprs.IsNumber(item))
        {
            var i = Read(input, d - 2);
            var v = Convert(Read(input, d - 1), item, Repr.Double);
            var tryWrite = index == Repr.Long && item == Repr.Long
                ? Call(JitMethods.TryWriteWholeAL, array, i, Read(input, d - 1))
                : Call(index == Repr.Long ? JitMethods.TryWriteNumberAL : JitMethods.TryWriteNumberAD, array, i, v);
            if (index == Repr.Long && item == Repr.Long && SmallConstant(input[d - 1]))
            {
                // A whole number from 0 to 255 stores in place into every unshared storage (AtlasArray.TryWriteNumber(long,
                // long)); what is left (a shared array to copy, an index out of range) continues in the interpreter at
                // this SetIndex. A call to the write's slow path here kept the loop's counters and arrays in memory on
                // every path (sieve in process 44 -> 40 ms). A larger or computed number keeps the call: it may arrive at
                // small-number storage, which the slow path widens once, where an exit would leave the rest of the call
                // to the interpreter each time.
                var leave = Block(typeof(void), Call(JitMethods.PendNumber, _vmParam, v), Deoptimize(pc, input, d - 1));
                _code.Add(IfThen(Not(tryWrite), leave));
                return;
            }
            _code.Add(IfThen(Not(tryWrite), Assign(array, Call(JitMethods.WriteNumber, array, Convert(i, index, Repr.Double), v))));
            return;
        }
        input = WidenOperands(input, 2);
        Write(d - 3, Repr.Array, input[d - 2].Repr == Repr.Double
            ? Call(JitMethods.SetIndexADV, array, Read(input, d - 2), Boxed(input, d - 1))
            : Call(JitMethods.SetIndexAVV, array, Boxed(input, d - 2), Boxed(input, d - 1)));
    }

    /// <summary>
    /// Whether <paramref name="slot"/> holds a constant that every unboxed storage takes in place: a number small-number
    /// storage holds (<see cref="AtlasArray.IsSmall"/>: whole, 0 to 255, not -0).
    /// </summary>
    private bool SmallConstant(SlotInfo slot) =>
        slot.IsConstant && _proto.Constants[slot.Source - SlotInfo.ConstantBase] is { Kind: ValueKind.Number } k
        && AtlasArray.IsSmall(k.Num, out _);

    /// <summary>
    /// <c>BorrowGlobal g; GetLocal i; GetIndex</c> on a straight line, with <c>g</c> a global the checker typed
    /// <c>number[]</c> and <c>i</c> a long, by the offset of the BorrowGlobal: the offset of the GetIndex. The global is
    /// not copied into a slot; the GetIndex reads its element in place.
    /// </summary>
    private Dictionary<int, int>? _globalElementReads;

    private Dictionary<int, int> GlobalElementReads => _globalElementReads ??= FindGlobalElementReads();

    private Dictionary<int, int> FindGlobalElementReads()
    {
        var found = new Dictionary<int, int>();
        var code = _proto.Code;
        for (int pc = 0; pc + 4 < code.Length; pc += OpInfo.Of((OpCode)code[pc]).Size)
        {
            if ((OpCode)code[pc] != OpCode.BorrowGlobal || _types.In[pc] is not { } input) continue;
            int read = pc + 2, index = pc + 4;
            if ((OpCode)code[read] is not (OpCode.GetLocal or OpCode.BorrowLocal) || (OpCode)code[index] != OpCode.GetIndex) continue;
            if (_types.IsJumpTarget[read] || _types.IsJumpTarget[index] || _types.In[index] is not { } atIndex) continue;
            int d = input.Length;
            if (atIndex.Length != d + 2 || atIndex[d + 1].Repr != Repr.Long || _types.Transfer(index, atIndex)[d].Repr != Repr.Double)
                continue;
            found[pc] = index;
        }
        return found;
    }

    /// <summary>The BorrowGlobal whose array the GetIndex at <paramref name="pc"/> reads in place, if any.</summary>
    private int? GlobalElementReadAt(int pc)
    {
        if (GlobalElementReads.Count == 0 || (OpCode)_proto.Code[pc] != OpCode.GetIndex || pc < 4) return null;
        return GlobalElementReads.TryGetValue(pc - 4, out int index) && index == pc ? pc - 4 : null;
    }

    /// <summary>
    /// The element read of a <see cref="GlobalElementReads"/> triple: anything but a number element of an array there (an
    /// undefined global, another kind, an index out of range) continues the call in the interpreter at this GetIndex, with
    /// the global read into the frame's slot (see <see cref="Deoptimize"/>) and the index on top, which reads the element
    /// again with every check and error.
    /// </summary>
    private void EmitGlobalElementRead(int pc, SlotInfo[] input)
    {
        int d = input.Length;
        var element = Slot(d - 2, Repr.Double);
        int global = _proto.Code[pc - 4 + 1];
        var read = GlobalArrayLocal(global) is { } array
            ? Call(JitMethods.ReadNumberOrNaN, array, Read(input, d - 1))
            : Call(JitMethods.GlobalNumberOrNaN, _vmParam, Constant(global), Read(input, d - 1));
        _code.Add(Assign(element, read));
        var leave = Block(typeof(void),
            Call(JitMethods.PendNumber, _vmParam, Expression.Convert(Read(input, d - 1), typeof(double))),
            Deoptimize(pc, input, d - 1));
        _code.Add(IfThen(NotEqual(element, element), leave));
    }

    /// <summary>
    /// <c>BorrowGlobal g; GetLocal i; …; SetIndex; SetGlobal g; Pop</c> with <c>i</c> a long and a number stored, the
    /// instructions in between on a straight line that calls nothing and stores no global or element (so <c>g</c> still
    /// holds what the read saw), by the offset of the BorrowGlobal: the offset of the SetIndex. The global is not copied
    /// into a slot; the SetIndex stores in place when it can (<see cref="EmitGlobalElementWrite"/>).
    /// </summary>
    private Dictionary<int, int>? _globalElementWrites;

    private Dictionary<int, int> GlobalElementWrites => _globalElementWrites ??= FindGlobalElementWrites();

    private Dictionary<int, int> FindGlobalElementWrites()
    {
        var found = new Dictionary<int, int>();
        var code = _proto.Code;
        for (int pc = 0; pc + 4 < code.Length; pc += OpInfo.Of((OpCode)code[pc]).Size)
        {
            if ((OpCode)code[pc] != OpCode.BorrowGlobal || _types.In[pc] is not { } input || GlobalElementReads.ContainsKey(pc)) continue;
            int d = input.Length;
            if ((OpCode)code[pc + 2] is not (OpCode.GetLocal or OpCode.BorrowLocal) || _types.In[pc + 2] is null) continue;
            if (StoreAfter(pc, d) is not int store) continue;
            var atStore = _types.In[store]!;
            if (atStore[d + 1].Repr != Repr.Long || !Reprs.IsNumber(atStore[d + 2].Repr)) continue;
            int setGlobal = store + OpInfo.Of(OpCode.SetIndex).Size;
            int pop = setGlobal + OpInfo.Of(OpCode.SetGlobal).Size;
            if (pop >= code.Length || (OpCode)code[setGlobal] != OpCode.SetGlobal || code[setGlobal + 1] != code[pc + 1]
                || (OpCode)code[pop] != OpCode.Pop || _types.IsJumpTarget[setGlobal] || _types.IsJumpTarget[pop])
                continue;
            found[pc] = store;
        }
        return found;
    }

    /// <summary>
    /// The SetIndex that consumes the array pushed at <paramref name="pc"/> (stack depth <paramref name="depth"/>) on a
    /// straight line of instructions that call nothing and store nothing, if any.
    /// </summary>
    private int? StoreAfter(int pc, int depth) =>
        StraightLineConsumer(pc, depth, OpCode.SetIndex, (_, at) => at.Length == depth + 3,
            [OpCode.Call, OpCode.CallMethod, OpCode.SetGlobal, OpCode.SetUpvalue, OpCode.MakeClosure]);

    /// <summary>
    /// Whether the SetGlobal at <paramref name="pc"/> stores back a <see cref="GlobalElementWrites"/> array: nothing to emit.
    /// </summary>
    private bool StoresBackInPlaceWrite(int pc) => GlobalElementWriteAt(pc - OpInfo.Of(OpCode.SetIndex).Size) is not null;

    /// <summary>The BorrowGlobal whose array the SetIndex at <paramref name="pc"/> stores into in place, if any.</summary>
    private int? GlobalElementWriteAt(int pc)
    {
        foreach (var (borrowPc, store) in GlobalElementWrites)
            if (store == pc) return borrowPc;
        return null;
    }

    /// <summary>
    /// The element store of a <see cref="GlobalElementWrites"/> sequence: in place in the global's array when it is an
    /// unshared array of numbers and the index is in range (<see cref="Atlas.Vm.AtlasArray.TryWriteNumber(long, double)"/>,
    /// the store's one home, which leaves the global as it is); otherwise the read, the generic store and the store back,
    /// as the instructions do, with this SetIndex's offset for its errors.
    /// </summary>
    private void EmitGlobalElementWrite(int pc, int borrowPc, SlotInfo[] input)
    {
        int d = input.Length;
        int global = _proto.Code[borrowPc + 1];
        var index = Read(input, d - 2);
        var value = Convert(Read(input, d - 1), input[d - 1].Repr, Repr.Double);
        var array = SharedTemp(typeof(Atlas.Vm.Value), "globalArray");
        var kept = GlobalArrayLocal(global);
        var generic = new List<Expression>
        {
            Assign(_pc, Constant(pc)),
            Assign(array, Call(JitMethods.BorrowGlobal, _vmParam, Constant(global))),
            Assign(array, Call(JitMethods.SetIndexVLD, array, index, value)),
            Call(JitMethods.SetGlobal, _vmParam, Constant(global), array),
        };
        // The store may have copied the array (it was shared): the global holds the copy now.
        if (kept != null) generic.Add(LoadGlobalArray(global, kept));
        var inPlace = kept != null
            ? Call(JitMethods.TryWriteNumberAL, kept, index, value)
            : Call(JitMethods.GlobalTryWriteNumber, _vmParam, Constant(global), index, value);
        _code.Add(IfThen(Not(inPlace), Block(typeof(void), generic)));
        _pcEntry = -1;
    }
}
