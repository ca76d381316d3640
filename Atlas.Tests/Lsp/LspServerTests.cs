using System.Text;
using System.Text.Json.Nodes;
using Atlas.Stdlib;

namespace Atlas.Tests.Lsp;

/// <summary>
/// <c>atlas lsp</c> as a real process: initialize, diagnostics on open and change, every feature over the protocol,
/// malformed messages and unknown methods, and shutdown/exit.
/// </summary>
[TestClass]
public sealed class LspServerTests
{
    private const string Program =
        "fn area(w: number, h: number) -> number {\n" +
        "    return w * h;\n" +
        "}\n" +
        "let total = area(2, 3);\n" +
        "print(total + len(\"abc\"));\n" +
        "let bad: number = \"x\";\n" +
        "fn unused(p: number) { }\n";

    private static LspClient Started(string text = Program)
    {
        var client = new LspClient();
        client.Initialize();
        client.Notify("initialized", new JsonObject());
        client.Open(text);
        return client;
    }

    private static JsonObject Range(int startLine, int startCharacter, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    private static string Hover(LspClient client, int line, int character) =>
        (string?)client.Request("textDocument/hover", LspClient.At(line, character))?["contents"]?["value"] ?? "";

    [TestMethod]
    public void InitializeAnnouncesTheFeatures()
    {
        using var client = new LspClient();
        var capabilities = client.Initialize()["capabilities"]!;
        string[] features =
        [
            "hoverProvider", "definitionProvider", "referencesProvider", "renameProvider", "documentSymbolProvider",
            "completionProvider", "signatureHelpProvider", "documentFormattingProvider", "foldingRangeProvider",
            "semanticTokensProvider", "inlayHintProvider", "callHierarchyProvider", "codeActionProvider",
        ];
        foreach (var name in features)
            Assert.IsNotNull(capabilities[name], name);
        Assert.AreEqual(1, (int)capabilities["textDocumentSync"]!);
    }

    [TestMethod]
    public void DiagnosticsArePublishedOnOpenAndClearedWhenFixed()
    {
        using var client = Started();
        var diagnostics = client.Diagnostics();
        var error = diagnostics.Single(d => (string?)d!["code"] == "AT3001")!;
        Assert.AreEqual(1, (int)error["severity"]!);
        Assert.AreEqual("Type mismatch: expected number, found string", (string?)error["message"]);
        Assert.AreEqual(5, (int)error["range"]!["start"]!["line"]!);
        var warning = diagnostics.Single(d => (string?)d!["code"] == "AT2001")!;
        Assert.AreEqual(2, (int)warning["severity"]!);
        Assert.AreEqual("Unused parameter 'p'\nhelp: prefix the name with '_' to silence this warning", (string?)warning["message"]);
        Assert.AreEqual(6, (int)warning["range"]!["start"]!["line"]!);
        Assert.AreEqual(10, (int)warning["range"]!["start"]!["character"]!);

        client.Change(Program.Replace("\"x\"", "1").Replace("p: number", "_p: number"), 2);
        Assert.IsEmpty(client.Diagnostics(version: 2));
    }

    [TestMethod]
    public void HoverShowsTypesSignaturesAndBuiltinDescriptions()
    {
        using var client = Started();
        StringAssert.Contains(Hover(client, 4, 7), "let total: number");
        StringAssert.Contains(Hover(client, 3, 13), "fn area(w: number, h: number) -> number");
        StringAssert.Contains(Hover(client, 4, 15), BuiltinRegistry.Get("len").Summary);
        StringAssert.Contains(Hover(client, 1, 12), "(parameter) w: number");
    }

    [TestMethod]
    public void DefinitionAndReferences()
    {
        using var client = Started();
        var definition = client.Request("textDocument/definition", LspClient.At(3, 13))!.AsArray().Single()!;
        Assert.AreEqual(0, (int)definition["range"]!["start"]!["line"]!);
        Assert.AreEqual(3, (int)definition["range"]!["start"]!["character"]!);
        var references = LspClient.At(0, 8);
        references["context"] = new JsonObject { ["includeDeclaration"] = true };
        var found = client.Request("textDocument/references", references)!.AsArray();
        Assert.HasCount(2, found);
        Assert.AreEqual(1, (int)found[1]!["range"]!["start"]!["line"]!);
        references["context"] = new JsonObject { ["includeDeclaration"] = false };
        Assert.HasCount(1, client.Request("textDocument/references", references)!.AsArray());
    }

    [TestMethod]
    public void RenameEditsEveryOccurrenceAndRefusesKeywordsAndNamesInScope()
    {
        using var client = Started();
        JsonObject Rename(int line, int character, string name)
        {
            var p = LspClient.At(line, character);
            p["newName"] = name;
            return p;
        }
        var edits = client.Request("textDocument/rename", Rename(3, 5, "sum"))!["changes"]![LspClient.Uri]!.AsArray();
        Assert.HasCount(2, edits);
        Assert.IsTrue(edits.All(e => (string?)e!["newText"] == "sum"));

        var keyword = client.Send("textDocument/rename", Rename(3, 5, "while"));
        Assert.AreEqual(-32803, (int)keyword["error"]!["code"]!);
        StringAssert.Contains((string?)keyword["error"]!["message"], "keyword");
        var taken = client.Send("textDocument/rename", Rename(0, 8, "h"));
        StringAssert.Contains((string?)taken["error"]!["message"], "already names");
        var builtin = client.Send("textDocument/prepareRename", LspClient.At(4, 15));
        Assert.IsNotNull(builtin["error"]);
    }

    [TestMethod]
    public void SymbolsCompletionAndSignatureHelp()
    {
        using var client = Started();
        var symbols = client.Request("textDocument/documentSymbol", new JsonObject { ["textDocument"] = LspClient.Doc() })!.AsArray();
        CollectionAssert.AreEqual(new[] { "area", "total", "bad", "unused" }, symbols.Select(s => (string?)s!["name"]).ToArray());

        var items = client.Request("textDocument/completion", LspClient.At(4, 0))!.AsArray();
        var labels = items.Select(i => (string?)i!["label"]).ToList();
        foreach (var expected in new[] { "total", "area", "len", "while", "PI" }) CollectionAssert.Contains(labels, expected);
        StringAssert.Contains((string?)items.First(i => (string?)i!["label"] == "len")!["detail"], "fn len(");

        var help = client.Request("textDocument/signatureHelp", LspClient.At(3, 20))!;
        StringAssert.Contains((string?)help["signatures"]![0]!["label"], "fn area(w: number, h: number)");
        Assert.AreEqual(1, (int)help["activeParameter"]!);
    }

    [TestMethod]
    public void FormattingFoldingSemanticTokensAndInlayHints()
    {
        using var client = Started("fn f(a:number)->number{\n    return a+1;\n}\nlet x=f(1);\n");
        var doc = new JsonObject { ["textDocument"] = LspClient.Doc() };
        var formatting = new JsonObject { ["textDocument"] = LspClient.Doc(), ["options"] = new JsonObject() };
        var edit = client.Request("textDocument/formatting", formatting)!.AsArray().Single()!;
        Assert.AreEqual("fn f(a: number) -> number {\n    return a + 1;\n}\nlet x = f(1);\n", (string?)edit["newText"]);

        var folds = client.Request("textDocument/foldingRange", doc.DeepClone())!.AsArray();
        Assert.AreEqual(0, (int)folds.Single()!["startLine"]!);

        var data = client.Request("textDocument/semanticTokens/full", doc.DeepClone())!["data"]!.AsArray().Select(n => (int)n!).ToArray();
        Assert.AreEqual(0, data.Length % 5);
        CollectionAssert.AreEqual(new[] { 0, 0, 2, 0, 0 }, data[..5], "'fn' is a keyword at 0:0");
        CollectionAssert.AreEqual(new[] { 0, 3, 1, 1, 1 }, data[5..10], "'f' is a function declaration");

        var hints = client.Request("textDocument/inlayHint", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(),
            ["range"] = Range(0, 0, 9, 0),
        })!.AsArray();
        var hint = hints.Single()!;
        Assert.AreEqual(": number", (string?)hint["label"]);
        Assert.AreEqual(3, (int)hint["position"]!["line"]!);
        Assert.AreEqual(5, (int)hint["position"]!["character"]!);
    }

