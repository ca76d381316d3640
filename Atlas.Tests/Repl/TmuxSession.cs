using System.Diagnostics;

namespace Atlas.Tests.Repl;

/// <summary>A private tmux server (its own socket, at the path <paramref name="socket"/>) with one session, driven through the
/// tmux command line.</summary>
internal sealed class TmuxSession(string socket)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public string Run(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-S");
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
        File.Delete(socket);
    }
}
