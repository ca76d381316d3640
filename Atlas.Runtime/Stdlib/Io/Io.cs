using System.Runtime.InteropServices;
using Atlas.Vm;

namespace Atlas.Stdlib.Io;

/// <summary>
/// Runs a file operation and turns what .NET throws into AT0400 with the operating system's message, written as the
/// reference (Rust's std::io) writes it: <c>Failed to read file 'a.txt': No such file or directory (os error 2)</c>.
/// </summary>
internal static class Io
{
    private const int ENOENT = 2, EACCES = 13, EEXIST = 17, ENOTDIR = 20, EISDIR = 21, EINVAL = 22, ENOTEMPTY = 39;

    public static AtlasRuntimeException Failure(string message) => new(RuntimeErrorKind.IoError, message);

    /// <summary>AT0400 "<paramref name="what"/>: OS message" for errno <paramref name="errno"/>.</summary>
    public static AtlasRuntimeException Failure(string what, int errno) => Failure($"{what}: {OsMessage(errno)}");

    public static T Run<T>(string what, Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw Failure($"{what}: {Describe(e)}");
        }
    }

    public static void Run(string what, Action operation) => Run(what, () => { operation(); return 0; });

    private static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => OsMessage(ENOENT),
        UnauthorizedAccessException => OsMessage(EACCES),
        // On Unix .NET puts the errno of a failed system call in HResult; elsewhere HResult is an HRESULT.
        IOException { HResult: > 0 and < 4096 } io => OsMessage(io.HResult),
        _ => e.Message,
    };

    /// <summary>Rust's rendering of an OS error: the C library's text and the number.</summary>
    public static string OsMessage(int errno)
    {
        string text = errno switch
        {
            ENOENT => "No such file or directory",
            EACCES => "Permission denied",
            EEXIST => "File exists",
            ENOTDIR => "Not a directory",
            EISDIR => "Is a directory",
            EINVAL => "Invalid argument",
            ENOTEMPTY => "Directory not empty",
            _ => Marshal.GetPInvokeErrorMessage(errno),
        };
        return $"{text} (os error {errno})";
    }

    public static int IsADirectory => EISDIR;
    public static int NotFound => ENOENT;
    public static int NotADirectory => ENOTDIR;
    public static int AlreadyExists => EEXIST;
    public static int InvalidArgument => EINVAL;
}
