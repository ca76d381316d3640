using System.Diagnostics;
using Atlas.Tests.Support;

namespace Atlas.Tests.Repl;

/// <summary>
/// The REPL in a real terminal (tmux): multi-line input with continuation prompts, history recall with the up arrow,
/// Ctrl+C on a running loop, and Ctrl+D to leave. .ci/run installs tmux; without it this test fails and says so.
/// </summary>
[TestClass]
public sealed class ReplTerminalTests
{
    [TestMethod]
    public void MultiLineEntryHistoryInterruptAndExitInATerminal()
    {
        var home = TempFiles.NewDirectory("atlas-repl-home-");
        // The server's socket sits with the test's files (not in /tmp/tmux-UID, where tmux leaves it behind); a short name
        // keeps the socket path under the length limit of Unix sockets.
        var tmux = new TmuxSession(Path.Combine(TempFiles.Root, $"tmux-{Guid.NewGuid():N}"[..13]));
        try
        {
            string command = $"env HOME='{home}' '{AtlasProcess.DotnetHost}' '{AtlasProcess.Dll}'";
            tmux.Run("new-session", "-d", "-s", "repl", "-x", "100", "-y", "40", command);
            // capture-pane drops trailing blanks, so an empty prompt shows as ">>>".
            tmux.WaitFor(screen => screen.TrimEnd().EndsWith(">>>"), "the prompt");

            // A trailing space keeps tmux from reading the ';' as its own command separator.
            tmux.Keys("fn add(a: number, b: number) -> number {", "Enter");
            tmux.WaitFor(screen => screen.TrimEnd().EndsWith("..."), "the continuation prompt");
            tmux.Keys("    return a + b; ", "Enter", "}", "Enter");
            tmux.Keys("add(2, 40)", "Enter");
            tmux.WaitFor(screen => Lines(screen).Contains("42 : number"), "the echo of add(2, 40)");

            // Up recalls add(2, 40); edit it to add(2, 1).
            tmux.Keys("Up", "BSpace", "BSpace", "BSpace", "1)", "Enter");
            tmux.WaitFor(screen => Lines(screen).Contains("3 : number"), "the echo of the edited entry");

            // Up three times: the multi-line function comes back as one unit.
            tmux.Keys("Up", "Up", "Up");
            tmux.WaitFor(screen => Lines(screen).Count(l => l.StartsWith(">>> fn add(")) == 2 && screen.TrimEnd().EndsWith("... }"),
                "the recalled multi-line entry");
            tmux.Keys("C-c");

            tmux.Keys("while (true) { }", "Enter");
            tmux.Interrupt(screen => screen.Contains("error[AT0010]: Execution cancelled"), "the interrupted loop");
            tmux.Keys("add(1, 1)", "Enter");
            tmux.WaitFor(screen => Lines(screen).Contains("2 : number"), "the session after the interrupt");

            tmux.Keys("C-d");
            tmux.WaitForExit();
            var history = File.ReadAllText(Path.Combine(home, ".atlas_history"));
            StringAssert.Contains(history, "fn add(a: number, b: number) -> number {\\n    return a + b;");
            StringAssert.Contains(history, "add(2, 1)\n");
        }
        finally
        {
            tmux.Kill();
            Directory.Delete(home, recursive: true);
        }
    }

    private static string[] Lines(string screen) => screen.Split('\n');
}
