using System.Runtime.CompilerServices;

namespace Atlas.Vm;

/// <summary>
/// An Atlas value. Numbers, bools and null live inline (no allocation); everything else is a reference in <see cref="Obj"/>.
/// Arrays and collections are copy-on-write: see <see cref="CowObject"/>.
/// </summary>
public readonly struct Value : IEquatable<Value>
{
    /// <summary>
    /// The heap payload (a string or a <c>StringRope</c>, an array, function, ...); null for numbers, bools and null.
    /// Read a string through <see cref="AsString"/>.
    /// </summary>
    public readonly object? Obj;
    /// <summary>The payload of a number (a bool is 1 or 0).</summary>
    public readonly double Num;
    /// <summary>What kind of value this is.</summary>
    public readonly ValueKind Kind;

    // Inlined explicitly: in the interpreter's dispatch loop (one very large method) the JIT's inlining budget runs out,
    // and every Value.Number there became a call to this constructor through a stack temporary.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Value(ValueKind kind, double num, object? obj)
    {
        Kind = kind;
        Num = num;
        Obj = obj;
    }

    /// <summary>Atlas <c>null</c>.</summary>
    public static readonly Value Null = new(ValueKind.Null, 0, null);
    /// <summary>Atlas <c>true</c>.</summary>
    public static readonly Value True = new(ValueKind.Bool, 1, null);
    /// <summary>Atlas <c>false</c>.</summary>
    public static readonly Value False = new(ValueKind.Bool, 0, null);
    internal static readonly Value Undefined = default;

    /// <summary>
    /// A fresh <see cref="Null"/>: storing it into an array needs no GC write barrier (the JIT sees it holds no reference),
    /// unlike a copy of the static field.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Value NewNull() => new(ValueKind.Null, 0, null);

    /// <summary>An Atlas number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value Number(double d) => new(ValueKind.Number, d, null);
    /// <summary>An Atlas bool.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value Bool(bool b) => new(ValueKind.Bool, b ? 1 : 0, null); // not True/False: a static read costs more
    /// <summary>An Atlas string.</summary>
    public static Value String(string s) => new(ValueKind.String, 0, s);
    /// <summary>A string built by concatenation (see <see cref="StringRope"/>).</summary>
    internal static Value Rope(StringRope r) => new(ValueKind.String, 0, r);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Value Array(AtlasArray a) => new(ValueKind.Array, 0, a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Value Function(FunctionValue f) => new(ValueKind.Function, 0, f);
    internal static Value Builtin(BuiltinFunction b) => new(ValueKind.Builtin, 0, b);
    internal static Value Option(OptionValue o) => new(ValueKind.Option, 0, o);
    internal static Value Result(ResultValue r) => new(ValueKind.Result, 0, r);
    internal static Value Map(AtlasMap m) => new(ValueKind.HashMap, 0, m);
    internal static Value Set(AtlasSet s) => new(ValueKind.HashSet, 0, s);
    internal static Value Queue(AtlasQueue q) => new(ValueKind.Queue, 0, q);
    internal static Value Stack(AtlasStack s) => new(ValueKind.Stack, 0, s);
    internal static Value Json(AtlasJson j) => new(ValueKind.Json, 0, j);

    /// <summary>Whether this is a number.</summary>
    public bool IsNumber => Kind == ValueKind.Number;
    /// <summary>Whether this is a bool.</summary>
    public bool IsBool => Kind == ValueKind.Bool;
    /// <summary>Whether this is <c>null</c>.</summary>
    public bool IsNull => Kind == ValueKind.Null;
    /// <summary>Whether this is a string.</summary>
    public bool IsString => Kind == ValueKind.String;
    /// <summary>Whether this is an array.</summary>
    public bool IsArray => Kind == ValueKind.Array;
    /// <summary>True only for the bool <c>true</c> (conditions treat every other value as false).</summary>
    public bool IsTrue => Kind == ValueKind.Bool && Num != 0;

    /// <summary>The number (meaningful when <see cref="IsNumber"/>).</summary>
    public double AsNumber => Num;
    /// <summary>The bool (meaningful when <see cref="IsBool"/>).</summary>
    public bool AsBool => Num != 0;
    /// <summary>The string; throws <see cref="InvalidCastException"/> when this is not one.</summary>
    public string AsString => Obj is StringRope rope ? rope.ToString() : (string)Obj!;
    internal AtlasArray AsArray => (AtlasArray)Obj!;
    internal FunctionValue AsFunction => (FunctionValue)Obj!;
    internal BuiltinFunction AsBuiltin => (BuiltinFunction)Obj!;
    internal OptionValue AsOption => (OptionValue)Obj!;
    internal ResultValue AsResult => (ResultValue)Obj!;
    internal AtlasMap AsMap => (AtlasMap)Obj!;
    internal AtlasSet AsSet => (AtlasSet)Obj!;
    internal AtlasQueue AsQueue => (AtlasQueue)Obj!;
    internal AtlasStack AsStack => (AtlasStack)Obj!;
    internal AtlasJson AsJson => (AtlasJson)Obj!;

    /// <summary>
    /// Marks a copy-on-write payload as shared and returns the value. Called wherever a value is read out of
    /// storage (a variable, an element, a payload) in a way that may create a second reference.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Value Share()
    {
        // The kind alone decides (the factories below pair each copy-on-write kind with its container), so no type
        // check runs on the read of a function, Option or Result.
        if (CowObject.IsCopyOnWrite(Kind)) Unsafe.As<CowObject>(Obj!).Shared = true;
        return this;
    }

    /// <summary>Atlas <c>==</c> (language.md §9.3).</summary>
    public bool Equals(Value other) => ValueEquality.AreEqual(this, other);
    /// <summary>Atlas <c>==</c> against another <see cref="Value"/>.</summary>
    public override bool Equals(object? obj) => obj is Value v && Equals(v);
    /// <summary>A hash consistent with Atlas <c>==</c>.</summary>
    public override int GetHashCode() => ValueEquality.Hash(this);
    /// <summary>The value as <c>print</c> shows it.</summary>
    public override string ToString() => ValueFormatter.Display(this);
}
