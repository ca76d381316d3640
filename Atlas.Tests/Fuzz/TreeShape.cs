using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Atlas.Syntax;

namespace Atlas.Tests.Fuzz;

/// <summary>
/// Measures a syntax tree without recursion (so it works on trees of any depth): its depth, and the deepest static
/// type the checker recorded on an expression. Children are found by reflection, so new node kinds are covered.
/// </summary>
internal static class TreeShape
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> s_childProperties = new();

    /// <summary>
    /// Depth of the tree (a lone root is 1) and the largest <see cref="Semantics.AtlasType.Depth"/> of any expression's type (0 if
    /// unchecked).
    /// </summary>
    public static (int TreeDepth, int TypeDepth) Measure(SyntaxNode root)
    {
        int treeDepth = 0, typeDepth = 0;
        var pending = new Stack<(SyntaxNode Node, int Depth)>();
        pending.Push((root, 1));
        while (pending.TryPop(out var item))
        {
            treeDepth = Math.Max(treeDepth, item.Depth);
            if (item.Node is Expr { Type: { } type }) typeDepth = Math.Max(typeDepth, type.Depth);
            foreach (var property in ChildProperties(item.Node.GetType()))
            {
                switch (property.GetValue(item.Node))
                {
                    case SyntaxNode child:
                        pending.Push((child, item.Depth + 1));
                        break;
                    case IEnumerable children and not string:
                        foreach (var c in children)
                            if (c is SyntaxNode node) pending.Push((node, item.Depth + 1));
                        break;
                }
            }
        }
        return (treeDepth, typeDepth);
    }

    private static PropertyInfo[] ChildProperties(Type type) => s_childProperties.GetOrAdd(type, t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0
                        && (typeof(SyntaxNode).IsAssignableFrom(p.PropertyType)
                            || p.PropertyType.GetInterfaces().Append(p.PropertyType).Any(i =>
                                i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                                && typeof(SyntaxNode).IsAssignableFrom(i.GetGenericArguments()[0]))))
            .ToArray());
}
