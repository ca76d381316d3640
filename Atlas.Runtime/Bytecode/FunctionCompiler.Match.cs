using Atlas.Diagnostics;
using Atlas.Syntax;
using Atlas.Vm;

namespace Atlas.Bytecode;

internal sealed partial class FunctionCompiler
{
    /// <summary>
    /// <c>match</c> (bytecode.md §5.8) with hidden local slots instead of the reference's globals: the scrutinee and
    /// every extracted sub-value live in temporaries, so the operand stack is empty between arms and the code is re-entrant.
    /// </summary>
    private void CompileMatch(MatchExpr m)
    {
        int scrutinee = NewTemp("match_value");
        int result = NewTemp("match_result");
        var end = new Label();
        CompileExpr(m.Scrutinee);
        StoreTemp(scrutinee, m.Scrutinee.Span);
        foreach (var arm in m.Arms)
        {
            var next = new Label();
            CompilePatternTest(arm.Pattern, scrutinee, next);
            if (arm.Guard != null)
            {
                CompileExpr(arm.Guard);
                _b.EmitJump(OpCode.JumpIfFalse, next, arm.Guard.Span);
            }
            CompileExpr(arm.Body);
            StoreTemp(result, arm.Body.Span);
            _b.EmitJump(OpCode.Jump, end, arm.Span);
            _b.Mark(next);
        }
        _b.Emit(OpCode.MatchFailed, m.Span);
        _b.Mark(end);
        _b.Emit(OpCode.GetLocal, m.Span, result);
    }

    /// <summary>Alternatives of an or-pattern that bind the same name share one slot, whatever symbols the checker gave them.</summary>
    private Dictionary<string, int>? _orBindings;

    private int BindingSlot(BindingPattern b)
    {
        if (_orBindings != null && _orBindings.TryGetValue(b.Name, out int shared))
        {
            _slots[b.Symbol!] = shared;
            return shared;
        }
        int slot = DeclareLocal(b.Symbol!, b.Name);
        if (_orBindings != null) _orBindings[b.Name] = slot;
        return slot;
    }

    /// <summary>Tests the value in slot <paramref name="slot"/>; falls through on success (bindings stored), jumps to <paramref name="fail"/> otherwise.</summary>
    private void CompilePatternTest(Pattern p, int slot, Label fail)
    {
        var span = p.Span;
        switch (p)
        {
            case WildcardPattern:
                break;
            case BindingPattern b:
                _b.Emit(OpCode.GetLocal, span, slot);
                StoreTemp(BindingSlot(b), span);
                break;
            case LiteralPattern l:
                _b.Emit(OpCode.GetLocal, span, slot);
                CompileExpr(l.Literal);
                _b.Emit(OpCode.Equal, span);
                _b.EmitJump(OpCode.JumpIfFalse, fail, span);
                break;
            case ConstructorPattern { Name: "None" }:
                _b.Emit(OpCode.GetLocal, span, slot);
                _b.Emit(OpCode.IsOptionNone, span);
                _b.EmitJump(OpCode.JumpIfFalse, fail, span);
                break;
            case ConstructorPattern c:
                var (test, extract) = c.Name switch
                {
                    "Some" => (OpCode.IsOptionSome, OpCode.ExtractOptionValue),
                    "Ok" => (OpCode.IsResultOk, OpCode.ExtractResultValue),
                    _ => (OpCode.IsResultErr, OpCode.ExtractResultValue),
                };
                _b.Emit(OpCode.GetLocal, span, slot);
                _b.Emit(test, span);
                _b.EmitJump(OpCode.JumpIfFalse, fail, span);
                if (c.Args.Count == 1 && c.Args[0] is not WildcardPattern)
                {
                    int inner = NewTemp("match_payload");
                    _b.Emit(OpCode.GetLocal, span, slot);
                    _b.Emit(extract, span);
                    StoreTemp(inner, span);
                    CompilePatternTest(c.Args[0], inner, fail);
                }
                break;
            case ArrayPattern a:
                _b.Emit(OpCode.GetLocal, span, slot);
                _b.Emit(OpCode.IsArray, span);
                _b.EmitJump(OpCode.JumpIfFalse, fail, span);
                _b.Emit(OpCode.BorrowLocal, span, slot);
                _b.Emit(OpCode.GetArrayLen, span);
                EmitConstant(Value.Number(a.Elements.Count), span);
                _b.Emit(OpCode.Equal, span);
                _b.EmitJump(OpCode.JumpIfFalse, fail, span);
                for (int i = 0; i < a.Elements.Count; i++)
                {
                    if (a.Elements[i] is WildcardPattern) continue;
                    int element = NewTemp("match_element");
                    _b.Emit(OpCode.BorrowLocal, span, slot);
                    EmitConstant(Value.Number(i), span);
                    _b.Emit(OpCode.GetIndex, span);
                    StoreTemp(element, span);
                    CompilePatternTest(a.Elements[i], element, fail);
                }
                break;
            case OrPattern o:
                var outerBindings = _orBindings;
                _orBindings ??= new Dictionary<string, int>(StringComparer.Ordinal);
                var matched = new Label();
                for (int i = 0; i < o.Alternatives.Count; i++)
                {
                    bool last = i == o.Alternatives.Count - 1;
                    var nextAlt = last ? fail : new Label();
                    CompilePatternTest(o.Alternatives[i], slot, nextAlt);
                    if (!last)
                    {
                        _b.EmitJump(OpCode.Jump, matched, span);
                        _b.Mark(nextAlt);
                    }
                }
                _b.Mark(matched);
                _orBindings = outerBindings;
                break;
            default:
                throw new InvalidOperationException($"cannot compile pattern {p.GetType().Name}");
        }
    }
}
