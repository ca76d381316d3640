using FsCheck;
using FsCheck.Fluent;

namespace Atlas.Tests.Fuzz;

/// <summary>Generator (a): arbitrary text — printable and control characters, Unicode (astral, lone surrogates, BOM), Atlas punctuation.</summary>
public static class TextGenerator
{
    private static Gen<string> Char(int from, int to) => Gen.Choose(from, to).Select(c => ((char)c).ToString());

    private static readonly Gen<string> Piece = Gen.Frequency(
        (30, Char(0x20, 0x7e)),
        (8, Gen.Elements(" ", "\n", "\t", "\r", "\r\n")),
        (3, Char(0x00, 0x1f)),
        (2, Gen.Elements("\u007f", "\u0085", "\u00a0", "\u1680", "\u2028", "\u2029", "\u3000", "\ufeff", "\u200b", "\ufffd", "\uffff")),
        (5, Char(0xa0, 0xd7ff)),
        (2, Char(0xe000, 0xfffd)),
        (3, Gen.Choose(0x10000, 0x10ffff).Select(char.ConvertFromUtf32)),
        (3, Char(0xd800, 0xdfff)),
        (10, Gen.Elements(FuzzVocabulary.Operators)),
        (6, Gen.Elements(FuzzVocabulary.Keywords)),
        (4, Gen.Elements("\"", "\\", "\\u", "/*", "*/", "//", "1e", "0.", "e+", "\"\\")));

    /// <summary>Up to three pieces per unit of size (FsCheck sizes run up to 100 by default).</summary>
    public static Gen<string> Generator() =>
        Gen.Sized(size => Gen.Choose(0, 3 * size + 1)
            .SelectMany(n => Gen.ArrayOf(Piece, n))
            .Select(pieces => string.Concat(pieces)));

    /// <summary>A leading byte-order mark sometimes: it is skipped, and the rest must still be handled.</summary>
    public static Arbitrary<string> Arbitrary() =>
        Arb.From(Gen.Frequency((9, Generator()), (1, Generator().Select(s => "\ufeff" + s))), TextShrinker.Shrink);
}
