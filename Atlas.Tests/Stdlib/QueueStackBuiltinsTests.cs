using Atlas.Vm;
using static Atlas.Tests.Stdlib.StdlibTestSupport;

namespace Atlas.Tests.Stdlib;

[TestClass]
public sealed class QueueStackBuiltinsTests
{
    private static string D(Value v) => ValueFormatter.Display(v);

    /// <summary>Runs an item-returning write-back builtin the way the compiler does: store element 1 back, use element 0.</summary>
    private static Value TakeFrom(string name, ref Value collection)
    {
        var pair = Call(name, collection).AsArray;
        collection = pair[1];
        return pair[0];
    }

    [TestMethod]
    public void QueueIsFifo()
    {
        var q = Call("queueNew");
        q = Call("queueEnqueue", q, "a");
        q = Call("queueEnqueue", q, "b");
        q = Call("queueEnqueue", q, Arr(1));
        Assert.AreEqual("Some(a)", Show("queuePeek", q));
        Assert.AreEqual("[a, b, [1]]", Show("queueToArray", q));
        Assert.AreEqual("Some(a)", D(TakeFrom("queueDequeue", ref q)));
        Assert.AreEqual(2.0, Call("queueSize", q).Num);
        Assert.AreEqual("Some(b)", D(TakeFrom("queueDequeue", ref q)));
        Assert.AreEqual("Some([1])", D(TakeFrom("queueDequeue", ref q)));
        Assert.AreEqual("None", D(TakeFrom("queueDequeue", ref q)));
        Assert.AreEqual("None", Show("queuePeek", q));
        Assert.IsTrue(Call("queueIsEmpty", q).AsBool);
    }

    [TestMethod]
    public void QueueSurvivesManyOperations()
    {
        var q = Call("queueNew");
        var dequeued = new List<double>();
        for (int i = 0; i < 500; i++)
        {
            q = Call("queueEnqueue", q, i);
            q = Call("queueEnqueue", q, i + 1000);
            dequeued.Add(TakeFrom("queueDequeue", ref q).AsOption.Payload.Num);
        }
        // Enqueued order is 0, 1000, 1, 1001, ...; the first 500 of it come out in that order.
        var expected = Enumerable.Range(0, 250).SelectMany(i => new[] { (double)i, i + 1000.0 }).ToList();
        CollectionAssert.AreEqual(expected, dequeued);
        Assert.AreEqual(500.0, Call("queueSize", q).Num);
        Assert.AreEqual("Some(250)", Show("queuePeek", q)); // order is preserved across the internal compaction
        Assert.AreEqual(1.0, Call("len", Call("queueToArray", Call("queueEnqueue", Call("queueClear", q), 1))).Num);
    }

    [TestMethod]
    public void QueueErrors()
    {
        FailsType("Expected Queue, got stack", "queueDequeue", Value.Stack(new AtlasStack()));
        FailsType("Expected Queue, got array", "queuePeek", Arr());
        FailsType("Expected Queue, got null", "queueSize", Value.Null);
        FailsType("Expected Queue, got string", "queueIsEmpty", "q");
        FailsType("Expected Queue, got number", "queueToArray", 1);
        Assert.AreEqual("[1]", Show("queueEnqueue", Arr(1), 2)); // returned unchanged
        Assert.AreEqual("x", Show("queueClear", "x"));
        FailsStdlib("Queue.new(): expected 0 argument(s), got 1", "queueNew", 1);
        FailsStdlib("Queue.enqueue(): expected 2 argument(s), got 1", "queueEnqueue", Value.Queue(new AtlasQueue()));
        FailsStdlib("Queue.dequeue(): expected 1 argument(s), got 0", "queueDequeue");
        FailsStdlib("Queue.peek(): expected 1 argument(s), got 0", "queuePeek");
        FailsStdlib("Queue.clear(): expected 1 argument(s), got 2", "queueClear", 1, 2);
    }

    [TestMethod]
    public void StackIsLifo()
    {
        var s = Call("stackNew");
        s = Call("stackPush", s, 1);
        s = Call("stackPush", s, 2);
        Assert.AreEqual("Some(2)", Show("stackPeek", s));
        Assert.AreEqual("[1, 2]", Show("stackToArray", s));
        Assert.AreEqual("Some(2)", D(TakeFrom("stackPop", ref s)));
        Assert.AreEqual(1.0, Call("stackSize", s).Num);
        Assert.AreEqual("Some(1)", D(TakeFrom("stackPop", ref s)));
        Assert.AreEqual("None", D(TakeFrom("stackPop", ref s)));
        Assert.AreEqual("None", Show("stackPeek", s));
        Assert.IsTrue(Call("stackIsEmpty", s).AsBool);
        Assert.IsTrue(Call("stackIsEmpty", Call("stackClear", Call("stackPush", s, 5))).AsBool);
    }

    [TestMethod]
    public void StackErrors()
    {
        FailsType("Expected Stack, got queue", "stackPop", Value.Queue(new AtlasQueue()));
        FailsType("Expected Stack, got array", "stackPush", Arr(), 1);
        FailsType("Expected Stack, got null", "stackClear", Value.Null);
        FailsType("Expected Stack, got number", "stackPeek", 1);
        FailsType("Expected Stack, got string", "stackSize", "s");
        FailsType("Expected Stack, got bool", "stackIsEmpty", true);
        FailsType("Expected Stack, got hashset", "stackToArray", Set());
        FailsStdlib("Stack.new(): expected 0 argument(s), got 2", "stackNew", 1, 2);
        FailsStdlib("Stack.push(): expected 2 argument(s), got 1", "stackPush", Value.Stack(new AtlasStack()));
        FailsStdlib("Stack.pop(): expected 1 argument(s), got 0", "stackPop");
    }

    [TestMethod]
    public void CopyOnWrite()
    {
        var q = Call("queueEnqueue", Call("queueNew"), Arr(1)).Share();
        var pair = Call("queueDequeue", q).AsArray;
        Assert.AreEqual(1.0, Call("queueSize", q).Num, "dequeue from a shared queue must not change it");
        Assert.AreEqual(0.0, Call("queueSize", pair[1]).Num);
        Call("queueEnqueue", q, 2);
        Assert.AreEqual(1.0, Call("queueSize", q).Num);
        var peeked = Call("queuePeek", q).AsOption.Payload;
        Assert.IsTrue(peeked.AsArray.Shared);

        var s = Call("stackPush", Call("stackNew"), 1).Share();
        Call("stackPush", s, 2);
        Call("stackPop", s);
        Call("stackClear", s);
        Assert.AreEqual("[1]", Show("stackToArray", s));
    }
}
