using System.Text;
using Atlas.Syntax;
using FsCheck;
using FsCheck.Fluent;

namespace Atlas.Tests.Fuzz;

/// <summary>
/// Generator (c): a real program (<see cref="FuzzSeeds"/>) with a few token mutations (delete, duplicate, swap, insert,
/// replace, splice from another program) and sometimes line mutations (delete, duplicate, swap, move, splice).
/// Mutants stay close to valid programs, so they reach the checker, the compiler and the VM with unusual shapes.
/// </summary>
public static class MutationGenerator
{
    private static readonly string[] InterestingNumbers =
        ["0", "1", "2", "0.5", "3.7", "100", "1000000", "1e308", "1e-320", "4294967295", "9007199254740993", "1e20", "65536", "1e999"];

    public static string Mutate(int seed, int size)
    {
        var random = new Random(seed);
        // Mostly real programs that compile; sometimes any corpus program, or a fresh generated one.
        var program = random.Next(10) switch
        {
            < 6 => FuzzSeeds.Valid[random.Next(FuzzSeeds.Valid.Count)],
            < 8 => FuzzSeeds.All[random.Next(FuzzSeeds.All.Count)],
            _ => new SeedProgram("generated", ProgramBuilder.Build(random.Next(), size)),
        };
        int count = 1 + random.Next(1 + size / 25);
        string text = program.Source;
        if (program.Pieces.Length > 0 && random.Next(5) > 0)
        {
            var pieces = program.Pieces.Select(p => (p.Trivia, p.Text)).ToList();
            var kinds = program.Pieces.Select(p => p.Kind).ToList();
            for (int i = 0; i < count; i++) MutateTokens(pieces, kinds, program, random);
            var sb = new StringBuilder();
            foreach (var (trivia, tokenText) in pieces) sb.Append(trivia).Append(tokenText);
            text = sb.Append(program.Tail).ToString();
            count = random.Next(3) == 0 ? 1 : 0;
        }
        if (count > 0)
        {
            var lines = text.Split('\n').ToList();
            for (int i = 0; i < count; i++) MutateLines(lines, random);
            text = string.Join('\n', lines);
        }
        return text;
    }

    private static void MutateTokens(List<(string Trivia, string Text)> pieces, List<TokenKind> kinds, SeedProgram program, Random random)
    {
        if (pieces.Count == 0) return;
        int at = random.Next(pieces.Count);
        int length = Math.Min(pieces.Count - at, random.Next(2, 9));
        switch (random.Next(11))
        {
            case 0:
                Remove(pieces, kinds, at, 1);
                break;
            case 1:
                Remove(pieces, kinds, at, length);
                break;
            case 2:
                pieces.Insert(at, pieces[at]);
                kinds.Insert(at, kinds[at]);
                break;
            case 3:
                pieces.InsertRange(at, pieces.GetRange(at, length));
                kinds.InsertRange(at, kinds.GetRange(at, length));
                break;
            case 4:
            {
                int other = random.Next(pieces.Count);
                (pieces[at], pieces[other]) = ((pieces[at].Trivia, pieces[other].Text), (pieces[other].Trivia, pieces[at].Text));
                (kinds[at], kinds[other]) = (kinds[other], kinds[at]);
                break;
            }
            case 5:
                pieces.Insert(at, (" ", FuzzVocabulary.RandomToken(random)));
                kinds.Insert(at, TokenKind.Eof);
                break;
            case 6:
                pieces[at] = (pieces[at].Trivia, FuzzVocabulary.RandomToken(random));
                break;
            case 7:
            {
                // Another token of the same kind from this program: a different variable, literal or operator.
                var sameKind = Enumerable.Range(0, pieces.Count).Where(i => kinds[i] == kinds[at]).ToList();
                pieces[at] = (pieces[at].Trivia, pieces[sameKind[random.Next(sameKind.Count)]].Text);
                break;
            }
            case 8:
            {
                var numbers = Enumerable.Range(0, pieces.Count).Where(i => kinds[i] == TokenKind.Number).ToList();
                if (numbers.Count == 0) goto case 6;
                int n = numbers[random.Next(numbers.Count)];
                pieces[n] = (pieces[n].Trivia, InterestingNumbers[random.Next(InterestingNumbers.Length)]);
                break;
            }
            case 9:
                pieces[at] = (pieces[at].Trivia, FuzzVocabulary.Operators[random.Next(FuzzVocabulary.Operators.Length)]);
                break;
            default:
            {
                var donor = FuzzSeeds.All[random.Next(FuzzSeeds.All.Count)];
                if (donor.Pieces.Length == 0) goto case 6;
                int from = random.Next(donor.Pieces.Length);
                int take = Math.Min(donor.Pieces.Length - from, random.Next(1, 30));
                pieces.InsertRange(at, donor.Pieces.Skip(from).Take(take).Select(p => (p.Trivia, p.Text)));
                kinds.InsertRange(at, donor.Pieces.Skip(from).Take(take).Select(p => p.Kind));
                break;
            }
        }
    }

    private static void Remove(List<(string Trivia, string Text)> pieces, List<TokenKind> kinds, int at, int length)
    {
        pieces.RemoveRange(at, length);
        kinds.RemoveRange(at, length);
    }

    private static void MutateLines(List<string> lines, Random random)
    {
        int at = random.Next(lines.Count);
        switch (random.Next(5))
        {
            case 0:
                if (lines.Count > 1) lines.RemoveAt(at);
                break;
            case 1:
                lines.Insert(at, lines[at]);
                break;
            case 2:
            {
                int other = random.Next(lines.Count);
                (lines[at], lines[other]) = (lines[other], lines[at]);
                break;
            }
            case 3:
            {
                var line = lines[at];
                lines.RemoveAt(at);
                lines.Insert(random.Next(lines.Count + 1), line);
                break;
            }
            default:
            {
                var donor = FuzzSeeds.All[random.Next(FuzzSeeds.All.Count)].Lines;
                int from = random.Next(donor.Length);
                lines.InsertRange(at, donor.Skip(from).Take(random.Next(1, 6)));
                break;
            }
        }
    }

    public static Gen<string> Generator() =>
        Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => Mutate(seed, size)));

    public static Arbitrary<string> Arbitrary() => Arb.From(Generator(), TextShrinker.Shrink);
}
