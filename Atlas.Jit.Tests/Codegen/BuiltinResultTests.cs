using Atlas.Jit.Codegen;
using Atlas.Jit.Tests.Support;
using Atlas.Jit.Tiering;

namespace Atlas.Jit.Tests.Codegen;

/// <summary>
/// Builtins whose prelude signature returns <c>number</c> keep their result unboxed in compiled code (the checker's type,
/// trusted: <see cref="NumericBuiltins.ReturnsNumber"/>); <c>len</c>'s is a long, read in place from an array slot. The
/// results, the comparisons made with them and their errors match the interpreter.
/// </summary>
[TestClass]
public sealed class BuiltinResultTests
{
    [TestMethod]
    public void LenIsALongAndOtherNumberBuiltinsAreDoubles()
    {
        var program = Exec.Compile("""
            fn f(a: number[], s: string) -> number {
                let n = len(a);
                let m = len(s);
                let k = indexOf(s, "b");
                let r = random();
                return n + m + k + r;
            }
            print(f([1, 2], "abc") > 5);
            """);
        var f = JitFunction.Create(Exec.Function(program, "f"), new JitConfig()).Value;
        Assert.AreEqual("Value, Value, Long, Long, Double, Double", string.Join(", ", f.Types.Locals));
    }

    [TestMethod]
    public void LoopsBoundedByLenMatchTheInterpreter()
    {
        var runs = Parity.Check("""
            fn sum(a: number[]) -> number {
                var total = 0;
                for (var i = 0; i < len(a); i++) { total += a[i]; }
                return total;
            }
            fn scan(s: string, c: string) -> number {
                var hits = 0;
                for (var i = 0; i < len(s); i++) {
                    if (indexOf(s, c) == i) { hits += 10; }
                    hits += 1;
                }
                return hits;
            }
            fn grow(n: number) -> number {
                var a: number[] = [];
                while (len(a) < n) { a.push(len(a) * 2); }
                return len(a) + a[n - 1];
            }
            print(sum([1, 2, 3.5, -4]));
            print(sum([]));
            print(scan("héllo wörld 😀", "w"));
            print(grow(1000));
            print(len([1, 2, 3]) / 2);
            fn past(a: number[]) -> number { return a[len(a)]; }
            print(past([7]));
            """, 1, 2);
        Assert.AreEqual("2.5\n0\n23\n2998\n1.5\n", runs[0].Stdout);
        StringAssert.Contains(runs[0].Stderr, "AT0006");
    }
}
