using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Semantics;

internal sealed partial class TypeChecker
{
    /// <summary>Checks an expression, stores its static type on it and returns that type.</summary>
    private AtlasType CheckExpr(Expr expr)
    {
        var type = expr switch
        {
            NumberLiteral => AtlasType.Number,
            StringLiteral => AtlasType.String,
            BoolLiteral => AtlasType.Bool,
            NullLiteral => AtlasType.Null,
            NameExpr n => CheckName(n),
            ArrayLiteral a => CheckArrayLiteral(a),
            UnaryExpr u => CheckUnary(u),
            BinaryExpr b => CheckBinary(b),
            CallExpr c => CheckCall(c),
            IndexExpr i => CheckIndex(i),
            MemberExpr m => CheckMethodCall(m),
            TryExpr t => CheckTry(t),
            MatchExpr m => CheckMatch(m),
            _ => AtlasType.Unknown, // error recovery nodes
        };
        // Variables and generic calls can build a type one level deeper per statement; stop before type operations
        // (which recurse) run out of stack.
        if (type.Depth > AtlasType.MaxDepth)
        {
            Report(DiagnosticId.TypeTooDeep, expr.Span, AtlasType.MaxDepth);
            type = AtlasType.Unknown;
        }
        expr.Type = type;
        return type;
    }

    private AtlasType CheckName(NameExpr n)
    {
        if (n.Symbol is null) return AtlasType.Unknown;
        MarkRead(n.Symbol);
        return n.Symbol.Type;
    }

    private AtlasType CheckArrayLiteral(ArrayLiteral a)
    {
        if (a.Elements.Count == 0) return new ArrayType(AtlasType.Unknown);
        var elementType = CheckExpr(a.Elements[0]);
        for (var i = 1; i < a.Elements.Count; i++)
        {
            var t = CheckExpr(a.Elements[i]);
            if (!TypeRules.IsAssignable(t, elementType))
                Mismatch(a.Elements[i].Span, $"Array element {i} has wrong type: expected {elementType}, found {t}");
        }
        return new ArrayType(elementType);
    }

    private AtlasType CheckUnary(UnaryExpr u)
    {
        var t = CheckExpr(u.Operand);
        var (required, name) = u.Op == UnaryOp.Negate ? (AtlasType.Number, "number") : (AtlasType.Bool, "bool");
        if (t.IsUnknown || t.SameAs(required)) return required;
        OperatorError(u.Span, $"Unary '{OperatorText.Of(u.Op)}' requires {name} operand, found {t}");
        return AtlasType.Unknown;
    }

    /// <summary>
    /// Operator typing of §8.2. With a `?` operand nothing is checked and the result is `?` too, as in the reference:
    /// a failed check therefore does not cascade, and values of unknown type stay unchecked downstream.
    /// </summary>
    private AtlasType CheckBinary(BinaryExpr b)
    {
        var l = CheckExpr(b.Left);
        var r = CheckExpr(b.Right);
        if (l.IsUnknown || r.IsUnknown) return AtlasType.Unknown;
        switch (b.Op)
        {
            case BinaryOp.Add:
                if (IsAddable(l) && l.SameAs(r)) return l;
                OperatorError(b.Span, $"'+' requires matching types, found {l} and {r}");
                return AtlasType.Unknown;
            case BinaryOp.Sub or BinaryOp.Mul or BinaryOp.Div or BinaryOp.Mod:
                if (IsNumber(l) && IsNumber(r)) return AtlasType.Number;
                OperatorError(b.Span, $"Arithmetic operator requires number operands, found {l} and {r}");
                return AtlasType.Unknown;
            case BinaryOp.Less or BinaryOp.LessEqual or BinaryOp.Greater or BinaryOp.GreaterEqual:
                if (!(IsNumber(l) && IsNumber(r)))
                    OperatorError(b.Span, $"Comparison requires number operands, found {l} and {r}");
                return AtlasType.Bool;
            case BinaryOp.Equal or BinaryOp.NotEqual:
                if (!TypeRules.Overlap(l, r))
                    OperatorError(b.Span, $"Equality comparison requires same types, found {l} and {r}");
                return AtlasType.Bool;
            default: // && and ||
                if (!(IsBool(l) && IsBool(r)))
                    OperatorError(b.Span, $"Logical operators require bool operands, found {l} and {r}");
                return AtlasType.Bool;
        }
    }

    private static bool IsNumber(AtlasType t) => ReferenceEquals(t, AtlasType.Number);
    private static bool IsBool(AtlasType t) => ReferenceEquals(t, AtlasType.Bool);
    private static bool IsAddable(AtlasType t) => ReferenceEquals(t, AtlasType.Number) || ReferenceEquals(t, AtlasType.String);

    private AtlasType CheckIndex(IndexExpr ix)
    {
        var targetType = CheckExpr(ix.Target);
        var indexType = CheckExpr(ix.Index);
        if (targetType.IsUnknown) return AtlasType.Unknown;
        if (targetType is ArrayType array)
        {
            if (!TypeRules.IsAssignable(indexType, AtlasType.Number))
                Mismatch(ix.Index.Span, $"Array index must be number, found {indexType}");
            return array.Element;
        }
        Mismatch(ix.Target.Span, $"Cannot index into type {targetType}");
        return AtlasType.Unknown;
    }
}
