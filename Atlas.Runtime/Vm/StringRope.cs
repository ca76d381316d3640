using System.Runtime.CompilerServices;
using System.Text;
using Atlas.Stdlib;

namespace Atlas.Vm;

/// <summary>
/// A long string made by <c>+</c>: the first <see cref="Length"/> characters of a buffer that only ever grows at its end.
/// <c>s = s + x</c> in a loop then costs O(|x|) per step instead of copying all of <c>s</c> (issue 13, item 5): the
/// concatenation appends to the buffer in place when no other string has extended this one yet, which is exactly when
/// the buffer's length equals <see cref="Length"/>. Strings stay immutable values: characters before a buffer's length
/// never change, so every rope sharing a buffer keeps seeing its own prefix; a second extension of the same rope copies
/// the prefix into a new buffer first.
/// </summary>
/// <remarks>
/// A rope is a <see cref="ValueKind.String"/> value whose payload is this object instead of a <see cref="string"/>.
/// <see cref="Value.AsString"/> flattens it once (cached), so code that reads text is unchanged; <c>len</c> uses the
/// scalar count kept here and never flattens. A value, like any Atlas value, belongs to one interpreter thread.
/// </remarks>
internal sealed class StringRope
{
    /// <summary>Below this many UTF-16 units a concatenation makes a plain string: copying it is cheaper than a rope.</summary>
    public const int MinLength = 128;

    private readonly StringBuilder _buffer;
    private string? _flat;

    /// <summary>Length in UTF-16 units.</summary>
    public int Length { get; }

    /// <summary>Number of Unicode scalars (what <c>len</c> returns, README decision 6).</summary>
    public int Scalars { get; }

    /// <summary>The last UTF-16 unit (to count a surrogate pair split across two appends as one scalar).</summary>
    private readonly char _last;

    private StringRope(StringBuilder buffer, int length, int scalars, char last)
    {
        _buffer = buffer;
        Length = length;
        Scalars = scalars;
        _last = last;
    }

    /// <summary>
    /// <c>a + b</c> for two strings: the one implementation of string concatenation, for the interpreter and compiled
    /// code alike (<see cref="ValueOps.Add"/>). Fails with AT0011 past the string size limit, like a plain concatenation.
    /// </summary>
    // Not ReadyToRun but jitted fully optimised at first use (also Append, ValueOps.Add, str and the number formatting
    // it uses): called from the interpreter for every + or str(), these otherwise ran their instrumented (TieredPGO)
    // versions for much of a short program (docs/performance.md, "Interpreter against CPython").
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value Concat(Value a, Value b)
    {
        string right = b.AsString;
        if (a.Obj is StringRope rope)
        {
            SizeLimits.CheckString((long)rope.Length + right.Length);
            return right.Length == 0 ? a : Value.Rope(rope.Append(right));
        }
        string left = a.AsString;
        long total = (long)left.Length + right.Length;
        SizeLimits.CheckString(total);
        if (total < MinLength || right.Length == 0) return Value.String(string.Concat(left, right));
        var buffer = new StringBuilder(left, Math.Max((int)total, 2 * MinLength));
        buffer.Append(right);
        int scalars = ScalarText.Count(left) + ScalarText.Count(right) - (Joins(left.Length > 0 ? left[^1] : '\0', right) ? 1 : 0);
        return Value.Rope(new StringRope(buffer, (int)total, scalars, right[^1]));
    }

    /// <summary>Number of Unicode scalars of a string value, without flattening a rope.</summary>
    public static int ScalarCount(Value s) => s.Obj is StringRope rope ? rope.Scalars : ScalarText.Count(s.AsString);

    /// <summary>The text (built once, then cached).</summary>
    public override string ToString() => _flat ??= _buffer.ToString(0, Length);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // not ReadyToRun: see Concat
    private StringRope Append(string right)
    {
        var buffer = _buffer;
        if (buffer.Length != Length)
        {
            // Another string already extended this one in the shared buffer: continue in a copy of this prefix.
            buffer = new StringBuilder(Math.Max(Length * 2, MinLength));
            buffer.Append(_buffer, 0, Length);
        }
        buffer.Append(right);
        int scalars = Scalars + ScalarText.Count(right) - (Joins(_last, right) ? 1 : 0);
        return new StringRope(buffer, Length + right.Length, scalars, right[^1]);
    }

    /// <summary>Whether a string ending in <paramref name="last"/> and <paramref name="right"/> meet in a surrogate pair.</summary>
    private static bool Joins(char last, string right) => char.IsHighSurrogate(last) && char.IsLowSurrogate(right[0]);
}
