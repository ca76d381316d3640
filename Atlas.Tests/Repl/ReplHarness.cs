using Atlas.Repl.Repl;

namespace Atlas.Tests.Repl;

/// <summary>A REPL session on string writers: each call returns what that entry or command printed.</summary>
internal sealed class ReplHarness
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public ReplSession Session { get; }
    public ReplCommands Commands { get; }

    public ReplHarness(IReplJit? jit = null)
    {
        Session = new ReplSession(_out, _err, jit);
        Commands = new ReplCommands(Session, _out, _err);
    }

    public (EntryOutcome Outcome, string Out, string Err) Enter(string entry)
    {
        var outcome = Session.Submit(entry);
        return (outcome, Take(_out), Take(_err));
    }

    /// <summary>Runs an entry that must succeed and returns its stdout.</summary>
    public string Ok(string entry)
    {
        var (outcome, stdout, stderr) = Enter(entry);
        Assert.AreEqual(EntryOutcome.Completed, outcome, stderr);
        return stdout;
    }

    public (bool Continue, string Out, string Err) Command(string line)
    {
        bool go = Commands.Execute(line);
        return (go, Take(_out), Take(_err));
    }

    private static string Take(StringWriter w)
    {
        var s = w.ToString().ReplaceLineEndings("\n");
        w.GetStringBuilder().Clear();
        return s;
    }
}
