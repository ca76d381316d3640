using System.Diagnostics;

namespace Atlas.Tests.Repl;

/// <summary>
/// The REPL in a real terminal (tmux): multi-line input with continuation prompts, history recall with the up arrow,
/// Ctrl+C on a running loop, and Ctrl+D to leave. .ci/run installs tmux; without it this test fails and says so.
/// </summary>
[TestClass]
public sealed class ReplTerminalTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [TestMethod]
    public void MultiLineEntryHistoryInterruptAndExitInATerminal()
    {
        var home = Directory.CreateTempSubdirectory("atlas-repl-home-").FullName;
        var socket = $"atlas-test-{Guid.NewGuid():N}";
        var tmux = new Tmux(socket);
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
            tmux.WaitFor(screen => screen.Contains("42 : number"), "the echo of add(2, 40)");

            // Up recalls add(2, 40); edit it to add(2, 1).
            tmux.Keys("Up", "BSpace", "BSpace", "BSpace", "1)", "Enter");
            tmux.WaitFor(screen => screen.Contains("3 : number"), "the echo of the edited entry");

            // Up three times: the multi-line function comes back as one unit.
            tmux.Keys("Up", "Up", "Up");
            tmux.WaitFor(screen => Lines(screen).Count(l => l.StartsWith(">>> fn add(")) == 2 && screen.TrimEnd().EndsWith("... }"),
                "the recalled multi-line entry");
            tmux.Keys("C-c");

            tmux.Keys("while (true) { }", "Enter");
            tmux.Interrupt(screen => screen.Contains("error[AT0010]: Execution cancelled"), "the interrupted loop");
            tmux.Keys("add(1, 1)", "Enter");
            tmux.WaitFor(screen => screen.Contains("2 : number"), "the session after the interrupt");

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

    /// <summary>A private tmux server (its own socket), driven through the tmux command line.</summary>
    private sealed class Tmux(string socket)
    {
        public string Run(params string[] args)
        {
            var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-L");
            start.ArgumentList.Add(socket);
            foreach (var a in args) start.ArgumentList.Add(a);
            Process process;
            try { process = Process.Start(start)!; }
            catch (System.ComponentModel.Win32Exception)
            {
                Assert.Fail("tmux is not installed: this test needs it (.ci/run installs it with 'apt-get install -y tmux')");
                throw;
            }
            using (process)
            {
                var stdout = process.StandardOutput.ReadToEnd();
                var stderr = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0) throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {stderr}");
                return stdout;
            }
        }

        public void Keys(params string[] keys) => Run(["send-keys", "-t", "repl", .. keys]);

        public string Screen() => Run("capture-pane", "-p", "-t", "repl");

        public void WaitFor(Func<string, bool> condition, string what)
        {
            var clock = Stopwatch.StartNew();
            string screen = "";
            while (clock.Elapsed < Patience)
            {
                screen = Screen();
                if (condition(screen)) return;
                Thread.Sleep(50);
            }
            Assert.Fail($"timed out waiting for {what}; the screen shows:\n{screen}");
        }

        /// <summary>Presses Ctrl+C until <paramref name="condition"/> holds: one that lands before the loop starts is ignored.</summary>
        public void Interrupt(Func<string, bool> condition, string what)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < Patience)
            {
                Thread.Sleep(200);
                Keys("C-c");
                var pressed = Stopwatch.StartNew();
                while (pressed.ElapsedMilliseconds < 1000)
                {
                    if (condition(Screen())) return;
                    Thread.Sleep(50);
                }
            }
            Assert.Fail($"timed out waiting for {what}; the screen shows:\n{Screen()}");
        }

        public void WaitForExit()
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < Patience)
            {
                try { Run("has-session", "-t", "repl"); }
                catch (InvalidOperationException) { return; }
                Thread.Sleep(50);
            }
            Assert.Fail("the REPL did not exit after Ctrl+D; the screen shows:\n" + Screen());
        }

        public void Kill()
        {
            try { Run("kill-server"); }
            catch (InvalidOperationException) { /* already gone with its last session */ }
            catch (AssertFailedException) { /* no tmux at all: reported already */ }
        }
    }
}
