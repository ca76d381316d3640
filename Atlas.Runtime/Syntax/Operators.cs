namespace Atlas.Syntax;

/// <summary>Binary operators, including the short-circuit logical ones.</summary>
internal enum BinaryOp { Add, Sub, Mul, Div, Mod, Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual, And, Or }

/// <summary>Prefix operators.</summary>
internal enum UnaryOp { Negate, Not }

/// <summary>Spelling of operators for messages.</summary>
internal static class OperatorText
{
    public static string Of(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+", BinaryOp.Sub => "-", BinaryOp.Mul => "*", BinaryOp.Div => "/", BinaryOp.Mod => "%",
        BinaryOp.Equal => "==", BinaryOp.NotEqual => "!=", BinaryOp.Less => "<", BinaryOp.LessEqual => "<=",
        BinaryOp.Greater => ">", BinaryOp.GreaterEqual => ">=", BinaryOp.And => "&&", BinaryOp.Or => "||",
        _ => op.ToString(),
    };

    public static string Of(UnaryOp op) => op == UnaryOp.Negate ? "-" : "!";
}
