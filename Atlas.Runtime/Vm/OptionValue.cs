namespace Atlas.Vm;

/// <summary><c>Some(x)</c> or <c>None</c>. Immutable.</summary>
internal sealed class OptionValue
{
    public static readonly OptionValue NoneInstance = new(false, Value.Null);
    public static readonly Value None = Value.Option(NoneInstance);

    public bool IsSome { get; }
    public Value Payload { get; }

    private OptionValue(bool isSome, Value payload)
    {
        IsSome = isSome;
        Payload = payload;
    }

    public static Value Some(Value v) => Value.Option(new OptionValue(true, v));
}
