namespace Atlas.Vm;

/// <summary><c>Ok(x)</c> or <c>Err(e)</c>. Immutable.</summary>
internal sealed class ResultValue
{
    public bool IsOk { get; }
    public Value Payload { get; }

    private ResultValue(bool isOk, Value payload)
    {
        IsOk = isOk;
        Payload = payload;
    }

    public static Value Ok(Value v) => Value.Result(new ResultValue(true, v));
    public static Value Err(Value v) => Value.Result(new ResultValue(false, v));
}
