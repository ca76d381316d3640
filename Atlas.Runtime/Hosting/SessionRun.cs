using Atlas.Bytecode;
using Atlas.Vm;

namespace Atlas.Hosting;

/// <summary>
/// How a unit ran in a <see cref="ScriptSession"/>: its program (null when the bytecode compiler failed, a bug), its
/// completion value, and the error that ended it (<see cref="AtlasRuntimeException"/>, or anything else for a bug).
/// </summary>
internal sealed record SessionRun(CompiledProgram? Program, Value Value, Exception? Error);
