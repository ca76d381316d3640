using Atlas.Vm;

namespace Atlas.Stdlib;

/// <summary>Queue (FIFO) and Stack (LIFO) builtins (stdlib.md §7.3, §7.4); class-A messages use <c>Queue.enqueue()</c> etc.</summary>
internal static partial class CollectionBuiltins
{
    private static void RegisterQueue()
    {
        BuiltinRegistry.Define("queueNew", (_, a) => New("Queue.new", a, Value.Queue(new AtlasQueue())), "A new empty queue.");
        BuiltinRegistry.Define("queueEnqueue", QueueEnqueue, "Adds a value at the back; written back, the call gives the new queue.");
        BuiltinRegistry.Define("queueDequeue", QueueDequeue, "Removes the front value; written back, the call gives Some(front) or None.");
        BuiltinRegistry.Define("queuePeek", QueuePeek, "Some(front value) without removing it, or None.");
        BuiltinRegistry.Define("queueSize", (_, a) => Value.Number(Queue("Queue.size", a).Count), "Number of values.");
        BuiltinRegistry.Define("queueIsEmpty", (_, a) => Value.Bool(Queue("Queue.isEmpty", a).Count == 0), "True when the queue is empty.");
        BuiltinRegistry.Define("queueClear", QueueClear, "An empty queue; written back.");
        BuiltinRegistry.Define("queueToArray", QueueToArray, "The values as an array, front to back.");
    }

    private static void RegisterStack()
    {
        BuiltinRegistry.Define("stackNew", (_, a) => New("Stack.new", a, Value.Stack(new AtlasStack())), "A new empty stack.");
        BuiltinRegistry.Define("stackPush", StackPush, "Pushes a value on top; written back, the call gives the new stack.");
        BuiltinRegistry.Define("stackPop", StackPop, "Removes the top value; written back, the call gives Some(top) or None.");
        BuiltinRegistry.Define("stackPeek", StackPeek, "Some(top value) without removing it, or None.");
        BuiltinRegistry.Define("stackSize", (_, a) => Value.Number(Stack("Stack.size", a).Count), "Number of values.");
        BuiltinRegistry.Define("stackIsEmpty", (_, a) => Value.Bool(Stack("Stack.isEmpty", a).Count == 0), "True when the stack is empty.");
        BuiltinRegistry.Define("stackClear", StackClear, "An empty stack; written back.");
        BuiltinRegistry.Define("stackToArray", StackToArray, "The values as an array, bottom to top.");
    }

    private static Value New(string dottedName, Args args, Value empty)
    {
        ArgCheck.Arity(dottedName, args, 0);
        return empty;
    }

    private static AtlasQueue Queue(string dottedName, Args args, int arity = 1)
    {
        ArgCheck.Arity(dottedName, args, arity);
        var q = args[0];
        return q.Kind == ValueKind.Queue ? q.AsQueue : throw AtlasRuntimeException.Type($"Expected Queue, got {ValueFormatter.TypeName(q)}");
    }

    private static AtlasStack Stack(string dottedName, Args args, int arity = 1)
    {
        ArgCheck.Arity(dottedName, args, arity);
        var s = args[0];
        return s.Kind == ValueKind.Stack ? s.AsStack : throw AtlasRuntimeException.Type($"Expected Stack, got {ValueFormatter.TypeName(s)}");
    }

    private static Value QueueEnqueue(Interpreter vm, Args args)
    {
        ArgCheck.Arity("Queue.enqueue", args, 2);
        // stdlib.md §7.3: a non-queue first argument comes back unchanged.
        if (args[0].Kind != ValueKind.Queue) return args[0];
        var q = args[0].AsQueue.Writable();
        q.Items.Add(args[1]);
        return Value.Queue(q);
    }

    private static Value QueueDequeue(Interpreter vm, Args args)
    {
        var q = Queue("Queue.dequeue", args);
        if (q.Count == 0) return Pair(OptionValue.None, args[0]);
        q = q.Writable();
        var front = q.Items[q.Head];
        q.Items[q.Head++] = default;
        // Dequeuing only advances Head; reclaim the dead prefix once it dominates, keeping dequeue amortised O(1).
        if (q.Head >= 32 && q.Head * 2 >= q.Items.Count)
        {
            q.Items.RemoveRange(0, q.Head);
            q.Head = 0;
        }
        return Pair(OptionValue.Some(front), Value.Queue(q));
    }

    private static Value QueuePeek(Interpreter vm, Args args)
    {
        var q = Queue("Queue.peek", args);
        return q.Count == 0 ? OptionValue.None : OptionValue.Some(q.Items[q.Head].Share());
    }

    private static Value QueueClear(Interpreter vm, Args args)
    {
        ArgCheck.Arity("Queue.clear", args, 1);
        return args[0].Kind == ValueKind.Queue ? Value.Queue(new AtlasQueue()) : args[0];
    }

    private static Value QueueToArray(Interpreter vm, Args args)
    {
        var q = Queue("Queue.toArray", args);
        var result = new AtlasArray(q.Count);
        for (int i = q.Head; i < q.Items.Count; i++) result.Add(q.Items[i].Share());
        return Value.Array(result);
    }

    private static Value StackPush(Interpreter vm, Args args)
    {
        var s = Stack("Stack.push", args, 2).Writable();
        s.Items.Add(args[1]);
        return Value.Stack(s);
    }

    private static Value StackPop(Interpreter vm, Args args)
    {
        var s = Stack("Stack.pop", args);
        if (s.Count == 0) return Pair(OptionValue.None, args[0]);
        s = s.Writable();
        var top = s.Items[^1];
        s.Items.RemoveAt(s.Count - 1);
        return Pair(OptionValue.Some(top), Value.Stack(s));
    }

    private static Value StackPeek(Interpreter vm, Args args)
    {
        var s = Stack("Stack.peek", args);
        return s.Count == 0 ? OptionValue.None : OptionValue.Some(s.Items[^1].Share());
    }

    private static Value StackClear(Interpreter vm, Args args)
    {
        Stack("Stack.clear", args);
        return Value.Stack(new AtlasStack());
    }

    private static Value StackToArray(Interpreter vm, Args args)
    {
        var s = Stack("Stack.toArray", args);
        var result = new AtlasArray(s.Count);
        foreach (var v in s.Items) result.Add(v.Share());
        return Value.Array(result);
    }
}
