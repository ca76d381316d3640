namespace Atlas.Vm;

/// <summary>Run-time kind of a <see cref="Value"/>. Kinds from Array on hold a heap object.</summary>
public enum ValueKind : byte
{
    /// <summary>A global whose declaration has not run yet; never visible to programs.</summary>
    Undefined,
    /// <summary><c>null</c>.</summary>
    Null,
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,
    /// <summary>A number (an IEEE double).</summary>
    Number,
    /// <summary>A string.</summary>
    String,
    /// <summary>An array (a value: copied on write).</summary>
    Array,
    /// <summary>A function defined by a script (or a closure).</summary>
    Function,
    /// <summary>A standard library or host function.</summary>
    Builtin,
    /// <summary><c>Some(x)</c> or <c>None</c>.</summary>
    Option,
    /// <summary><c>Ok(x)</c> or <c>Err(e)</c>.</summary>
    Result,
    /// <summary>A HashMap.</summary>
    HashMap,
    /// <summary>A HashSet.</summary>
    HashSet,
    /// <summary>A Queue.</summary>
    Queue,
    /// <summary>A Stack.</summary>
    Stack,
    /// <summary>A parsed JSON value (<see cref="AtlasJson"/>, immutable).</summary>
    Json,
}
