using Atlas.Semantics;
using Atlas.Syntax;

namespace Atlas.Bytecode;

/// <summary>
/// Lowers a checked syntax tree to prototypes (bytecode.md §4–§5 with its DEFECTs fixed): one prototype per function,
/// globals resolved to slots, every prototype validated before it is returned.
/// </summary>
internal sealed class BytecodeCompiler
{
    internal GlobalTable Globals { get; }
    internal List<FunctionProto> Protos { get; } = new();
    private readonly Dictionary<Symbol, int> _nestedAliases = new(ReferenceEqualityComparer.Instance);

    private BytecodeCompiler(GlobalTable globals) => Globals = globals;

    /// <summary>Compiles a checked compilation unit. Pass the table of an earlier compilation to keep its globals (REPL).</summary>
    public static CompiledProgram Compile(CompilationUnit unit, GlobalTable? globals = null)
    {
        var compiler = new BytecodeCompiler(globals ?? new GlobalTable());
        var script = new FunctionCompiler(compiler, null, null);
        var proto = script.CompileScript(unit);
        // Finish registered the script last; it goes first, once.
        compiler.Protos.Remove(proto);
        compiler.Protos.Insert(0, proto);
        foreach (var p in compiler.Protos)
        {
            var errors = BytecodeValidator.Validate(p, compiler.Globals.Count);
            if (errors.Count > 0)
                throw new InvalidOperationException($"compiler produced invalid bytecode for {p.Name}: {errors[0]}");
        }
        return new CompiledProgram(proto, compiler.Protos, compiler.Globals);
    }

    /// <summary>The global slot through which a nested function is called (late binding, language.md §5.4 rule 4).</summary>
    internal int NestedAliasSlot(Symbol symbol)
    {
        if (_nestedAliases.TryGetValue(symbol, out int slot)) return slot;
        slot = Globals.SlotOf(new Symbol { Name = symbol.Name, Kind = SymbolKind.Global, Mutable = true, Type = symbol.Type });
        _nestedAliases[symbol] = slot;
        return slot;
    }
}
