namespace Atlas.Tests.Fuzz;

public sealed partial class ProgramBuilder
{
    private void Statement()
    {
        bool canNest = _blockDepth < 3;
        int roll = _random.Next(100);
        switch (roll)
        {
            case < 18: VarDecl(top: false); break;
            case < 28: Assignment(); break;
            case < 36: Line($"print({Expr(Pick(FuzzTypes.All), 3)});"); break;
            case < 44 when canNest: If(); break;
            case < 50 when canNest: While(); break;
            case < 55 when canNest: For(); break;
            case < 59 when canNest: ForIn(); break;
            case < 63 when _loopDepth > 0: Line($"if ({Expr(FuzzType.Bool, 1)}) {{ {(Chance(50) ? "break" : "continue")}; }}"); break;
            case < 67 when _function is { } fn: Line($"if ({Expr(FuzzType.Bool, 1)}) {{ return {Expr(fn.Return!.Value, 1)}; }}"); break;
            case < 74: ArrayStatement(); break;
            case < 78: MapStatement(); break;
            case < 82 when _function != null && canNest: NestedFunction(); break;
            case < 85 when canNest: Block("", () => Statements(2)); break;
            case < 87: Line(Chance(80) ? $"assert(true || {Expr(FuzzType.Bool, 1)}, {StringLiteral()});" : $"assert({Expr(FuzzType.Bool, 1)}, {StringLiteral()});"); break;
            case < 89: CollectionStatement(); break;
            case < 94: BuiltinCall(); break;
            default: Line($"print({Expr(Pick(FuzzTypes.All), 2)});"); break;
        }
    }

    private void VarDecl(bool top)
    {
        var type = Pick(FuzzTypes.All);
        bool mutable = Chance(60);
        var name = Fresh(top ? "g" : "v");
        var init = Expr(type, 3);
        // Inference gives the exact type for literals of simple types; everything else is annotated.
        bool annotate = !(type is FuzzType.Num or FuzzType.Str or FuzzType.Bool) || Chance(50);
        Line($"{(mutable ? "var" : "let")} {name}{(annotate ? ": " + type.Annotation() : "")} = {init};");
        Declare(name, type, mutable);
    }

    private void Assignment()
    {
        var targets = Visible().Where(v => v.Mutable).ToList();
        if (targets.Count == 0)
        {
            VarDecl(top: false);
            return;
        }
        var target = Pick(targets);
        int saved = _aggregateRefs;
        _aggregateRefs = 1;
        switch (target.Type)
        {
            case FuzzType.Num when Chance(40):
                Line(_random.Next(4) switch
                {
                    0 => $"{target.Name}++;",
                    1 => $"{target.Name}--;",
                    2 => $"{target.Name} += {Expr(FuzzType.Num, 1)};",
                    _ => $"{target.Name} {Pick(new[] { "-=", "*=", "/=", "%=" })} {NonZero()};",
                });
                break;
            case FuzzType.NumArr when Chance(40):
                Line($"{target.Name}[{Index()}] = {Expr(FuzzType.Num, 1)};");
                break;
            case FuzzType.StrArr when Chance(40):
                Line($"{target.Name}[{Index()}] = {Expr(FuzzType.Str, 1)};");
                break;
            default:
                Line($"{target.Name} = {Expr(target.Type, 2)};");
                break;
        }
        _aggregateRefs = saved;
    }

    private void If()
    {
        Line($"if ({Expr(FuzzType.Bool, 2)}) {{");
        Body(() => Statements(3));
        // README decision 4: `else if` chains.
        while (Chance(25))
        {
            Line($"}} else if ({Expr(FuzzType.Bool, 2)}) {{");
            Body(() => Statements(2));
        }
        if (Chance(40))
        {
            Line("} else {");
            Body(() => Statements(2));
        }
        Line("}");
    }

    private void While()
    {
        var counter = Fresh("i");
        Line($"var {counter} = 0;");
        _loopDepth++;
        Block($"while ({counter} < {_random.Next(0, 6)})", () =>
        {
            // The counter moves first, so a `continue` in the body cannot loop forever.
            Line($"{counter} = {counter} + 1;");
            Statements(3);
        });
        _loopDepth--;
    }

