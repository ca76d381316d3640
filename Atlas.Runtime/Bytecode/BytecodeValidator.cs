using Atlas.Vm;

namespace Atlas.Bytecode;

/// <summary>Rejects invalid prototypes before they run, in either tier (stack discipline, operand ranges, jump targets, arity).</summary>
internal static class BytecodeValidator
{
    /// <summary>Validates a prototype; on success marks it <see cref="FunctionProto.Validated"/>. Returns the problems found.</summary>
    public static IReadOnlyList<string> Validate(FunctionProto proto, int globalCount)
    {
        var errors = new List<string>();
        if (proto.Arity < 0 || proto.Arity > 255) errors.Add($"arity {proto.Arity} out of range (0..255)");
        if (proto.Arity > proto.LocalCount) errors.Add($"arity {proto.Arity} exceeds the local count {proto.LocalCount}");
        if (proto.LocalTypes.Length != proto.LocalCount) errors.Add($"{proto.LocalTypes.Length} local types for {proto.LocalCount} locals");
        if (proto.LocalNames.Length != proto.LocalCount) errors.Add($"{proto.LocalNames.Length} local names for {proto.LocalCount} locals");
        if (errors.Count == 0)
        {
            var analysis = StackAnalysis.Analyze(proto.Code, proto.Constants.Length, proto.LocalCount, proto.UpvalueCount, globalCount, proto.Arity);
            errors.AddRange(analysis.Errors);
            if (analysis.Errors.Count == 0 && analysis.MaxDepth > proto.MaxStack)
                errors.Add($"stack depth reaches {analysis.MaxDepth} but MaxStack is {proto.MaxStack}");
            if (analysis.Errors.Count == 0) CheckConstantOperands(proto, errors);
        }
        if (errors.Count == 0) proto.Validated = true;
        return errors;
    }

    private static void CheckConstantOperands(FunctionProto proto, List<string> errors)
    {
        var code = proto.Code;
        for (int pc = 0; pc < code.Length; pc += OpInfo.Of((OpCode)code[pc]).Size)
        {
            var op = (OpCode)code[pc];
            if (op == OpCode.MakeClosure)
            {
                var k = proto.Constants[code[pc + 1]];
                if (k.Kind != ValueKind.Function) errors.Add($"{pc:D4}: MakeClosure constant is not a function");
                else if (k.AsFunction.Proto.UpvalueCount != code[pc + 2])
                    errors.Add($"{pc:D4}: MakeClosure captures {code[pc + 2]} values but {k.AsFunction.Name} has {k.AsFunction.Proto.UpvalueCount} upvalues");
            }
            else if (op == OpCode.Constant && proto.Constants[code[pc + 1]] is { Kind: ValueKind.Function } f
                     && f.AsFunction.Upvalues.Length != f.AsFunction.Proto.UpvalueCount)
                // Such a function value would index captures it does not have: closures are made by MakeClosure.
                errors.Add($"{pc:D4}: Constant pushes {f.AsFunction.Name} without its {f.AsFunction.Proto.UpvalueCount} captured values");
            else if (op == OpCode.CallMethod && proto.Constants[code[pc + 1]].Kind != ValueKind.String)
                errors.Add($"{pc:D4}: CallMethod name constant is not a string");
        }
    }
}
