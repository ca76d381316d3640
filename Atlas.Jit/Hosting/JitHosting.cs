using Atlas.Hosting;
using Atlas.Vm;

namespace Atlas.Jit.Hosting;

/// <summary>Plugs Atlas.Jit into an <see cref="AtlasEngine"/> (Atlas.Runtime cannot reference it).</summary>
public static class JitHosting
{
    /// <summary>
    /// A <see cref="JitOptions"/> factory: a <see cref="JitEngine"/> compiling functions after <see cref="JitOptions.Threshold"/> calls.
    /// </summary>
    internal static ITieringHook CreateEngine(JitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // AtlasEngine runs its VMs on the script threads, whose stack room the session promises (Interpreter.StackRoomDepth).
        return new JitEngine(new JitConfig { CompilationThreshold = options.Threshold, DepthOnlySmallFrameCalls = true });
    }

    /// <summary>Makes the engine created with these options compile hot functions with Atlas.Jit.</summary>
    /// <remarks>
    /// Functions are compiled after <see cref="JitOptions.Threshold"/> calls; <see cref="JitOptions.Enabled"/> false turns it off.
    /// </remarks>
    public static AtlasOptions UseJit(this AtlasOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Jit.Factory = CreateEngine;
        return options;
    }

    /// <summary>Makes the engine created with these options compile hot functions with a JIT set up by <paramref name="config"/>.</summary>
    /// <remarks>The config's <see cref="JitConfig.CompilationThreshold"/> applies; <see cref="JitOptions.Threshold"/> does not.</remarks>
    public static AtlasOptions UseJit(this AtlasOptions options, JitConfig config)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(config);
        options.Jit.Factory = _ => new JitEngine(config with { DepthOnlySmallFrameCalls = true });
        return options;
    }

    /// <summary>What the engine's JIT has done so far (compilations, compiled calls, fallbacks); null when the engine interprets.</summary>
    public static JitStats? GetJitStats(this AtlasEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return (engine.Jit as JitEngine)?.Stats;
    }
}
