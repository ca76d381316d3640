using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Atlas.Tests.Fuzz;

/// <summary>
/// Generator (b): random token streams from Atlas's vocabulary joined by random spacing. Most are syntax errors.
/// Some contain a "burst": one short token pattern repeated hundreds to tens of thousands of times, which builds
/// deep nesting (<c>((((</c>, <c>!!!!</c>) and long flat chains (<c>1+1+…</c>, <c>f()()…</c>, <c>T[][]…</c>).
/// </summary>
public static class TokenStreamGenerator
{
    /// <summary>Patterns for bursts: (prefix, repeated unit, suffix).</summary>
    private static readonly (string Prefix, string Unit, string Suffix)[] Bursts =
    [
        ("let x = 1", " + 1", ";"),
        ("let x = \"a\"", " + \"b\"", "; print(x);"),
        ("let x = true", " && true", ";"),
        ("let x = 1", " < 1", ";"),
        ("fn f() -> number { return 1; } f", "()", ";"),
        ("let a = [1]; print(a", "[0]", ");"),
        ("let x = ", "(", "1"),
        ("let x = ", "[", "1"),
        ("let x = ", "!", "true;"),
        ("let x = ", "-", "1;"),
        ("let x: number", "[]", " = [];"),
        ("if (true) { print(1); }", " else if (false) { print(2); }", ""),
        ("", "{", ""),
        ("let r = Ok(1)", "?", ";"),
        ("let s = [1]", ".len()", ";"),
        ("let v = match 1 { ", "Some(", "x"),
        ("", "print(1);\n", ""),
        ("fn g(a: number) -> number { return a; } let y = ", "g(", "1"),
        ("type A = number; let z: ", "(", "number) -> number = 1;"),
    ];

    private static string Build(int seed, int size)
    {
        var random = new Random(seed);
        var sb = new StringBuilder();
        int count = random.Next(1, 2 * size + 2);
        bool burst = random.Next(10) == 0;
        int burstAt = random.Next(count + 1);
        for (int i = 0; i <= count; i++)
        {
            if (burst && i == burstAt) AppendBurst(sb, random);
            if (i == count) break;
            sb.Append(FuzzVocabulary.RandomToken(random));
            sb.Append(FuzzVocabulary.Separators[random.Next(FuzzVocabulary.Separators.Length)]);
        }
        return sb.ToString();
    }

    private static void AppendBurst(StringBuilder sb, Random random)
    {
        var (prefix, unit, suffix) = Bursts[random.Next(Bursts.Length)];
        // Mostly around the nesting limit; sometimes far past it, where only flat chains are still accepted.
        int repeat = random.Next(4) switch { 0 => random.Next(1, 300), 1 => random.Next(200, 1100), 2 => random.Next(1000, 5000), _ => random.Next(5000, 30000) };
        sb.Append(prefix);
        for (int i = 0; i < repeat; i++) sb.Append(unit);
        sb.Append(suffix).Append('\n');
    }

    public static Gen<string> Generator() =>
        Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => Build(seed, size)));

    public static Arbitrary<string> Arbitrary() => Arb.From(Generator(), TextShrinker.Shrink);
}
