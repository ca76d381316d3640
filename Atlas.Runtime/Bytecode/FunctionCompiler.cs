using Atlas.Diagnostics;
using Atlas.Semantics;
using Atlas.Stdlib;
using Atlas.Syntax;
using Atlas.Vm;

namespace Atlas.Bytecode;

/// <summary>Compiles one function body (or the top-level script) to a <see cref="FunctionProto"/>.</summary>
internal sealed partial class FunctionCompiler
{
    private readonly BytecodeCompiler _root;
    private readonly FunctionCompiler? _parent;
    private readonly FnDecl? _decl;
    private readonly CodeBuilder _b = new();
    private readonly Dictionary<Symbol, int> _slots = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _localNames = new();
    private readonly List<StaticType> _localTypes = new();
    private readonly List<UpvalueSource> _upvalues = new();
    private readonly Dictionary<Symbol, int> _upvalueIndex = new(ReferenceEqualityComparer.Instance);
    private readonly Stack<LoopContext> _loops = new();
    private bool _mutatesUpvalues;
    private int _completionSlot = -1;

    private sealed record LoopContext(Label Break, Label Continue, bool ContinueIsBackward);

    public FunctionCompiler(BytecodeCompiler root, FunctionCompiler? parent, FnDecl? decl)
    {
        _root = root;
        _parent = parent;
        _decl = decl;
    }

    private bool IsScript => _decl == null;
    public int UpvalueCount => _upvalues.Count;
    public IReadOnlyList<UpvalueSource> Upvalues => _upvalues;

    public FunctionProto CompileScript(CompilationUnit unit)
    {
        _completionSlot = NewLocal("$completion", StaticType.Any);
        var end = unit.Span;
        // Top-level functions are bound before the first statement runs (README decision 3).
        foreach (var item in unit.Items)
            if (item is FnDecl fn)
            {
                var f = CompileFunction(fn);
                _b.Emit(OpCode.Constant, fn.NameSpan, _b.AddConstant(Value.Function(new FunctionValue(f.Proto))));
                _b.Emit(OpCode.SetGlobal, fn.NameSpan, _root.Globals.SlotOf(fn.Symbol!));
                _b.Emit(OpCode.Pop, fn.NameSpan);
            }
        _b.Emit(OpCode.Null, end);
        _b.Emit(OpCode.SetLocal, end, _completionSlot);
        _b.Emit(OpCode.Pop, end);
        foreach (var item in unit.Items)
            if (item is not FnDecl) CompileStmt(item);
        _b.Emit(OpCode.GetLocal, end, _completionSlot);
        _b.Emit(OpCode.Return, end);
        return Finish("<script>", 0, StaticType.Any);
    }

    private (FunctionProto Proto, FunctionCompiler Compiler) CompileFunction(FnDecl fn)
    {
        var c = new FunctionCompiler(_root, this, fn);
        foreach (var p in fn.Params) c.DeclareLocal(p.Symbol!, p.Name);
        foreach (var s in fn.Body.Statements) c.CompileStmt(s);
        var endSpan = new TextSpan(fn.Body.Span.End - 1, fn.Body.Span.End);
        c._b.Emit(OpCode.Null, endSpan);
        c._b.Emit(OpCode.Return, endSpan);
        var proto = c.Finish(fn.Name, fn.Params.Count, StaticTypes.From(fn.ResolvedReturnType));
        return (proto, c);
    }

    private FunctionProto Finish(string name, int arity, StaticType returnType)
    {
        var code = _b.Code();
        var constants = _b.Constants();
        var analysis = StackAnalysis.Analyze(code, constants.Length, _localNames.Count, _upvalues.Count, _root.Globals.Count, arity);
        var proto = new FunctionProto
        {
            Name = name,
            Arity = arity,
            LocalCount = _localNames.Count,
            MaxStack = analysis.MaxDepth,
            Code = code,
            Constants = constants,
            Lines = _b.Lines,
            LocalTypes = _localTypes.ToArray(),
            ReturnType = returnType,
            LocalNames = _localNames.ToArray(),
            UpvalueNames = _upvalues.Select(u => u.Name).ToArray(),
            IsScript = IsScript,
            MutatesUpvalues = _mutatesUpvalues,
        };
        _root.Protos.Add(proto);
        return proto;
    }

