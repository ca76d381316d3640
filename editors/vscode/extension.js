// The VS Code client: starts `atlas lsp` (command and arguments from the atlas.server.* settings) for .atl files.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate() {
  const config = vscode.workspace.getConfiguration('atlas');
  const command = config.get('server.path', 'atlas');
  const args = [...config.get('server.args', []), 'lsp'];
  const serverOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'atlas' },
      { scheme: 'untitled', language: 'atlas' },
    ],
  };
  client = new LanguageClient('atlas', 'Atlas Language Server', serverOptions, clientOptions);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
