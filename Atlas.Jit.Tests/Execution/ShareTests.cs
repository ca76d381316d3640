using Atlas.Vm;

namespace Atlas.Jit.Tests.Execution;

/// <summary>
/// <see cref="Value.Share"/> decides by kind which values hold a copy-on-write container (compiled code reads globals
/// and locals through it on every access); every container kind must still be marked, and nothing else touched.
/// </summary>
[TestClass]
public sealed class ShareTests
{
    [TestMethod]
    public void EveryCopyOnWriteContainerIsMarkedShared()
    {
        var containers = new[]
        {
            Value.Array(new AtlasArray()),
            Value.Map(new AtlasMap()),
            Value.Set(new AtlasSet()),
            Value.Queue(new AtlasQueue()),
            Value.Stack(new AtlasStack()),
        };
        foreach (var value in containers)
        {
            var cow = (CowObject)value.Obj!;
            Assert.IsFalse(cow.Shared);
            value.Share();
            Assert.IsTrue(cow.Shared, $"{value.Kind} was not marked shared");
        }
        var kinds = containers.Select(c => c.Kind).ToHashSet();
        var cowTypes = typeof(CowObject).Assembly.GetTypes().Count(t => t.IsSubclassOf(typeof(CowObject)));
        Assert.AreEqual(cowTypes, kinds.Count, "a new copy-on-write type needs its kind tested by Value.Share");
    }

    [TestMethod]
    public void OtherValuesAreUnchanged()
    {
        foreach (var v in new[] { Value.Number(1), Value.True, Value.Null, Value.String("s"), OptionValue.Some(Value.Number(1)), ResultValue.Ok(Value.Null) })
            Assert.AreEqual(v.ToString(), v.Share().ToString());
    }
}
