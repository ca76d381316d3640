using Atlas.Diagnostics;
using Atlas.Vm;

namespace Atlas.Modules;

/// <summary>Renders diagnostics and runtime errors of a <see cref="ModuleBuild"/> against the file each position is in.</summary>
internal static class ModuleRendering
{
    public static string Render(ModuleDiagnostic d) => new DiagnosticRenderer(d.Module.Source, d.Module.DisplayPath).Render(d.Diagnostic);

    /// <summary>A runtime error: its header and snippet from the module of the innermost frame, each frame from its own.</summary>
    public static string Render(ModuleBuild build, ModuleSource entry, AtlasRuntimeException e)
    {
        var innermost = e.AtlasStack.Count > 0 && e.AtlasStack[0].Proto is { } proto ? build.SourceOf(proto) : null;
        var at = innermost ?? entry;
        var renderer = new DiagnosticRenderer(at.Source, at.DisplayPath)
        {
            Locate = frame => frame.Proto != null && build.SourceOf(frame.Proto) is { } m ? (m.Source, m.DisplayPath) : null,
        };
        return renderer.Render(e);
    }
}
