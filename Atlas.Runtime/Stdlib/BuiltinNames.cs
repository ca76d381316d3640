namespace Atlas.Stdlib;

/// <summary>Every Tier 1 builtin name of stdlib.md, used to check that the registry is complete.</summary>
internal static class BuiltinNames
{
    public static readonly IReadOnlyList<string> Tier1 =
    [
        // core
        "print", "len", "str", "typeof", "toString", "toNumber", "toBool", "parseInt", "parseFloat",
        // type predicates
        "isString", "isNumber", "isBool", "isNull", "isArray", "isFunction", "isType",
        // strings
        "split", "join", "trim", "trimStart", "trimEnd", "indexOf", "lastIndexOf", "includes", "startsWith", "endsWith",
        "toUpperCase", "toLowerCase", "substring", "charAt", "repeat", "replace", "padStart", "padEnd",
        // arrays
        "pop", "shift", "unshift", "reverse", "flatten", "concat", "slice", "arrayIndexOf", "arrayLastIndexOf", "arrayIncludes",
        "arrayPush", "arrayUnshift", "arrayReverse", "arrayPop", "arrayShift", "arraySort",
        "map", "filter", "reduce", "forEach", "find", "findIndex", "flatMap", "some", "every", "sort", "sortBy",
        // math
        "abs", "floor", "ceil", "round", "sqrt", "log", "sin", "cos", "tan", "asin", "acos", "atan", "sign",
        "min", "max", "pow", "clamp", "random",
        // option / result
        "Some", "None", "Ok", "Err", "is_some", "is_none", "is_ok", "is_err", "unwrap", "unwrap_or", "expect",
        "result_ok", "result_err", "result_map", "result_map_err", "result_and_then", "result_or_else",
        // hashmap
        "hashMapNew", "hashMapFromEntries", "hashMapPut", "hashMapGet", "hashMapRemove", "hashMapHas", "hashMapSize",
        "hashMapIsEmpty", "hashMapClear", "hashMapKeys", "hashMapValues", "hashMapEntries", "hashMapForEach", "hashMapMap", "hashMapFilter",
        // hashset
        "hashSetNew", "hashSetFromArray", "hashSetAdd", "hashSetRemove", "hashSetHas", "hashSetSize", "hashSetIsEmpty", "hashSetClear",
        "hashSetUnion", "hashSetIntersection", "hashSetDifference", "hashSetSymmetricDifference", "hashSetIsSubset", "hashSetIsSuperset",
        "hashSetToArray", "hashSetForEach", "hashSetMap", "hashSetFilter",
        // queue / stack
        "queueNew", "queueEnqueue", "queueDequeue", "queuePeek", "queueSize", "queueIsEmpty", "queueClear", "queueToArray",
        "stackNew", "stackPush", "stackPop", "stackPeek", "stackSize", "stackIsEmpty", "stackClear", "stackToArray",
        // assertions
        "assert", "assertFalse", "assertEqual", "assertNotEqual", "assertOk", "assertErr", "assertSome", "assertNone",
        "assertContains", "assertEmpty", "assertLength",
    ];

    /// <summary>The JSON builtins (stdlib.md §9.1): pure functions, which the fuzzers call like Tier 1 ones.</summary>
    public static readonly IReadOnlyList<string> Json =
    [
        "parseJSON", "toJSON", "isValidJSON", "prettifyJSON", "minifyJSON", "jsonAsString", "jsonAsNumber", "jsonAsBool", "jsonIsNull",
        "isObject", "hasField", "hasMethod", "hasTag",
    ];

    /// <summary>
    /// The file, path and environment builtins (§9.3, §9.4, §9.6), kept apart: the fuzzers must not touch the file system.
    /// </summary>
    public static readonly IReadOnlyList<string> SystemAccess =
    [
        // files (§9.3)
        "readFile", "writeFile", "appendFile", "fileExists", "readDir", "createDir", "removeFile", "removeDir", "fileInfo", "pathJoin",
        // fs* helpers (§9.3)
        "fsMkdir", "fsMkdirp", "fsRmdir", "fsRmdirRecursive", "fsReaddir", "fsWalk", "fsFilterEntries", "fsSortEntries",
        "fsSize", "fsMtime", "fsCtime", "fsAtime", "fsPermissions", "fsIsDir", "fsIsFile",
        "fsSymlink", "fsReadlink", "fsIsSymlink", "fsResolveSymlink",
        "fsTmpfile", "fsTmpdir", "fsTmpfileNamed", "fsGetTempDir",
        // paths (§9.4)
        "pathJoinArray", "pathParse", "pathNormalize", "pathAbsolute", "pathRelative", "pathParent", "pathBasename", "pathDirname",
        "pathExtension", "pathIsAbsolute", "pathIsRelative", "pathExists", "pathCanonical", "pathEquals", "pathHomedir", "pathCwd",
        "pathTempdir", "pathSeparator", "pathDelimiter", "pathExtSeparator", "pathDrive", "pathToPlatform", "pathToPosix", "pathToWindows",
        // environment (§9.6)
        "getEnv", "listEnv", "getCwd",
    ];

    /// <summary>Every Tier 2 builtin implemented so far (stdlib.md §9).</summary>
    public static readonly IReadOnlyList<string> Tier2 = [.. Json, .. SystemAccess];

    /// <summary>Builtins whose first argument, when a plain variable, receives the result (stdlib.md §0.4).</summary>
    public static readonly IReadOnlyDictionary<string, WriteBack> WriteBacks = new Dictionary<string, WriteBack>
    {
        ["hashMapPut"] = WriteBack.ReturnsCollection, ["hashMapClear"] = WriteBack.ReturnsCollection,
        ["hashSetAdd"] = WriteBack.ReturnsCollection, ["hashSetClear"] = WriteBack.ReturnsCollection,
        ["queueEnqueue"] = WriteBack.ReturnsCollection, ["queueClear"] = WriteBack.ReturnsCollection,
        ["stackPush"] = WriteBack.ReturnsCollection, ["stackClear"] = WriteBack.ReturnsCollection,
        ["unshift"] = WriteBack.ReturnsCollection, ["reverse"] = WriteBack.ReturnsCollection, ["flatten"] = WriteBack.ReturnsCollection,
        ["hashMapRemove"] = WriteBack.ReturnsItem, ["hashSetRemove"] = WriteBack.ReturnsItem, ["queueDequeue"] = WriteBack.ReturnsItem,
        ["stackPop"] = WriteBack.ReturnsItem, ["pop"] = WriteBack.ReturnsItem, ["shift"] = WriteBack.ReturnsItem,
    };
}
