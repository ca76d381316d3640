using Atlas.Vm;

namespace Atlas.Stdlib.Io;

/// <summary>
/// Reading the environment (from stdlib.md §9.6: getEnv, listEnv, getCwd) and the directories it determines
/// (pathCwd, pathHomedir, pathTempdir). All need environment permission (AT0303 otherwise).
/// </summary>
internal static class EnvBuiltins
{
    internal static void Register()
    {
        BuiltinRegistry.Define("getEnv", GetEnv, "The value of an environment variable, or null when it is not set.");
        BuiltinRegistry.Define("listEnv", ListEnv, "Every environment variable, as a json object of strings.");
        DefineDirectory("getCwd", "PWD", CurrentDirectory, "The current directory.");
        DefineDirectory("pathCwd", "PWD", CurrentDirectory, "Same as getCwd.");
        DefineDirectory("pathHomedir", "HOME", HomeDirectory, "The user's home directory.");
        DefineDirectory("pathTempdir", "TMPDIR", _ => FsTempBuiltins.TempDirectory, "The directory for temporary files.");
        DefineDirectory("fsGetTempDir", "TMPDIR", _ => FsTempBuiltins.TempDirectory, "Same as pathTempdir.");
    }

    private static Value GetEnv(Interpreter vm, Args args)
    {
        ArgCheck.Arity("getEnv", args, 1);
        if (!args[0].IsString) throw AtlasRuntimeException.Type($"Expected string for variable name, got {ValueFormatter.TypeName(args[0])}");
        var name = args[0].AsString;
        Sandbox.Environment(vm, name);
        return Environment.GetEnvironmentVariable(name) is { } value ? Value.String(value) : Value.Null;
    }

    private static Value ListEnv(Interpreter vm, Args args)
    {
        ArgCheck.Arity("listEnv", args, 0);
        Sandbox.Environment(vm, "*");
        var fields = new SortedDictionary<string, AtlasJson>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
            fields[(string)e.Key] = AtlasJson.FromString((string?)e.Value ?? "");
        return Value.Json(AtlasJson.FromObject(fields));
    }

    private static void DefineDirectory(string name, string variable, Func<Interpreter, string> directory, string summary) =>
        BuiltinRegistry.Define(name, (vm, args) =>
        {
            ArgCheck.Arity(name, args, 0);
            Sandbox.Environment(vm, variable);
            return Value.String(directory(vm));
        }, summary);

    /// <summary>The current directory, after checking environment permission (it says where the host runs).</summary>
    public static string CurrentDirectory(Interpreter vm)
    {
        Sandbox.Environment(vm, "PWD");
        return Io.Run("Failed to get current directory", Directory.GetCurrentDirectory);
    }

    private static string HomeDirectory(Interpreter vm)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 0 ? home : throw AtlasRuntimeException.Type("Failed to determine home directory");
    }
}
