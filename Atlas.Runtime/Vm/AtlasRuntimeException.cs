using Atlas.Diagnostics;

namespace Atlas.Vm;

/// <summary>
/// One line of an Atlas call stack: the function and the position in it (innermost: the failing expression; callers:
/// the call). <see cref="Proto"/>, when known, tells which compilation the span belongs to (the REPL compiles many).
/// </summary>
internal readonly record struct StackFrameInfo(string FunctionName, TextSpan Span, Bytecode.FunctionProto? Proto = null);

/// <summary>
/// An Atlas runtime error. Thrown by the VM, the JIT's code and the stdlib; <see cref="Span"/> is filled in by the
/// innermost frame that catches it when the thrower did not know it, and each frame it unwinds appends itself to <see cref="AtlasStack"/>.
/// </summary>
public sealed class AtlasRuntimeException : Exception
{
    /// <summary>What went wrong; <see cref="Code"/> is its AT code.</summary>
    public RuntimeErrorKind Kind { get; }
    /// <summary>The message detail (TypeError text, symbol name, type name, ...).</summary>
    public string Detail { get; }
    /// <summary>Where in the source the error happened, when known.</summary>
    public TextSpan? Span { get; set; }
    internal List<StackFrameInfo> AtlasStack { get; } = new();

    /// <summary>An error of <paramref name="kind"/>; the message is the CLI's for that kind with <paramref name="detail"/>.</summary>
    public AtlasRuntimeException(RuntimeErrorKind kind, string detail = "", TextSpan? span = null)
        : base(RuntimeErrors.Message(kind, detail))
    {
        Kind = kind;
        Detail = detail;
        Span = span;
    }

    /// <summary>An error caused by another exception, e.g. one thrown by a host function (kept as the inner exception).</summary>
    public AtlasRuntimeException(RuntimeErrorKind kind, string detail, Exception? innerException)
        : base(RuntimeErrors.Message(kind, detail), innerException)
    {
        Kind = kind;
        Detail = detail;
    }

    /// <summary>The stable code, e.g. <c>AT0005</c>.</summary>
    public string Code => RuntimeErrors.Code(Kind);

    internal static AtlasRuntimeException Type(string message) => new(RuntimeErrorKind.TypeError, message);
    internal static AtlasRuntimeException Stdlib(string message) => new(RuntimeErrorKind.InvalidStdlibArgument, message);
}
