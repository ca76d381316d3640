namespace Atlas.Syntax;

/// <summary>Every token of Tier 1 and Tier 2. Names match the spec's "found &lt;TokenKind&gt;" messages.</summary>
internal enum TokenKind
{
    Number, String, Identifier,
    // keywords
    Let, Var, Fn, Type, If, Else, While, For, In, Return, Break, Continue, True, False, Null,
    Import, Export, From, Extern, Match, As, Extends, Is, Own, Borrow, Shared, Trait, Impl,
    // operators
    Plus, Minus, Star, Slash, Percent, Bang,
    EqualEqual, BangEqual, Less, LessEqual, Greater, GreaterEqual,
    AmpAmp, PipePipe, Ampersand, Pipe,
    PlusEqual, MinusEqual, StarEqual, SlashEqual, PercentEqual, PlusPlus, MinusMinus, Equal,
    LeftParen, RightParen, LeftBrace, RightBrace, LeftBracket, RightBracket,
    Semicolon, Comma, Dot, Colon, Arrow, FatArrow, Underscore, Question,
    Eof,
}
