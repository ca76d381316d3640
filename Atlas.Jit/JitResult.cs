using System.Diagnostics.CodeAnalysis;

namespace Atlas.Jit;

/// <summary>Either a value or the <see cref="JitError"/> that prevented it; JIT entry points return this instead of throwing.</summary>
/// <remarks>
/// A class, not a struct: the engine keeps results in a concurrent dictionary, and one over a value type is a generic
/// instantiation ReadyToRun cannot precompile (the first compilation in a process paid the .NET JIT for it).
/// </remarks>
internal sealed class JitResult<T>
{
    private readonly T? _value;

    private JitResult(T? value, JitError? error)
    {
        _value = value;
        Error = error;
    }

    public JitError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; throws when this is a failure.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("no value: " + Error.Message);

    public static JitResult<T> Ok(T value) => new(value, null);
    public static JitResult<T> Fail(JitError error) => new(default, error);

    public static implicit operator JitResult<T>(JitError error) => Fail(error);

    public JitResult<TOut> Then<TOut>(Func<T, JitResult<TOut>> next) => IsSuccess ? next(_value!) : JitResult<TOut>.Fail(Error);

    public override string ToString() => IsSuccess ? $"Ok({_value})" : $"Fail({Error})";
}
