namespace Atlas.Vm;

/// <summary>Run-time kind of a <see cref="Value"/>. Kinds from Array on hold a heap object.</summary>
public enum ValueKind : byte
{
    /// <summary>A global whose declaration has not run yet; never visible to programs.</summary>
    Undefined,
    Null,
    Bool,
    Number,
    String,
    Array,
    Function,
    Builtin,
    Option,
    Result,
    HashMap,
    HashSet,
    Queue,
    Stack,
    /// <summary>A parsed JSON value (<see cref="AtlasJson"/>, immutable).</summary>
    Json,
}
