namespace Atlas.Hosting;

/// <summary>An Atlas <c>Option</c> as .NET sees it: <c>Some(value)</c> or <c>None</c>.</summary>
public sealed record AtlasOption
{
    private AtlasOption(bool isSome, object? value)
    {
        IsSome = isSome;
        Value = value;
    }

    /// <summary><c>None</c>.</summary>
    public static AtlasOption None { get; } = new(false, null);

    /// <summary>Whether this is <c>Some</c>.</summary>
    public bool IsSome { get; }
    /// <summary>The payload of <c>Some</c> (null for <c>None</c>).</summary>
    public object? Value { get; }

    /// <summary><c>Some(value)</c>.</summary>
    public static AtlasOption Some(object? value) => new(true, value);

    /// <summary><c>Some(value)</c> or <c>None</c>.</summary>
    public override string ToString() => IsSome ? $"Some({Value ?? "null"})" : "None";
}
