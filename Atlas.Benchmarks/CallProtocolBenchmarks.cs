using Atlas.Bytecode;
using Atlas.Hosting;
using Atlas.Jit;
using Atlas.Vm;
using BenchmarkDotNet.Attributes;

namespace Atlas.Benchmarks;

/// <summary>
/// The call protocol's costs (issue targets: a compiled→compiled call within 1.3x of a C# static call; a builtin callback
/// over a number array ≤ 20 ns per element). Results are per call / per element (<c>OperationsPerInvoke</c>).
/// </summary>
public class CallProtocolBenchmarks
{
    private const int FibN = 20;
    /// <summary>Calls made by fib(20): 2·fib(21) − 1.</summary>
    private const int FibCalls = 21891;
    private const int Elements = 10_000;

    private const string Source = """
        fn fib(n: number) -> number {
            if (n < 2) { return n; }
            return fib(n - 1) + fib(n - 2);
        }
        fn twice(x: number) -> number { return x * 2; }
        fn mapTwice(a: number[]) -> number[] { return map(a, twice); }
        """;

    private Interpreter _vm = null!;
    private Value _fib, _mapTwice, _numbers, _twice;

    [GlobalSetup]
    public void Setup()
    {
        var program = Pipeline.Compile(Source).Program ?? throw new InvalidOperationException("does not compile");
        _vm = new Interpreter { Out = TextWriter.Null, Tiering = new JitEngine(new JitConfig { CompilationThreshold = 1 }) };
        _vm.Run(program);
        _fib = _vm.Globals[program.Globals.FindByName("fib")];
        _mapTwice = _vm.Globals[program.Globals.FindByName("mapTwice")];
        _twice = _vm.Globals[program.Globals.FindByName("twice")];
        var items = Enumerable.Range(0, Elements).Select(i => Value.Number(i)).ToArray();
        _numbers = Value.Array(AtlasArray.Of(items, items.Length));
        // Compile everything before measuring (threshold 1: the first call compiles).
        _vm.Invoke(_fib, [Value.Number(FibN)]);
        _vm.Invoke(_mapTwice, [_numbers]);
        _twiceBody = ((JitEngine)_vm.Tiering!).FunctionFor(_twice.AsFunction.Proto)!.Published;
        _roomVm = new Interpreter
        {
            Out = TextWriter.Null,
            Tiering = new JitEngine(new JitConfig { CompilationThreshold = 1, DepthOnlySmallFrameCalls = true }),
            StackRoomDepth = Interpreter.StackRoomFor(ScriptThreadBytes),
        };
        _roomVm.Run(program);
        _roomFib = _roomVm.Globals[program.Globals.FindByName("fib")];
        CompiledToCompiledCallOnAScriptThread();
    }

    private static double CSharpFib(double n) => n < 2 ? n : CSharpFib(n - 1) + CSharpFib(n - 2);

    /// <summary>The same recursion as a C# static method on doubles.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = FibCalls)]
    public double CSharpStaticCall() => CSharpFib(FibN);

    /// <summary>fib(20) entered once from the VM; every recursive call is compiled → compiled.</summary>
    [Benchmark(OperationsPerInvoke = FibCalls)]
    public Value CompiledToCompiledCall() => _vm.Invoke(_fib, [Value.Number(FibN)]);

    /// <summary>
    /// The same as <c>atlas run</c>, the REPL and <see cref="AtlasEngine"/> run it: on a 1 GiB script thread whose stack room
    /// the VM is promised, so each compiled call checks only the depth (docs/jit.md, "Stack headroom"). One thread start
    /// per <see cref="RoomRounds"/> fib(20) runs (tens of microseconds against milliseconds of calls).
    /// </summary>
    [Benchmark(OperationsPerInvoke = FibCalls * RoomRounds)]
    public void CompiledToCompiledCallOnAScriptThread()
    {
        var thread = new Thread(() =>
        {
            for (int i = 0; i < RoomRounds; i++) _roomVm.Invoke(_roomFib, [Value.Number(FibN)]);
        }, ScriptThreadBytes);
        thread.Start();
        thread.Join();
    }

    private const int RoomRounds = 200;
    private const int ScriptThreadBytes = 1 << 30;
    private Interpreter _roomVm = null!;
    private Value _roomFib;

    /// <summary>
    /// One call of a compiled function from .NET through <see cref="Interpreter.Invoke"/> (what every builtin callback does).
    /// </summary>
    [Benchmark]
    public Value InvokeCompiled() => _vm.Invoke(_twice, [Value.Number(3)]);

    /// <summary>The compiled entry (CompiledCode) of twice, arguments already on the VM stack: the adapter and the body.</summary>
    [Benchmark]
    public Value CompiledEntryOnly()
    {
        var fn = _twice.AsFunction;
        _vm.Push(_twice);
        _vm.Push(Value.Number(3));
        var r = fn.Proto.Compiled!(_vm, fn, _vm.Sp - 1);
        _vm.Sp -= 2;
        return r;
    }

    /// <summary>The typed body's delegate of twice (a whole-number parameter and result), called directly.</summary>
    [Benchmark]
    public long TypedBodyOnly() => ((Func<Interpreter, FunctionValue, int, long, long>)_twiceBody!)(_vm, _twice.AsFunction, 1, 3);

    private Delegate? _twiceBody;

    /// <summary>map over a number array with a compiled callback (per element, including the result array).</summary>
    [Benchmark(OperationsPerInvoke = Elements)]
    public Value BuiltinCallback() => _vm.Invoke(_mapTwice, [_numbers]);
}
