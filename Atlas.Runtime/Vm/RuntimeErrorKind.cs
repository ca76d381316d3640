namespace Atlas.Vm;

/// <summary>Runtime error kinds (language.md §13.4 and README decision 12). Codes are never reused.</summary>
public enum RuntimeErrorKind
{
    /// <summary>AT0001: an operation got a value of the wrong type.</summary>
    TypeError,
    /// <summary>AT0002: a global was read before its declaration ran.</summary>
    UndefinedVariable,
    /// <summary>AT0002: a call named no function.</summary>
    UnknownFunction,
    /// <summary>AT0005: division or remainder by zero.</summary>
    DivideByZero,
    /// <summary>AT0006: an array index outside the array.</summary>
    OutOfBounds,
    /// <summary>AT0007: arithmetic produced NaN or Infinity.</summary>
    InvalidNumericResult,
    /// <summary>AT0102: a standard library function refused an argument.</summary>
    InvalidStdlibArgument,
    /// <summary>AT0103: an array index that is not a whole number.</summary>
    InvalidIndex,
    /// <summary>AT0140: a HashMap key or HashSet element of a type that cannot be hashed.</summary>
    UnhashableType,
    /// <summary>AT0008: the call depth limit (<see cref="Atlas.Hosting.LimitOptions.MaxDepth"/>) was exceeded.</summary>
    StackOverflow,
    /// <summary>AT0009: the time limit (<see cref="Atlas.Hosting.LimitOptions.Timeout"/>) ran out.</summary>
    Timeout,
    /// <summary>AT0010: the script was cancelled or interrupted.</summary>
    Cancelled,
    /// <summary>AT0011: the memory budget (<see cref="Atlas.Hosting.LimitOptions.MaxMemoryMb"/>) was exceeded.</summary>
    MemoryLimit,
    /// <summary>A file or directory the script's permissions do not cover (detail: "read access to PATH").</summary>
    FilesystemPermissionDenied,
    /// <summary>The environment without permission (detail: the variable or what was asked for).</summary>
    EnvironmentPermissionDenied,
    /// <summary>A failed file operation (detail: what failed and the OS message).</summary>
    IoError,
}

/// <summary>AT codes and message rendering for <see cref="RuntimeErrorKind"/>.</summary>
internal static class RuntimeErrors
{
    public static string Code(RuntimeErrorKind kind) => kind switch
    {
        RuntimeErrorKind.TypeError => "AT0001",
        RuntimeErrorKind.UndefinedVariable => "AT0002",
        RuntimeErrorKind.UnknownFunction => "AT0002",
        RuntimeErrorKind.DivideByZero => "AT0005",
        RuntimeErrorKind.OutOfBounds => "AT0006",
        RuntimeErrorKind.InvalidNumericResult => "AT0007",
        RuntimeErrorKind.StackOverflow => "AT0008",
        RuntimeErrorKind.Timeout => "AT0009",
        RuntimeErrorKind.Cancelled => "AT0010",
        RuntimeErrorKind.MemoryLimit => "AT0011",
        RuntimeErrorKind.InvalidStdlibArgument => "AT0102",
        RuntimeErrorKind.InvalidIndex => "AT0103",
        RuntimeErrorKind.UnhashableType => "AT0140",
        RuntimeErrorKind.FilesystemPermissionDenied => "AT0300",
        RuntimeErrorKind.EnvironmentPermissionDenied => "AT0303",
        RuntimeErrorKind.IoError => "AT0400",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The CLI message for an error of this kind with the given detail (message, name or type name).</summary>
    public static string Message(RuntimeErrorKind kind, string detail) => kind switch
    {
        RuntimeErrorKind.TypeError => "Type error: " + detail,
        RuntimeErrorKind.UndefinedVariable => "Unknown symbol: " + detail,
        RuntimeErrorKind.UnknownFunction => "Unknown function: " + detail,
        RuntimeErrorKind.DivideByZero => "Divide by zero",
        RuntimeErrorKind.OutOfBounds => "Array index out of bounds",
        RuntimeErrorKind.InvalidNumericResult => "Invalid numeric result (NaN or Infinity)",
        RuntimeErrorKind.InvalidStdlibArgument => "Invalid argument to standard library function: " + detail,
        RuntimeErrorKind.InvalidIndex => "Invalid index: array indices must be whole numbers",
        RuntimeErrorKind.UnhashableType => $"Cannot hash type {detail} - only number, string, bool, null are hashable",
        RuntimeErrorKind.StackOverflow => "Stack overflow: call depth exceeded " + detail,
        RuntimeErrorKind.Timeout => $"Execution timed out after {detail} s",
        RuntimeErrorKind.Cancelled => "Execution cancelled",
        RuntimeErrorKind.MemoryLimit => "Memory limit exceeded",
        RuntimeErrorKind.FilesystemPermissionDenied => "Permission denied: " + detail,
        RuntimeErrorKind.EnvironmentPermissionDenied => "Permission denied: environment variable " + detail,
        _ => detail,
    };
}
