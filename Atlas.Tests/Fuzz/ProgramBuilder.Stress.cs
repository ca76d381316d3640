namespace Atlas.Tests.Fuzz;

public sealed partial class ProgramBuilder
{
    /// <summary>
    /// Shapes that push the runtime's limits rather than its semantics: recursion through builtin callbacks, errors
    /// raised deep inside them, deeply nested values being printed and compared, and very large strings and arrays.
    /// </summary>
    private void StressStatement()
    {
        var name = Fresh("s");
        string depth = Pick(new[] { "3", "50", "300", "5000", "100000" });
        switch (_random.Next(6))
        {
            case 0:
            case 1:
            {
                var call = Pick(new[]
                {
                    $"let r = map([n - 1], {name});\n    return r[0] + 1;",
                    $"return reduce([n - 1], {name}Step, 0);",
                    $"return len(sort([n - 1, n], {name}Cmp));",
                    $"return len(filter([n - 1], {name}Keep));",
                    $"return unwrap_or(result_map(Ok(n - 1), {name}), 0);",
                });
                // The bottom of the recursion sometimes fails: the error then unwinds through every callback.
                Line($"fn {name}(n: number) -> number {{");
                Line($"    if (n <= 0) {{ return {Pick(new[] { "0", "1 / 0", "[1][5]", "unwrap(None)" })}; }}");
                Line("    " + call);
                Line("}");
                Line($"fn {name}Step(acc: number, x: number) -> number {{ return {name}(x) + acc; }}");
                Line($"fn {name}Cmp(a: number, b: number) -> number {{ return {name}(a - 1) * 0 + a - b; }}");
                Line($"fn {name}Keep(x: number) -> bool {{ return {name}(x) >= 0; }}");
                Line($"print({name}({depth}));");
                break;
            }
            case 2:
            {
                var wrap = Pick(new[] { $"[{name}]", $"Some({name})", $"Ok({name})", $"[{name}, []]" });
                Line($"var {name} = {Pick(new[] { "[]", "None", "Err(\"e\")" })};");
                Line($"var {name}i = 0;");
                Line($"while ({name}i < {depth}) {{ {name} = {wrap}; {name}i = {name}i + 1; }}");
                Line($"print(len(str({name})));");
                Line($"print({name} == {name});");
                if (Chance(50)) Line($"print({name});");
                break;
            }
            case 3:
                Line($"let {name} = repeat({StringLiteral()}, {Pick(new[] { "1000", "100000", "1000000", "1000001" })});");
                Line($"print(len({name}) + len(split({name}, \"a\")) + len(toUpperCase({name})));");
                break;
            case 4:
                Line($"var {name}: number[] = [];");
                Line($"for (var {name}i = 0; {name}i < {Pick(new[] { "1000", "100000" })}; {name}i++) {{ {name}.push({name}i % 7); }}");
                Line($"print(len(sort({name}, {Binary()})) + len({name}.sort()) + reduce({name}, max, 0) + len(str({name})));");
                break;
            default:
                Line($"fn {name}(n: number) -> number {{ if (n <= 0) {{ return 0; }} return 1 + {name}(n - 1); }}");
                Line($"print({name}({depth}));");
                break;
        }
    }
}
