namespace Atlas.Jit.Tests.TierParity.Bytecode;

/// <summary>
/// The static types of the random-bytecode model. Every generated expression has one and pushes a value of it (Arr is
/// an array of numbers); <see cref="Any"/> values may be of any kind at run time, so operations on them can fail with
/// the runtime's type errors — both tiers must raise the same ones.
/// </summary>
public enum BType
{
    Num,
    Bool,
    Str,
    Arr,
    Opt,
    Any,
}
