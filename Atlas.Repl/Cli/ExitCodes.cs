namespace Atlas.Repl.Cli;

/// <summary>Process exit codes (README decision 2).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int ProgramFailed = 1;
    public const int Usage = 2;
    public const int Interrupted = 130;
}
