using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Atlas.Tests.Repl;

namespace Atlas.Tests.Lsp;

/// <summary>
/// A minimal LSP client for tests: starts <c>atlas lsp</c> as a process and speaks the protocol itself (Content-Length
/// framing, JSON-RPC requests and notifications), so the tests see exactly the bytes an editor would.
/// </summary>
internal sealed class LspClient : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly Stream _input;
    private readonly Channel<JsonNode> _incoming = Channel.CreateUnbounded<JsonNode>();
    private readonly List<JsonNode> _pending = [];
    private int _nextId;

    public LspClient()
    {
        var start = new ProcessStartInfo(AtlasProcess.DotnetHost)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AtlasProcess.Dll);
        start.ArgumentList.Add("lsp");
        _process = Process.Start(start)!;
        _input = _process.StandardInput.BaseStream;
        _ = Task.Run(() => ReadLoop(_process.StandardOutput.BaseStream));
        _ = _process.StandardError.ReadToEndAsync();
    }

    public const string Uri = "file:///work/test.atl";

    public static JsonObject Doc(string uri = Uri) => new() { ["uri"] = uri };

    public static JsonObject At(int line, int character, string uri = Uri) =>
        new() { ["textDocument"] = Doc(uri), ["position"] = new JsonObject { ["line"] = line, ["character"] = character } };

    public JsonNode Initialize() => Request("initialize", new JsonObject { ["processId"] = null, ["capabilities"] = new JsonObject() })!;

    public void Open(string text, string uri = Uri) => Notify("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "atlas", ["version"] = 1, ["text"] = text },
    });

    public void Change(string text, int version, string uri = Uri) => Notify("textDocument/didChange", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
        ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
    });

    /// <summary>Sends a request and returns its whole response message (result or error).</summary>
    public JsonNode Send(string method, JsonNode? parameters)
    {
        var id = ++_nextId;
        Write(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters?.DeepClone() });
        return Next(m => m["id"] is JsonValue v && v.TryGetValue<int>(out var got) && got == id);
    }

    /// <summary>Sends a request and returns its result, failing on an error response.</summary>
    public JsonNode? Request(string method, JsonNode? parameters)
    {
        var response = Send(method, parameters);
        if (response["error"] is { } error) Assert.Fail($"{method} failed: {error.ToJsonString()}");
        return response["result"];
    }

    public void Notify(string method, JsonNode? parameters) =>
        Write(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters?.DeepClone() });

    /// <summary>The next diagnostics published for <paramref name="uri"/> (for <paramref name="version"/> when given).</summary>
    public JsonArray Diagnostics(string uri = Uri, int? version = null) =>
        Next(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == uri
                  && (version is null || (int?)m["params"]!["version"] == version))["params"]!["diagnostics"]!.AsArray();

    /// <summary>Writes one frame with an arbitrary body (for malformed messages).</summary>
    public void WriteFrame(byte[] body)
    {
        WriteRaw(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        WriteRaw(body);
    }

    /// <summary>Writes bytes as they are (for broken framing).</summary>
    public void WriteRaw(byte[] bytes)
    {
        _input.Write(bytes);
        _input.Flush();
    }

    /// <summary>The next message that matches, keeping the others for later calls.</summary>
    public JsonNode Next(Func<JsonNode, bool> match)
    {
        var index = _pending.FindIndex(m => match(m));
        if (index >= 0)
        {
            var found = _pending[index];
            _pending.RemoveAt(index);
            return found;
        }
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            JsonNode message;
            try { message = _incoming.Reader.ReadAsync(timeout.Token).AsTask().GetAwaiter().GetResult(); }
            catch (OperationCanceledException) { throw new AssertFailedException("no matching message from atlas lsp within 30 s"); }
            catch (ChannelClosedException) { throw new AssertFailedException("atlas lsp closed its output"); }
            if (match(message)) return message;
            _pending.Add(message);
        }
    }

    /// <summary>Waits for the process to end and returns its exit code.</summary>
    public int WaitForExit()
    {
        if (!_process.WaitForExit((int)Patience.TotalMilliseconds)) Assert.Fail("atlas lsp did not exit");
        return _process.ExitCode;
    }

    private void Write(JsonNode message) => WriteFrame(Encoding.UTF8.GetBytes(message.ToJsonString()));

    private async Task ReadLoop(Stream output)
    {
        try
        {
            while (await ReadFrame(output) is { } body) await _incoming.Writer.WriteAsync(JsonNode.Parse(body)!);
        }
        finally { _incoming.Writer.TryComplete(); }
    }

    private static async Task<byte[]?> ReadFrame(Stream output)
    {
        var length = -1;
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await output.ReadAsync(one) == 0) return null;
            if (one[0] != '\n') { line.Append((char)one[0]); continue; }
            var text = line.ToString().TrimEnd('\r');
            line.Clear();
            if (text.Length == 0) break;
            if (text.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(text[15..].Trim());
        }
        var body = new byte[length];
        await output.ReadExactlyAsync(body);
        return body;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