    // ---- locals and name resolution ----

    private int NewLocal(string name, StaticType type)
    {
        _localNames.Add(name);
        _localTypes.Add(type);
        return _localNames.Count - 1;
    }

    private int DeclareLocal(Symbol symbol, string name)
    {
        int slot = NewLocal(name, StaticTypes.From(symbol.Type));
        _slots[symbol] = slot;
        return slot;
    }

    private bool Owns(Symbol s) => ReferenceEquals(s.Owner, _decl) && _slots.ContainsKey(s);

    /// <summary>Index of the upvalue through which this function reads an enclosing function's local.</summary>
    private int ResolveUpvalue(Symbol s)
    {
        if (_upvalueIndex.TryGetValue(s, out int idx)) return idx;
        if (_parent == null) throw new InvalidOperationException($"'{s.Name}' is not visible here");
        if (_parent.Owns(s)) _upvalues.Add(new UpvalueSource(true, _parent._slots[s], s.Name));
        else _upvalues.Add(new UpvalueSource(false, _parent.ResolveUpvalue(s), s.Name));
        idx = _upvalues.Count - 1;
        _upvalueIndex[s] = idx;
        return idx;
    }

    private enum Storage { Local, Upvalue, Global }

    private (Storage Kind, int Index) StorageOf(Symbol s) => s.Kind switch
    {
        SymbolKind.Global or SymbolKind.Function => (Storage.Global, _root.Globals.SlotOf(s)),
        SymbolKind.NestedFunction => (Storage.Global, _root.NestedAliasSlot(s)),
        SymbolKind.Local or SymbolKind.Parameter => Owns(s) ? (Storage.Local, _slots[s]) : (Storage.Upvalue, ResolveUpvalue(s)),
        _ => throw new InvalidOperationException($"no storage for {s}"),
    };

    /// <summary>A variable that can be written back to (assignment, index assignment, write-back calls).</summary>
    private static bool IsVariable(Expr e, out Symbol symbol)
    {
        symbol = null!;
        if (e is NameExpr { Symbol: { } s } && s.Kind is SymbolKind.Global or SymbolKind.Local or SymbolKind.Parameter)
        {
            symbol = s;
            return true;
        }
        return false;
    }

    private void EmitLoad(Symbol s, TextSpan span, bool borrow = false)
    {
        if (s.Kind == SymbolKind.Builtin)
        {
            EmitBuiltinValue(s.Name, span);
            return;
        }
        var (kind, index) = StorageOf(s);
        var op = kind switch
        {
            Storage.Local => borrow ? OpCode.BorrowLocal : OpCode.GetLocal,
            Storage.Upvalue => borrow ? OpCode.BorrowUpvalue : OpCode.GetUpvalue,
            _ => borrow ? OpCode.BorrowGlobal : OpCode.GetGlobal,
        };
        _b.Emit(op, span, index);
    }

    /// <summary>Stores the top of stack into the variable; the value stays on the stack (peek semantics).</summary>
    private void EmitStore(Symbol s, TextSpan span)
    {
        var (kind, index) = StorageOf(s);
        if (kind == Storage.Upvalue) _mutatesUpvalues = true;
        _b.Emit(kind switch { Storage.Local => OpCode.SetLocal, Storage.Upvalue => OpCode.SetUpvalue, _ => OpCode.SetGlobal }, span, index);
    }

    private void EmitBuiltinValue(string name, TextSpan span)
    {
        Value v;
        if (BuiltinRegistry.Constants.TryGetValue(name, out double d)) v = Value.Number(d);
        else if (name == "None") v = OptionValue.None;
        else if (BuiltinRegistry.TryGet(name, out var desc)) v = desc.Value;
        else throw new InvalidOperationException($"builtin '{name}' is not registered");
        _b.Emit(OpCode.Constant, span, _b.AddConstant(v));
    }

    private void EmitConstant(Value v, TextSpan span) => _b.Emit(OpCode.Constant, span, _b.AddConstant(v));

    private int NewTemp(string name, StaticType type = StaticType.Any) => NewLocal("$" + name, type);

    private void StoreTemp(int slot, TextSpan span)
    {
        _b.Emit(OpCode.SetLocal, span, slot);
        _b.Emit(OpCode.Pop, span);
    }
}
