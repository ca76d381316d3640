[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
// Test classes whose data rows use internal types of the runtime (OpCode, ...) are internal themselves.
[assembly: DiscoverInternals]
