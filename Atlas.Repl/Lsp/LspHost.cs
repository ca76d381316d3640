using System.Text.Json;
using System.Text.Json.Serialization;
using Atlas.Repl.Cli;
using Atlas.Repl.Lsp.Protocol;
using StreamJsonRpc;

namespace Atlas.Repl.Lsp;

/// <summary>
/// Runs <c>atlas lsp</c>: the language server over a pair of streams (stdin/stdout) until <c>exit</c> or the end of
/// input. Exit status 0 after <c>shutdown</c> then <c>exit</c>, 1 otherwise (as LSP asks).
/// </summary>
internal static class LspHost
{
    public static async Task<int> RunAsync(Stream input, Stream output)
    {
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        formatter.JsonSerializerOptions.PropertyNameCaseInsensitive = true;
        formatter.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        using var rpc = new LspJsonRpc(new LspMessageHandler(output, input, formatter));
        var server = new LanguageServer(p => rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", p));
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        rpc.StartListening();
        var finished = await Task.WhenAny(server.Exited, rpc.Completion).ConfigureAwait(false);
        var clean = finished == server.Exited && await server.Exited.ConfigureAwait(false);
        return clean ? ExitCodes.Success : ExitCodes.ProgramFailed;
    }
}