    private void For()
    {
        var counter = Fresh("j");
        _loopDepth++;
        Block($"for (var {counter} = 0; {counter} < {_random.Next(0, 6)}; {counter}++)", () =>
        {
            Declare(counter, FuzzType.Num, mutable: false);
            Statements(3);
        });
        _loopDepth--;
    }

    private void ForIn()
    {
        var element = Fresh("e");
        bool numbers = Chance(60);
        var source = numbers ? Expr(FuzzType.NumArr, 2) : Expr(FuzzType.StrArr, 2);
        _loopDepth++;
        Block($"for {element} in {source}", () =>
        {
            Declare(element, numbers ? FuzzType.Num : FuzzType.Str, mutable: false);
            Statements(2);
        });
        _loopDepth--;
    }

    /// <summary>Array methods and write-back builtins on a variable (language.md §8.5, stdlib.md §0.4).</summary>
    private void ArrayStatement()
    {
        var arrays = VisibleOf(FuzzType.NumArr);
        if (arrays.Count == 0)
        {
            var name = Fresh("a");
            Line($"var {name}: number[] = [{Expr(FuzzType.Num, 1)}, {Expr(FuzzType.Num, 1)}];");
            Declare(name, FuzzType.NumArr, mutable: true);
            return;
        }
        var a = Pick(arrays).Name;
        Line(_random.Next(8) switch
        {
            0 => $"{a}.push({Expr(FuzzType.Num, 1)});",
            1 => $"if ({a}.len() > 0) {{ {a}.pop(); }}",
            2 => $"{a}.unshift({Expr(FuzzType.Num, 1)});",
            3 => Chance(80) ? $"if (len({a}) > 0) {{ {a}.shift(); }}" : $"{a}.shift();",
            4 => $"{a}.reverse();",
            5 => $"reverse({a});",
            6 => $"print({a}.sort());",
            _ => $"if ({a}.len() > 1) {{ print({Pick(new[] { "pop", "shift" })}({a})); }}",
        });
    }

    private void MapStatement()
    {
        var maps = VisibleOf(FuzzType.Map);
        if (maps.Count == 0)
        {
            var name = Fresh("m");
            Line($"let {name}: HashMap<string, number> = hashMapNew();");
            Declare(name, FuzzType.Map, mutable: false);
            return;
        }
        var m = Pick(maps).Name;
        Line(_random.Next(5) switch
        {
            0 or 1 => $"hashMapPut({m}, {Key()}, {Expr(FuzzType.Num, 1)});",
            2 => $"hashMapRemove({m}, {Key()});",
            3 => $"print(hashMapKeys({m}).sort());",
            _ => ForEachCallback() is { } callback ? $"hashMapForEach({m}, {callback});" : $"print(hashMapSize({m}));",
        });
    }

    /// <summary>Queues, stacks and sets: untyped builtins, so their variables are left unannotated.</summary>
    private void CollectionStatement()
    {
        var name = Fresh("q");
        var (make, add, take, size) = _random.Next(3) switch
        {
            0 => ("queueNew", "queueEnqueue", "queueDequeue", "queueSize"),
            1 => ("stackNew", "stackPush", "stackPop", "stackSize"),
            _ => ("hashSetNew", "hashSetAdd", "hashSetRemove", "hashSetSize"),
        };
        Line($"let {name} = {make}();");
        int adds = _random.Next(0, 4);
        for (int i = 0; i < adds; i++) Line($"{add}({name}, {Expr(FuzzType.Num, 1)});");
        Line($"print({take}({name}{(take == "hashSetRemove" ? ", 1" : "")}));");
        Line($"print({size}({name}));");
    }

    /// <summary>A nested function reading the enclosing function's locals: a closure capturing by value.</summary>
    private void NestedFunction()
    {
        var name = Fresh("h");
        var saved = _loopDepth;
        FunctionBody(name, [FuzzType.Num], FuzzType.Num, () => { if (Chance(50)) Statement(); });
        _loopDepth = saved;
        Declare(name, FuzzType.FnNum, mutable: false);
        if (Chance(60)) Line($"print({name}({Expr(FuzzType.Num, 1)}));");
    }
}
