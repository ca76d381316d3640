using System.Linq.Expressions;

namespace Atlas.Jit.Codegen;

/// <summary>
/// Walks a generated tree for the node shapes FastExpressionCompiler 6 is known to miscompile or reject
/// (docs: shared notes "jit-backend-facts"), so such a tree is never compiled: increment/decrement nodes (wrong on
/// double), Loop nodes (break/continue out of try), array elements passed by reference, nested lambdas (shared
/// captured variables), comparisons of unsigned operands (compiled as signed ones: <c>(ulong)-1 &lt; 10</c> is true),
/// and nodes FEC does not support at all.
/// </summary>
internal static class ShapeChecker
{
    /// <summary>Every forbidden node found, described; empty when the tree is safe.</summary>
    public static IReadOnlyList<string> Problems(Expression tree)
    {
        var walker = new Walker(tree);
        walker.Visit(tree);
        return walker.Found;
    }

    private sealed class Walker(Expression root) : ExpressionVisitor
    {
        public List<string> Found { get; } = new();

        public override Expression? Visit(Expression? node)
        {
            if (node == null) return null;
            switch (node.NodeType)
            {
                case ExpressionType.PreIncrementAssign:
                case ExpressionType.PostIncrementAssign:
                case ExpressionType.PreDecrementAssign:
                case ExpressionType.PostDecrementAssign:
                case ExpressionType.Increment:
                case ExpressionType.Decrement:
                    Found.Add($"{node.NodeType} node");
                    break;
                case ExpressionType.Loop:
                    Found.Add("Loop node (bytecode loops must be labels and gotos)");
                    break;
                case ExpressionType.Quote:
                case ExpressionType.Dynamic:
                case ExpressionType.RuntimeVariables:
                case ExpressionType.TypeEqual:
                case ExpressionType.DebugInfo:
                    Found.Add($"{node.NodeType} node (not supported by FastExpressionCompiler)");
                    break;
                case ExpressionType.Lambda when !ReferenceEquals(node, root):
                    Found.Add("nested lambda");
                    break;
                case ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                    or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual
                    when node is BinaryExpression { Left.Type: var t } && IsUnsigned(t):
                    Found.Add($"{node.NodeType} of {t.Name} operands (compared as signed)");
                    break;
            }
            return base.Visit(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var parameters = node.Method.GetParameters();
            for (int i = 0; i < parameters.Length; i++)
                if (parameters[i].ParameterType.IsByRef
                    && node.Arguments[i] is IndexExpression or BinaryExpression { NodeType: ExpressionType.ArrayIndex })
                    Found.Add($"array element passed by reference to {node.Method.Name}");
            return base.VisitMethodCall(node);
        }

        private static bool IsUnsigned(Type t) =>
            t == typeof(ulong) || t == typeof(uint) || t == typeof(ushort) || t == typeof(byte) || t == typeof(nuint);

        protected override CatchBlock VisitCatchBlock(CatchBlock node)
        {
            if (node.Filter != null) Found.Add("catch filter");
            return base.VisitCatchBlock(node);
        }
    }
}
