using Atlas.Vm;

namespace Atlas.Jit.Codegen;

/// <summary>Lattice operations on <see cref="Repr"/>.</summary>
internal static class Reprs
{
    public static Repr Join(Repr a, Repr b) =>
        a == b ? a : a == Repr.None ? b : b == Repr.None ? a : IsNumber(a) && IsNumber(b) ? Repr.Double : Repr.Value;

    /// <summary>An unboxed number: <see cref="Repr.Double"/> or <see cref="Repr.Long"/>.</summary>
    public static bool IsNumber(Repr r) => r is Repr.Double or Repr.Long;

    /// <summary>The largest magnitude a <see cref="Repr.Long"/> holds (every whole number up to it is a double).</summary>
    public const long MaxLong = 1L << 53;

    /// <summary>
    /// Whether <paramref name="x"/> lies outside ±<paramref name="bound"/> (a positive bound): one unsigned compare (a long
    /// product's test of the factor beside a constant one). The range tests of long arithmetic are helpers like this one
    /// (<see cref="BothWithin"/>, <see cref="LeavesLongRange"/>), which the .NET JIT inlines, rather than compares built as a
    /// tree: FastExpressionCompiler 6.0.0 compiles a comparison of <c>ulong</c> operands as a signed one, so a
    /// result below −2^53 passed the tree's test and stayed a long (the interpreter rounds it as a double).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool Outside(long x, long bound) => (ulong)(x + bound) > (ulong)(2 * bound);

    /// <summary>
    /// <paramref name="x"/> · <paramref name="y"/> when the product is a long representation (its 128 bits fit in 64 and its
    /// magnitude is at most 2^53), else <see cref="long.MinValue"/>, which no long representation holds: the exact test for
    /// factors too large for <see cref="BothWithin"/>, without converting them to doubles.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static long ProductOrNone(long x, long y)
    {
        long high = Math.BigMul(x, y, out long low);
        return high == low >> 63 && !LeavesLongRange(low) ? low : long.MinValue;
    }

    /// <summary>
    /// Whether a sum, difference or product <paramref name="x"/> leaves the long range: whether it lies outside
    /// [−2^53, 2^53), tested by sign-extending its low 54 bits (two shifts and a compare, no 64-bit constants). Exactly
    /// 2^53 counts as leaving: the call then continues with the interpreter's double, which is the same number.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool LeavesLongRange(long x) => x << 10 >> 10 != x;

    /// <summary>Whether both <paramref name="x"/> and <paramref name="y"/> lie strictly inside ±<paramref name="bound"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool BothWithin(long x, long y, long bound) => ((ulong)(x + bound) | (ulong)(y + bound)) < (ulong)(2 * bound);

    /// <summary>
    /// Whether a number is held exactly by <see cref="Repr.Long"/> (also compiled code's test of a double argument for a
    /// long parameter).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool FitsLong(double d)
    {
        long l = (long)d;
        return l == d && l >= -MaxLong && l <= MaxLong && (l != 0 || BitConverter.DoubleToInt64Bits(d) == 0);
    }

    /// <summary>
    /// Instructions that take <see cref="Repr.Long"/> operands as they are; every other instruction sees its long operands
    /// as doubles (inference widens them, the translator converts them first).
    /// </summary>
    public static bool TakesLong(Bytecode.OpCode op) => op is Bytecode.OpCode.Add or Bytecode.OpCode.Sub or Bytecode.OpCode.Mul
        or Bytecode.OpCode.Mod or Bytecode.OpCode.Less or Bytecode.OpCode.LessEqual or Bytecode.OpCode.Greater
        or Bytecode.OpCode.GreaterEqual or Bytecode.OpCode.Equal or Bytecode.OpCode.NotEqual or Bytecode.OpCode.SetLocal
        or Bytecode.OpCode.Pop or Bytecode.OpCode.Dup or Bytecode.OpCode.Return or Bytecode.OpCode.JumpIfFalse
        or Bytecode.OpCode.GetIndex or Bytecode.OpCode.SetIndex or Bytecode.OpCode.Call;

    /// <summary>
    /// Instructions that take <see cref="Repr.Array"/> operands as they are (element access, moves between slots); every
    /// other instruction sees its array operands boxed (inference widens them, the translator boxes them first), so calls,
    /// returns and the generic helpers only ever meet a <c>Value</c>.
    /// </summary>
    public static bool TakesArray(Bytecode.OpCode op) => op is Bytecode.OpCode.GetIndex or Bytecode.OpCode.SetIndex
        or Bytecode.OpCode.SetLocal or Bytecode.OpCode.Pop or Bytecode.OpCode.Dup or Bytecode.OpCode.GetArrayLen;

    public static Type ClrType(Repr r) => r switch
    {
        Repr.Double => typeof(double),
        Repr.Long => typeof(long),
        Repr.Bool => typeof(bool),
        Repr.Array => typeof(AtlasArray),
        _ => typeof(Value),
    };

    // The loops below stand in for LINQ and span helpers over Repr: those are generic instantiations over a value type that
    // ReadyToRun cannot precompile, paid to the .NET JIT by the first compilation in a process.

    /// <summary>The CLR type of each representation.</summary>
    public static Type[] ClrTypes(Repr[] reprs)
    {
        var types = new Type[reprs.Length];
        for (int i = 0; i < reprs.Length; i++) types[i] = ClrType(reprs[i]);
        return types;
    }

    /// <summary>Whether two arrays hold the same representations.</summary>
    public static bool Same(Repr[] a, Repr[] b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
            if (a[i] != b[i]) return false;
        return true;
    }

    public static char Letter(Repr r) => r switch
    {
        Repr.Double => 'd',
        Repr.Long => 'l',
        Repr.Bool => 'b',
        Repr.Array => 'a',
        _ => 'v',
    };
}
