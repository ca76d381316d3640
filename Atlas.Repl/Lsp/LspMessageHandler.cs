using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Atlas.Repl.Lsp;

/// <summary>
/// LSP's base protocol framing (a header block with <c>Content-Length</c>, a blank line, then the JSON body) for
/// StreamJsonRpc, written to survive bad input: a header block without a usable <c>Content-Length</c>, or a body that
/// is not a JSON-RPC message, is answered with a JSON-RPC <c>Parse error</c> (id null) and reading goes on with the next
/// frame. StreamJsonRpc's own <c>HeaderDelimitedMessageHandler</c> ends the connection on either.
/// </summary>
internal sealed class LspMessageHandler(Stream output, Stream input, IJsonRpcMessageFormatter formatter) : MessageHandlerBase(formatter)
{
    /// <summary>A header line longer than this is not LSP; the frame is rejected rather than buffered without end.</summary>
    private const int MaxHeaderLine = 8 * 1024;
    /// <summary>A larger body is refused rather than allocated (an editor never sends one).</summary>
    private const int MaxBody = 256 * 1024 * 1024;
    private const string LengthHeader = "Content-Length:";
    private readonly Stream _input = new BufferedStream(input);
    private readonly Stream _output = output;

    public override bool CanRead => true;
    public override bool CanWrite => true;

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (ended, length, problem) = await ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            if (ended) return null;
            if (problem is not null)
            {
                await ReplyParseErrorAsync(problem, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var body = new byte[length];
            try { await _input.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false); }
            catch (EndOfStreamException) { return null; }
            try
            {
                return Formatter.Deserialize(new ReadOnlySequence<byte>(body));
            }
            catch (Exception e) when (IsBadBody(e))
            {
                await ReplyParseErrorAsync(e.Message, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    protected override ValueTask WriteCoreAsync(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        var body = new ArrayBufferWriter<byte>();
        Formatter.Serialize(body, content);
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.WrittenCount}\r\n\r\n");
        _output.Write(header);
        _output.Write(body.WrittenSpan);
        return ValueTask.CompletedTask;
    }

    protected override ValueTask FlushAsync(CancellationToken cancellationToken) => new(_output.FlushAsync(cancellationToken));

    /// <summary>Reads one header block up to its blank line: the content length, or what is wrong with it.</summary>
    private async Task<(bool Ended, int Length, string? Problem)> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        int? length = null;
        string? problem = null;
        var lines = 0;
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null) return (true, 0, null);
            if (line.Length == 0)
            {
                // Blank lines between frames are tolerated; a header block ends at the first blank line after a header.
                if (lines == 0) continue;
                if (problem is null && length is null) problem = "missing Content-Length header";
                return (false, length ?? 0, problem);
            }
            lines++;
            if (line.Length > MaxHeaderLine) problem ??= "header line too long";
            else if (!line.Contains(':')) problem ??= $"malformed header line '{line}'";
            else if (line.StartsWith(LengthHeader, StringComparison.OrdinalIgnoreCase))
            {
                if (int.TryParse(line.AsSpan(LengthHeader.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    && n <= MaxBody)
                    length = n;
                else problem ??= $"bad Content-Length '{line[LengthHeader.Length..].Trim()}'";
            }
        }
    }

    /// <summary>One header line without its line break; null at the end of input.</summary>
    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await _input.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0) return line.Length > 0 ? line.ToString() : null;
            if (one[0] == '\n') return line.ToString().TrimEnd('\r');
            if (line.Length <= MaxHeaderLine) line.Append((char)one[0]);
        }
    }

    private ValueTask ReplyParseErrorAsync(string problem, CancellationToken cancellationToken) =>
        WriteAsync(new JsonRpcError
        {
            RequestId = RequestId.Null,
            Error = new JsonRpcError.ErrorDetail { Code = JsonRpcErrorCode.ParseError, Message = "Parse error: " + problem },
        }, cancellationToken);

    private static bool IsBadBody(Exception e) =>
        e is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException
            or DecoderFallbackException
        || (e.InnerException is { } inner && IsBadBody(inner));
}
