using System.Text;
using Atlas.Hosting;

namespace Atlas.Modules;

/// <summary>
/// Reads modules from files: the path is relative to the importing file's directory and gets <c>.atl</c> when it has no
/// extension. With <paramref name="roots"/> only files under those directories load (after resolving <c>..</c> and
/// symbolic links); null allows any file.
/// </summary>
public sealed class FileModuleResolver(IReadOnlyList<string>? roots = null) : IModuleResolver
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Loads any file (the <c>atlas</c> command's default).</summary>
    public static FileModuleResolver Unrestricted { get; } = new();

    /// <inheritdoc />
    public ModuleLookup Resolve(string specifier, ModuleSource importer)
    {
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(importer.Id)) ?? Directory.GetCurrentDirectory();
        var full = Path.GetFullPath(ModulePaths.WithExtension(specifier), baseDir);
        if (roots != null && !new AtlasPermissions { ReadDirectories = roots }.CanRead(RealPath.Resolve(full)))
            return ModuleLookup.Refused($"{full} is outside the module roots");
        if (Directory.Exists(full)) return ModuleLookup.Refused($"{full} is a directory");
        if (!File.Exists(full)) return ModuleLookup.Missing;
        try
        {
            var text = StrictUtf8.GetString(File.ReadAllBytes(full));
            return ModuleLookup.Found(new ModuleSource(full, ModulePaths.Display(importer.DisplayPath, specifier), text));
        }
        catch (DecoderFallbackException)
        {
            return ModuleLookup.Refused($"{full} is not valid UTF-8");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ModuleLookup.Refused(e.Message);
        }
    }
}
