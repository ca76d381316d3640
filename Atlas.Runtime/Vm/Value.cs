using System.Runtime.CompilerServices;

namespace Atlas.Vm;

/// <summary>
/// An Atlas value. Numbers, bools and null live inline (no allocation); everything else is a reference in <see cref="Obj"/>.
/// Arrays and collections are copy-on-write: see <see cref="CowObject"/>.
/// </summary>
public readonly struct Value : IEquatable<Value>
{
    public readonly object? Obj;
    public readonly double Num;
    public readonly ValueKind Kind;

    private Value(ValueKind kind, double num, object? obj)
    {
        Kind = kind;
        Num = num;
        Obj = obj;
    }

    public static readonly Value Null = new(ValueKind.Null, 0, null);
    public static readonly Value True = new(ValueKind.Bool, 1, null);
    public static readonly Value False = new(ValueKind.Bool, 0, null);
    public static readonly Value Undefined = default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value Number(double d) => new(ValueKind.Number, d, null);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value Bool(bool b) => b ? True : False;
    public static Value String(string s) => new(ValueKind.String, 0, s);
    public static Value Array(AtlasArray a) => new(ValueKind.Array, 0, a);
    public static Value Function(FunctionValue f) => new(ValueKind.Function, 0, f);
    public static Value Builtin(BuiltinFunction b) => new(ValueKind.Builtin, 0, b);
    public static Value Option(OptionValue o) => new(ValueKind.Option, 0, o);
    public static Value Result(ResultValue r) => new(ValueKind.Result, 0, r);
    public static Value Map(AtlasMap m) => new(ValueKind.HashMap, 0, m);
    public static Value Set(AtlasSet s) => new(ValueKind.HashSet, 0, s);
    public static Value Queue(AtlasQueue q) => new(ValueKind.Queue, 0, q);
    public static Value Stack(AtlasStack s) => new(ValueKind.Stack, 0, s);
    public static Value Json(AtlasJson j) => new(ValueKind.Json, 0, j);

    public bool IsNumber => Kind == ValueKind.Number;
    public bool IsBool => Kind == ValueKind.Bool;
    public bool IsNull => Kind == ValueKind.Null;
    public bool IsString => Kind == ValueKind.String;
    public bool IsArray => Kind == ValueKind.Array;
    /// <summary>True only for the bool <c>true</c> (conditions treat every other value as false).</summary>
    public bool IsTrue => Kind == ValueKind.Bool && Num != 0;

    public double AsNumber => Num;
    public bool AsBool => Num != 0;
    public string AsString => (string)Obj!;
    public AtlasArray AsArray => (AtlasArray)Obj!;
    public FunctionValue AsFunction => (FunctionValue)Obj!;
    public BuiltinFunction AsBuiltin => (BuiltinFunction)Obj!;
    public OptionValue AsOption => (OptionValue)Obj!;
    public ResultValue AsResult => (ResultValue)Obj!;
    public AtlasMap AsMap => (AtlasMap)Obj!;
    public AtlasSet AsSet => (AtlasSet)Obj!;
    public AtlasQueue AsQueue => (AtlasQueue)Obj!;
    public AtlasStack AsStack => (AtlasStack)Obj!;
    public AtlasJson AsJson => (AtlasJson)Obj!;

    /// <summary>
    /// Marks a copy-on-write payload as shared and returns the value. Called wherever a value is read out of
    /// storage (a variable, an element, a payload) in a way that may create a second reference.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Value Share()
    {
        // Only these kinds hold a CowObject; testing the kind first avoids a type-check helper call on every
        // read of a function, Option or Result.
        if ((Kind == ValueKind.Array || Kind >= ValueKind.HashMap) && Obj is CowObject c) c.Shared = true;
        return this;
    }

    /// <summary>Atlas <c>==</c> (language.md §9.3).</summary>
    public bool Equals(Value other) => ValueEquality.AreEqual(this, other);
    public override bool Equals(object? obj) => obj is Value v && Equals(v);
    public override int GetHashCode() => ValueEquality.Hash(this);
    public override string ToString() => ValueFormatter.Display(this);
}
