using Atlas.Jit.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Atlas.Jit.Tests.Codegen;

/// <summary>
/// Random arithmetic and comparison expressions over unboxed parameters, boxed array elements and <c>?</c>-typed values
/// of random kinds: the compiled function must print (or fail) exactly like the interpreter, including NaN/∞ errors,
/// zero divisors, negative zero and type errors.
/// </summary>
[TestClass]
public sealed class ArithmeticPropertyTests
{
    private static readonly string[] Leaves = ["a", "b", "u", "xs[0]", "xs[1]", "0", "1", "2", "7", "0.5", "-3", "1e308", "n"];
    private static readonly string[] Binary = ["+", "-", "*", "/", "%"];
    private static readonly string[] Compare = ["<", "<=", ">", ">=", "==", "!="];
    private static readonly string[] Values = ["0", "1", "-1", "2.5", "1e300", "-0", "\"s\"", "true", "null", "[1]"];

    private static Gen<string> Expr(int size) => size <= 0
        ? Gen.Elements(Leaves)
        : Gen.Frequency(
            (3, Gen.Elements(Leaves)),
            (1, Expr(size / 2).Select(e => $"-({e})")),
            (5, from l in Expr(size / 2) from op in Gen.Elements(Binary) from r in Expr(size / 2) select $"({l} {op} {r})"));

    private static readonly Gen<string> Programs =
        from e in Gen.Sized(s => Expr(Math.Min(s, 12)))
        from c in Gen.Elements(Compare)
        from e2 in Gen.Sized(s => Expr(Math.Min(s, 6)))
        from a in Gen.Elements(Values.Take(6).ToArray())
        from b in Gen.Elements(Values.Take(6).ToArray())
        from u in Gen.Elements(Values)
        from x0 in Gen.Elements(Values)
        select $$"""
            fn f<T>(a: number, b: number, t: T, xs: number[]) -> number {
                let u = unwrap(Some(t));
                var n = 0;
                for (var i = 0; i < 3; i++) { n = n + i * a; }
                print({{e2}} {{c}} {{e}});
                return {{e}};
            }
            print(f({{a}}, {{b}}, {{u}}, unwrap(Some([unwrap(Some({{x0}})), 4]))));
            """;

    [TestMethod]
    public void CompiledArithmeticMatchesTheInterpreter()
    {
        int ran = 0, total = 0;
        var property = Prop.ForAll(Arb.From(Programs), source =>
        {
            var interpreted = Runs.Source(source, jit: null);
            var compiled = Runs.Source(source, Runs.Jit(1));
            total++;
            if (compiled.Engines.Count > 0) ran++;
            return (interpreted.Stdout == compiled.Stdout && interpreted.Stderr == compiled.Stderr && interpreted.ExitCode == compiled.ExitCode)
                .Label($"interpreted:\n{interpreted.Stdout}{interpreted.Stderr}\ncompiled:\n{compiled.Stdout}{compiled.Stderr}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
        // The generator must produce programs that pass the checker, or this test proves nothing.
        Assert.IsGreaterThan(total * 9 / 10, ran, $"only {ran} of {total} generated programs ran");
    }
}
