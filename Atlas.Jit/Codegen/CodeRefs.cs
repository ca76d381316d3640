using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Atlas.Jit.Codegen;

/// <summary>
/// The objects one generated method refers to (prototypes, constant tables, builtins, other functions' records), passed
/// as its first parameter <c>object[] refs</c>. Compiled with FastExpressionCompiler's <c>CompileFastToIL</c> into a
/// <see cref="System.Reflection.Emit.DynamicMethod"/>, a tree may not embed objects as constants (that needs a closure);
/// reading them from this table keeps the method static, so compiled functions can call each other with a plain IL
/// <c>call</c>. The delegate the VM uses binds the table as the first argument.
/// </summary>
internal sealed class CodeRefs
{
    private static readonly MethodInfo UnsafeAs =
        typeof(Unsafe).GetMethods().Single(m => m.Name == nameof(Unsafe.As) && m.GetGenericArguments().Length == 1);

    private readonly List<object> _items = new();
    private readonly Dictionary<object, int> _index = new(ReferenceEqualityComparer.Instance);

    /// <summary>The method's first parameter.</summary>
    public ParameterExpression Parameter { get; } = Expression.Parameter(typeof(object[]), "refs");

    /// <summary>Reads <paramref name="value"/> from the table as a <paramref name="type"/> (no cast check: the table is ours).</summary>
    public Expression Get(object value, Type type)
    {
        if (!_index.TryGetValue(value, out int i))
        {
            i = _items.Count;
            _items.Add(value);
            _index[value] = i;
        }
        Expression element = Expression.ArrayIndex(Parameter, Expression.Constant(i));
        return type == typeof(object) ? element : Expression.Call(UnsafeAs.MakeGenericMethod(type), element);
    }

    /// <summary>The table to bind, in the order <see cref="Get"/> numbered it.</summary>
    public object[] ToArray() => _items.ToArray();
}
