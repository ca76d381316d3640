using Atlas.Semantics;
using Atlas.Vm;

namespace Atlas.Hosting;

/// <summary>Wraps a host's delegate as a builtin value that scripts call like any function.</summary>
internal static class HostFunction
{
    /// <summary>
    /// A builtin named <paramref name="name"/> of type <paramref name="type"/>. A result that does not fit the declared
    /// return type (a null string, say) is an error rather than a value the checker would have to trust blindly;
    /// <paramref name="resultAlwaysFits"/> skips that check where the .NET type guarantees it.
    /// </summary>
    public static BuiltinFunction Create(string name, FunctionType type, BuiltinImpl body, bool resultAlwaysFits = false)
    {
        int arity = type.Parameters.Count;
        var returns = type.Return;
        return new BuiltinFunction(name, (vm, args) =>
        {
            if (args.Count != arity) throw AtlasRuntimeException.Type($"Function {name} expects {arity} arguments, got {args.Count}");
            Value result;
            try
            {
                result = body(vm, args);
            }
            catch (AtlasRuntimeException)
            {
                throw;
            }
            catch (OperationCanceledException e)
            {
                throw new AtlasRuntimeException(RuntimeErrorKind.Cancelled, "", e);
            }
            catch (Exception e)
            {
                // Scripts cannot catch errors, so a failing host function ends the script like a failing builtin
                // (AT0102); the host gets its exception back as the inner exception.
                throw new AtlasRuntimeException(RuntimeErrorKind.InvalidStdlibArgument, $"{name}(): {e.Message}", e);
            }
            // A raw implementation's default(Value) means "no value": null, as a builtin without a result gives.
            if (result.Kind == ValueKind.Undefined) result = Value.Null;
            if (!resultAlwaysFits && !ValueTypes.Fits(result, returns))
                throw AtlasRuntimeException.Stdlib($"{name}(): returned {Describe(result)} where {returns.Display} is expected");
            return result;
        });
    }

    private static string Describe(Value value) => ValueFormatter.TypeName(value);
}
