namespace Atlas.Hosting;

/// <summary>Which .NET collection types stand for Atlas arrays, HashMaps and HashSets, and their element types.</summary>
internal static class ClrCollections
{
    private static readonly Type[] Lists =
        [typeof(List<>), typeof(IList<>), typeof(IReadOnlyList<>), typeof(ICollection<>), typeof(IReadOnlyCollection<>), typeof(IEnumerable<>)];
    private static readonly Type[] Dictionaries = [typeof(Dictionary<,>), typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>)];
    private static readonly Type[] Sets = [typeof(HashSet<>), typeof(ISet<>), typeof(IReadOnlySet<>)];

    /// <summary>The element type when <paramref name="type"/> is List&lt;T&gt; or an interface List&lt;T&gt; implements.</summary>
    public static Type? ListElement(Type type) => Match(type, Lists)?[0];

    public static (Type Key, Type Value)? DictionaryTypes(Type type) => Match(type, Dictionaries) is [var k, var v] ? (k, v) : null;

    public static Type? SetElement(Type type) => Match(type, Sets)?[0];

    /// <summary>The element type of T[] or of a list type above.</summary>
    public static Type? SequenceElement(Type type) =>
        type.IsArray && type.GetArrayRank() == 1 ? type.GetElementType() : ListElement(type);

    private static Type[]? Match(Type type, Type[] definitions) =>
        type.IsGenericType && definitions.Contains(type.GetGenericTypeDefinition()) ? type.GetGenericArguments() : null;
}
