using Atlas.Stdlib;
using Atlas.Vm;

namespace Atlas.Tests.Stdlib;

[TestClass]
public sealed class BuiltinRegistryTests
{
    [TestMethod]
    public void EveryTier1NameIsRegistered()
    {
        var missing = BuiltinNames.Tier1.Where(n => !BuiltinRegistry.TryGet(n, out _)).ToList();
        Assert.IsEmpty(missing, "missing: " + string.Join(", ", missing));
    }

    [TestMethod]
    public void EveryPreludeSignatureIsRegisteredAndTyped()
    {
        foreach (var name in PreludeSignatures.All.Keys)
        {
            Assert.IsTrue(BuiltinRegistry.TryGet(name, out var d), name);
            Assert.IsTrue(d.IsPrelude, name);
            Assert.IsTrue(BuiltinRegistry.IsPrelude(name), name);
        }
        Assert.IsFalse(BuiltinRegistry.IsPrelude("hashMapNew"));
    }

    [TestMethod]
    public void WriteBackBuiltinsCarryTheirMode()
    {
        foreach (var (name, mode) in BuiltinNames.WriteBacks)
            Assert.AreEqual(mode, BuiltinRegistry.Get(name).WriteBack, name);
        Assert.AreEqual(WriteBack.None, BuiltinRegistry.Get("arrayPush").WriteBack);
    }

    [TestMethod]
    public void EveryBuiltinHasAOneLineSummaryAndAFunctionValue()
    {
        foreach (var d in BuiltinRegistry.All)
        {
            Assert.IsFalse(string.IsNullOrWhiteSpace(d.Summary), d.Name);
            Assert.DoesNotContain('\n', d.Summary, d.Name);
            Assert.AreEqual(ValueKind.Builtin, d.Value.Kind);
            Assert.AreEqual(d.Name, d.Value.AsBuiltin.Name);
        }
    }

    [TestMethod]
    public void ArrayMethodsMapToRegisteredBuiltins()
    {
        foreach (var m in ArrayMethod.All.Values)
            Assert.IsTrue(BuiltinRegistry.TryGet(m.Builtin, out _), m.Builtin);
    }
}
