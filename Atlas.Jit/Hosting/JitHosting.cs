using Atlas.Hosting;
using Atlas.Vm;

namespace Atlas.Jit.Hosting;

/// <summary>Plugs Atlas.Jit into an <see cref="AtlasEngine"/> (Atlas.Runtime cannot reference it).</summary>
public static class JitHosting
{
    /// <summary>A <see cref="JitOptions.Factory"/>: a <see cref="JitEngine"/> compiling functions after <see cref="JitOptions.Threshold"/> calls.</summary>
    public static ITieringHook CreateEngine(JitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new JitEngine(new JitConfig { CompilationThreshold = options.Threshold });
    }

    /// <summary>Makes the engine created with these options compile hot functions with Atlas.Jit.</summary>
    public static AtlasOptions UseJit(this AtlasOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Jit.Factory = CreateEngine;
        return options;
    }
}
