namespace Atlas.Hosting;

/// <summary>An Atlas <c>Result</c> as .NET sees it: <c>Ok(value)</c> or <c>Err(error)</c>.</summary>
public sealed record AtlasResult
{
    private AtlasResult(bool isOk, object? value, object? error)
    {
        IsOk = isOk;
        Value = value;
        Error = error;
    }

    /// <summary>Whether this is <c>Ok</c>.</summary>
    public bool IsOk { get; }
    /// <summary>The payload of <c>Ok</c> (null for <c>Err</c>).</summary>
    public object? Value { get; }
    /// <summary>The payload of <c>Err</c> (null for <c>Ok</c>).</summary>
    public object? Error { get; }

    /// <summary><c>Ok(value)</c>.</summary>
    public static AtlasResult Ok(object? value) => new(true, value, null);

    /// <summary><c>Err(error)</c>.</summary>
    public static AtlasResult Err(object? error) => new(false, null, error);

    /// <summary><c>Ok(value)</c> or <c>Err(error)</c>.</summary>
    public override string ToString() => IsOk ? $"Ok({Value ?? "null"})" : $"Err({Error ?? "null"})";
}
