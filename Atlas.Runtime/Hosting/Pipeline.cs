using Atlas.Bytecode;
using Atlas.Diagnostics;
using Atlas.Semantics;
using Atlas.Syntax;

namespace Atlas.Hosting;

/// <summary>
/// Source → parse → check → bytecode (language.md §1): each phase runs only if the previous ones produced no errors.
/// Warnings never stop compilation (README decision 1); callers decide whether to deny them.
/// </summary>
internal static class Pipeline
{
    public static CompileOutcome Compile(string source, GlobalTable? globals = null)
    {
        var parse = Parser.Parse(source);
        if (parse.Diagnostics.Any(d => d.IsError)) return new CompileOutcome(null, parse.Diagnostics, parse.Unit);
        var check = Checker.Check(parse.Unit);
        var diagnostics = parse.Diagnostics.Concat(check.Diagnostics).ToList();
        if (diagnostics.Any(d => d.IsError)) return new CompileOutcome(null, diagnostics, parse.Unit);
        var program = BytecodeCompiler.Compile(parse.Unit, globals);
        return new CompileOutcome(program, diagnostics, parse.Unit);
    }
}
