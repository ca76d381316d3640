namespace Atlas.Jit;

/// <summary>Why the JIT did not produce (or run) compiled code for a function.</summary>
internal enum JitErrorKind
{
    /// <summary>The function contains an instruction the code generator does not translate.</summary>
    UnsupportedOpcode,
    /// <summary>Both expression compilers failed (or the generated tree was rejected).</summary>
    CompilationFailed,
    /// <summary>The code cache has no room (size limit 0).</summary>
    CacheFull,
    /// <summary>The prototype was not validated, or its bytecode contradicts itself.</summary>
    InvalidBytecode,
    /// <summary>
    /// Compiled code could not run (the rest of) a call and handed it to the interpreter: the reason of a run-time fallback.
    /// </summary>
    ExecutionError,
}
