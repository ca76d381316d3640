using Atlas.Bytecode;
using Atlas.Hosting;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Support;

/// <summary>Compiles and runs Atlas source on a VM in process (on a thread with a large stack, like the CLI).</summary>
internal static class Exec
{
    public sealed record Result(Value Value, string Output, AtlasRuntimeException? Error, Interpreter Vm, CompiledProgram Program);

    public static CompiledProgram Compile(string source)
    {
        var outcome = Pipeline.Compile(source);
        if (!outcome.Success) Assert.Fail("does not compile: " + string.Join("; ", outcome.Diagnostics.Select(d => d.ToString())));
        return outcome.Program!;
    }

    public static Result Run(string source, ITieringHook? tiering, int maxDepth = Interpreter.DefaultMaxDepth) =>
        Run(Compile(source), tiering, maxDepth);

    public static Result Run(CompiledProgram program, ITieringHook? tiering, int maxDepth = Interpreter.DefaultMaxDepth, Interpreter? vm = null)
    {
        var output = new StringWriter();
        vm ??= new Interpreter();
        vm.Out = output;
        vm.Tiering = tiering;
        vm.MaxDepth = maxDepth;
        Value value = Value.Null;
        AtlasRuntimeException? error = null;
        Exception? crash = null;
        var thread = new Thread(() =>
        {
            try
            {
                value = vm.Run(program);
            }
            catch (AtlasRuntimeException e)
            {
                error = e;
            }
            catch (Exception e)
            {
                crash = e;
            }
        }, 1024 * 1024 * 1024);
        thread.Start();
        thread.Join();
        if (crash != null) Assert.Fail("internal error: " + crash);
        return new Result(value, output.ToString(), error, vm, program);
    }

    public static FunctionProto Function(CompiledProgram program, string name) => program.Functions.Single(f => f.Name == name);

    public static string Describe(AtlasRuntimeException? e) =>
        e == null ? "(no error)" : $"{e.Code} {e.Message} @{e.Span} stack: {string.Join(" <- ", e.AtlasStack.Select(f => $"{f.FunctionName}@{f.Span}"))}";
}
