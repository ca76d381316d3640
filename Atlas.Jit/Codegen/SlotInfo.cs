namespace Atlas.Jit.Codegen;

/// <summary>
/// What inference knows about one operand-stack slot: its representation and, when every path agrees, where the value
/// came from (a global or a constant) — call sites use that to guess their callee — and whether it was read from a
/// variable the checker typed <c>number[]</c> (<see cref="NumberElements"/>: element reads speculate on numbers).
/// </summary>
internal readonly record struct SlotInfo(Repr Repr, int Source, bool NumberElements = false)
{
    /// <summary>No single known origin.</summary>
    public const int Unknown = -1;
    /// <summary>Sources from this value on encode a constant index: <c>ConstantBase + k</c>.</summary>
    public const int ConstantBase = 1 << 24;

    public static SlotInfo Of(Repr repr) => new(repr, Unknown);
    public static SlotInfo FromGlobal(int slot) => new(Repr.Value, slot);
    public static SlotInfo FromConstant(Repr repr, int k) => new(repr, ConstantBase + k);

    public bool IsGlobal => Source >= 0 && Source < ConstantBase;
    public bool IsConstant => Source >= ConstantBase;

    /// <summary>The bottom <paramref name="depth"/> slots of <paramref name="stack"/> (a copy).</summary>
    /// <remarks>Not <c>stack[..depth]</c>: that is a generic helper over SlotInfo, which ReadyToRun cannot precompile.</remarks>
    public static SlotInfo[] Prefix(SlotInfo[] stack, int depth)
    {
        var prefix = new SlotInfo[depth];
        Array.Copy(stack, prefix, depth);
        return prefix;
    }

    /// <summary>The slots' representations as letters (<see cref="Reprs.Letter"/>), bottom first.</summary>
    public static string Letters(SlotInfo[] stack)
    {
        var letters = new char[stack.Length];
        for (int i = 0; i < stack.Length; i++) letters[i] = Reprs.Letter(stack[i].Repr);
        return new string(letters);
    }

    public SlotInfo Join(SlotInfo other) =>
        new(Reprs.Join(Repr, other.Repr), Source == other.Source ? Source : Unknown, NumberElements && other.NumberElements);
}
