using System.Collections.Concurrent;
using Atlas.Repl.Lsp.Analysis;

namespace Atlas.Repl.Lsp;

/// <summary>
/// The open documents by URI, each with its latest version analysed. Thread-safe; an older version never replaces a
/// newer one.
/// </summary>
internal sealed class DocumentStore
{
    private readonly ConcurrentDictionary<string, (int Version, DocumentAnalysis Analysis)> _documents = new(StringComparer.Ordinal);

    /// <summary>Analyses and stores a version; returns false (and changes nothing) when a newer version is already stored.</summary>
    public bool Update(string uri, int version, string text, out DocumentAnalysis analysis)
    {
        analysis = DocumentAnalysis.Analyze(text);
        var fresh = analysis;
        var stored = _documents.AddOrUpdate(uri, _ => (version, fresh), (_, old) => old.Version > version ? old : (version, fresh));
        return ReferenceEquals(stored.Analysis, fresh);
    }

    public DocumentAnalysis? Get(string uri) => _documents.TryGetValue(uri, out var entry) ? entry.Analysis : null;

    public void Close(string uri) => _documents.TryRemove(uri, out _);
}