    [TestMethod]
    public void CallHierarchyAndUnusedNameQuickFix()
    {
        using var client = Started("fn leaf() -> number { return 1; }\nfn mid() -> number { return leaf() + leaf(); }\nprint(mid());\n"
                                   + "fn spare(k: number) { let k2 = k; }\n");
        var item = client.Request("textDocument/prepareCallHierarchy", LspClient.At(1, 4))!.AsArray().Single()!;
        Assert.AreEqual("mid", (string?)item["name"]);
        var incoming = client.Request("callHierarchy/incomingCalls", new JsonObject { ["item"] = item.DeepClone() })!.AsArray();
        Assert.AreEqual("(top level)", (string?)incoming.Single()!["from"]!["name"]);
        var outgoing = client.Request("callHierarchy/outgoingCalls", new JsonObject { ["item"] = item.DeepClone() })!.AsArray().Single()!;
        Assert.AreEqual("leaf", (string?)outgoing["to"]!["name"]);
        Assert.HasCount(2, outgoing["fromRanges"]!.AsArray());

        var actions = client.Request("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(),
            ["range"] = Range(3, 0, 3, 40),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        })!.AsArray();
        var fix = actions.Single()!;
        Assert.AreEqual("quickfix", (string?)fix["kind"]);
        var edit = fix["edit"]!["changes"]![LspClient.Uri]!.AsArray().Single()!;
        Assert.AreEqual("_k2", (string?)edit["newText"]);
    }

    [TestMethod]
    public void BrokenSourceStillGetsDiagnosticsAndFeatures()
    {
        using var client = Started("let count = 1;\nprint(count);\nlet = ;\n");
        var diagnostics = client.Diagnostics();
        Assert.IsTrue(diagnostics.Any(d => ((string?)d!["code"])!.StartsWith("AT1", StringComparison.Ordinal)));
        StringAssert.Contains(Hover(client, 1, 7), "count");
        Assert.IsNull(client.Request("textDocument/hover", LspClient.At(900, 900)));
        Assert.IsNull(client.Request("textDocument/hover", LspClient.At(0, 0, "file:///not/open.atl")));
        Assert.IsEmpty(client.Request("textDocument/references", LspClient.At(50, 3))!.AsArray());
    }

    [TestMethod]
    public void MalformedMessagesAndUnknownMethodsGetErrorsAndTheServerKeepsGoing()
    {
        using var client = Started();
        client.WriteFrame(Encoding.UTF8.GetBytes("{this is not json"));
        var parseError = client.Next(m => m["error"] is not null && m["id"] is null);
        Assert.AreEqual(-32700, (int)parseError["error"]!["code"]!);
        client.WriteFrame(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":77}"));
        Assert.AreEqual(-32700, (int)client.Next(m => m["error"] is not null && m["id"] is null)["error"]!["code"]!);
        client.WriteRaw(Encoding.ASCII.GetBytes("Content-Type: text/plain\r\nnonsense\r\n\r\n"));
        var framing = client.Next(m => m["error"] is not null && m["id"] is null);
        StringAssert.Contains((string?)framing["error"]!["message"], "malformed header line 'nonsense'");
        var unknown = client.Send("atlas/noSuchMethod", new JsonObject());
        Assert.AreEqual(-32601, (int)unknown["error"]!["code"]!);
        var missing = client.Send("textDocument/hover", new JsonObject { ["textDocument"] = LspClient.Doc() });
        Assert.AreEqual(-32602, (int)missing["error"]!["code"]!);
        StringAssert.Contains((string?)missing["error"]!["message"], "'position' is missing");
        Assert.IsNull(missing["error"]!["data"], "no .NET stack trace in the reply");
        StringAssert.Contains(Hover(client, 4, 7), "let total: number");
    }

    [TestMethod]
    public void ShutdownThenExitEndsWithStatusZero()
    {
        using var client = Started();
        Assert.IsNull(client.Request("shutdown", null));
        client.Notify("exit", null);
        Assert.AreEqual(0, client.WaitForExit());
    }

    [TestMethod]
    public void ExitWithoutShutdownEndsWithStatusOne()
    {
        using var client = Started();
        client.Notify("exit", null);
        Assert.AreEqual(1, client.WaitForExit());
    }
}
