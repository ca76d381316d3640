using Atlas.Bytecode;
using Atlas.Jit.Tests.Support;
using Atlas.Jit.Tiering;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Tiering;

/// <summary>The code cache and hotspot tracker as units.</summary>
[TestClass]
public sealed class CodeCacheTests
{
    private static FunctionProto Proto(string name) => new Asm(name).Op(OpCode.Null).Op(OpCode.Return).Build();
    private static readonly CompiledCode Code = (_, _, _) => Value.Null;

    [TestMethod]
    public void EvictsLeastRecentlyUsed()
    {
        var cache = new CodeCache(2);
        var (a, b, c) = (Proto("a"), Proto("b"), Proto("c"));
        cache.Add(a, Code);
        cache.Add(b, Code);
        Assert.IsTrue(cache.TryGet(a, out _)); // a is now more recent than b
        var evicted = cache.Add(c, Code);
        CollectionAssert.AreEqual(new[] { b }, evicted.ToArray());
        Assert.IsTrue(cache.TryGet(a, out _));
        Assert.IsFalse(cache.TryGet(b, out _));
        Assert.AreEqual(1, cache.Evictions);
        Assert.AreEqual(2, cache.Hits);
        Assert.AreEqual(1, cache.Misses);
        Assert.AreEqual(2.0 / 3, cache.HitRate, 1e-9);
    }

    [TestMethod]
    public void InvalidationBumpsTheVersionAndMisses()
    {
        var cache = new CodeCache(10);
        var a = Proto("a");
        cache.Add(a, Code);
        Assert.AreEqual(0, cache.VersionOf(a));
        cache.Invalidate(a);
        Assert.AreEqual(1, cache.VersionOf(a));
        Assert.IsFalse(cache.TryGet(a, out _));
        cache.Add(a, Code);
        Assert.IsTrue(cache.TryGet(a, out var code));
        Assert.AreSame(Code, code);
    }

    [TestMethod]
    public void TrackerCountsAndDecides()
    {
        var tracker = new HotspotTracker(3);
        var a = Proto("a");
        Assert.AreEqual(1, tracker.RecordCall(a));
        Assert.AreEqual(2, tracker.RecordCall(a));
        Assert.IsFalse(tracker.ShouldCompile(a));
        tracker.RecordCall(a);
        Assert.IsTrue(tracker.ShouldCompile(a));
        a.JitRejected = true;
        Assert.IsFalse(tracker.ShouldCompile(a));
        a.JitRejected = false;
        tracker.Reset(a);
        Assert.IsFalse(tracker.ShouldCompile(a));
        Assert.AreEqual(1, new HotspotTracker(0).Threshold, "thresholds below 1 mean 1");
    }
}
