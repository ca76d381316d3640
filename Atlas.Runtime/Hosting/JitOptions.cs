using Atlas.Vm;

namespace Atlas.Hosting;

/// <summary>
/// The JIT of an <see cref="AtlasEngine"/>. Atlas.Runtime has no compiler of its own: the host plugs one in, either a
/// <see cref="Hook"/> instance or a <see cref="Factory"/> (Atlas.Jit's <c>JitHosting.UseJit()</c> sets one). Without
/// either the engine interprets.
/// </summary>
public sealed class JitOptions
{
    private int _threshold = 1000;

    /// <summary>When false, every function stays interpreted even if a hook is given.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Calls after which a function is compiled (1: on its first call); passed to <see cref="Factory"/>.</summary>
    public int Threshold
    {
        get => _threshold;
        set => _threshold = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "the threshold must be at least 1");
    }

    /// <summary>A ready JIT; it decides its own threshold. Takes precedence over <see cref="Factory"/>.</summary>
    internal ITieringHook? Hook { get; set; }

    /// <summary>Creates the engine's JIT from these options (null: interpret only).</summary>
    internal Func<JitOptions, ITieringHook?>? Factory { get; set; }

    /// <summary>The JIT these options ask for, or null.</summary>
    internal ITieringHook? CreateHook() => Enabled ? Hook ?? Factory?.Invoke(this) : null;
}
