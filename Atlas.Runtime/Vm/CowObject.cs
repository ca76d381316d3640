namespace Atlas.Vm;

/// <summary>
/// Base of copy-on-write containers. <see cref="Shared"/> is set when a second reference may exist; a mutation
/// then works on a copy. An unshared container is referenced from exactly one place and may be mutated in place,
/// which keeps <c>a[i] = v</c> and <c>a.push(x)</c> O(1) while giving arrays value semantics (language.md §9.2).
/// </summary>
internal abstract class CowObject
{
    public bool Shared;
}
