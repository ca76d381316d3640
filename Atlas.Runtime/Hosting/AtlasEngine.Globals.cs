using Atlas.Semantics;
using Atlas.Syntax;
using Atlas.Vm;

namespace Atlas.Hosting;

public sealed partial class AtlasEngine
{
    /// <summary>
    /// Sets a top-level variable that later scripts (and functions defined earlier that use the name) see. A value
    /// that fits the name's current type keeps that type; otherwise the name is declared anew with the Atlas type of
    /// the value (<see cref="ValueTypes.Of"/>), which is refused, like a script's redeclaration, when existing functions
    /// rely on the old type. Scripts may assign the variable.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not an identifier or is a standard library name, or the value has no Atlas form.</exception>
    /// <exception cref="InvalidOperationException">The type would change under a function that uses the name.</exception>
    public void SetGlobal(string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        var atlasValue = ValueConversion.FromObject(value);
        RefuseOnScriptThread(nameof(SetGlobal));
        lock (_gate)
        {
            if (_session.TryGetGlobal(name, out var symbol, out _) && symbol.Kind == SymbolKind.Global && ValueTypes.Fits(atlasValue, symbol.Type))
                _session.SetGlobalValue(name, atlasValue);
            else
                _session.DefineGlobal(name, ValueTypes.Of(atlasValue, exhaustive: true), atlasValue, mutable: true);
        }
    }

    /// <summary>
    /// Sets a top-level variable with an explicit Atlas type, written as in a script (<c>"number[]"</c>,
    /// <c>"Option&lt;string&gt;"</c>): useful where the value alone does not tell, like an empty array.
    /// </summary>
    public void SetGlobal(string name, object? value, string atlasType)
    {
        ArgumentNullException.ThrowIfNull(name);
        var atlasValue = ValueConversion.FromObject(value);
        RefuseOnScriptThread(nameof(SetGlobal));
        lock (_gate)
        {
            var type = ParseType(atlasType);
            if (!ValueTypes.Fits(atlasValue, type))
                throw new ArgumentException($"a {ValueTypes.Of(atlasValue).Display} value does not fit {type.Display}", nameof(value));
            if (_session.TryGetGlobal(name, out var symbol, out _) && symbol.Kind == SymbolKind.Global && RedefinitionRules.SameType(symbol.Type, type))
                _session.SetGlobalValue(name, atlasValue);
            else
                _session.DefineGlobal(name, type, atlasValue, mutable: true);
        }
    }

    /// <summary>The value of a top-level name (variable or function) in its .NET form.</summary>
    /// <exception cref="KeyNotFoundException">No script or host defined the name.</exception>
    public object? GetGlobal(string name) => ValueConversion.ToObject(GetGlobalValue(name));

    /// <summary>The value of a top-level name as <typeparamref name="T"/> (see <see cref="ValueConversion.ToClr"/>).</summary>
    public T GetGlobal<T>(string name) => ValueConversion.ToClr<T>(GetGlobalValue(name));

    /// <summary>The value of a top-level name in its .NET form, if the name is defined.</summary>
    public bool TryGetGlobal(string name, out object? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        var found = Locked(() => _session.TryGetGlobal(name, out _, out var v) ? v : Value.Undefined);
        value = ValueConversion.ToObject(found);
        return found.Kind != ValueKind.Undefined;
    }

    /// <summary>The value of a top-level name as an Atlas value.</summary>
    public Value GetGlobalValue(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var value = Locked(() => _session.TryGetGlobal(name, out _, out var v) ? v : Value.Undefined);
        return value.Kind == ValueKind.Undefined ? throw new KeyNotFoundException($"'{name}' is not defined") : value.Share();
    }

    /// <summary>The static type scripts see for a top-level name, or null when it is not defined.</summary>
    public AtlasType? GetGlobalType(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Locked(() => _session.TryGetGlobal(name, out var symbol, out _) ? symbol.Type : null);
    }

    /// <summary>Every top-level name defined so far, by scripts or by the host.</summary>
    public IReadOnlyList<string> GlobalNames => Locked(() => _session.Definitions.Globals.Keys.ToList());

    /// <summary>An Atlas type written as in a script, resolved against the aliases defined so far.</summary>
    private AtlasType ParseType(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var analysis = _session.Analyze($"type HostType__ = {text};");
        if (analysis.Unit?.Items is [TypeAliasDecl { ResolvedTarget: { } type }]) return type;
        var why = analysis.Diagnostics.FirstOrDefault(d => d.IsError)?.Message ?? "not a single type";
        throw new ArgumentException($"'{text}' is not an Atlas type: {why}", nameof(text));
    }

    /// <summary>Runs a read under the lock, or directly from a host function (whose caller holds the lock).</summary>
    private T Locked<T>(Func<T> read)
    {
        if (_session.OnScriptThread) return read();
        lock (_gate) return read();
    }
}
