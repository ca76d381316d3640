namespace Atlas.Jit.Tests.TierParity.Source;

/// <summary>The Atlas types random programs use; each maps to its source syntax (see <see cref="STypes"/>).</summary>
public enum SType
{
    Num,
    Str,
    Bool,
    NumArr,
    OptNum,
    ResNum,
    /// <summary><c>(number) -> number</c>.</summary>
    Fn,
}
