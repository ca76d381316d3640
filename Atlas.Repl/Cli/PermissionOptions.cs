using System.CommandLine;
using Atlas.Hosting;

namespace Atlas.Repl.Cli;

/// <summary>
/// The permission options of <c>atlas run</c> and <c>atlas repl</c>, after Deno's: without any of them the program may
/// touch every file and the environment (language.md §15); any of them starts from nothing and grants only what it names.
/// </summary>
internal sealed class PermissionOptions
{
    private readonly Option<bool> _sandbox = new("--sandbox")
    {
        Description = "Grant no file or environment access except what --allow-read, --allow-write and --allow-env give",
    };
    private readonly Option<string[]> _read = new("--allow-read")
    {
        Description = "Allow reading files under DIR (repeatable; implies --sandbox for everything else)",
        HelpName = "DIR",
    };
    private readonly Option<string[]> _write = new("--allow-write")
    {
        Description = "Allow creating, changing and removing files under DIR (repeatable; implies --sandbox for everything else)",
        HelpName = "DIR",
    };
    private readonly Option<bool> _env = new("--allow-env")
    {
        Description = "Allow reading environment variables and the current, home and temporary directories (implies --sandbox)",
    };

    public static PermissionOptions AddTo(Command command)
    {
        var options = new PermissionOptions();
        command.Options.Add(options._sandbox);
        command.Options.Add(options._read);
        command.Options.Add(options._write);
        command.Options.Add(options._env);
        return options;
    }

    public AtlasPermissions Read(ParseResult p)
    {
        var read = p.GetValue(_read) ?? [];
        var write = p.GetValue(_write) ?? [];
        bool env = p.GetValue(_env);
        if (!p.GetValue(_sandbox) && read.Length == 0 && write.Length == 0 && !env) return AtlasPermissions.All;
        return AtlasPermissions.None with { ReadDirectories = read, WriteDirectories = write, Environment = env };
    }
}
