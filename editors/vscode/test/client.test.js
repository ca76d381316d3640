// Loads extension.js with stand-ins for the `vscode` API and the language client, and checks that activating it
// starts `atlas lsp` (or the configured command) over stdio for Atlas documents, and that deactivating stops it.
const test = require('node:test');
const assert = require('node:assert');
const Module = require('node:module');
const path = require('node:path');

function loadExtension(settings) {
  const started = [];
  const fakes = {
    vscode: {
      workspace: { getConfiguration: () => ({ get: (key, fallback) => (key in settings ? settings[key] : fallback) }) },
    },
    'vscode-languageclient/node': {
      TransportKind: { stdio: 0 },
      LanguageClient: class {
        constructor(id, name, serverOptions, clientOptions) {
          Object.assign(this, { id, name, serverOptions, clientOptions, running: false });
          started.push(this);
        }
        start() { this.running = true; return Promise.resolve(); }
        stop() { this.running = false; return Promise.resolve(); }
      },
    },
  };
  const originalLoad = Module._load;
  Module._load = function load(request, parent, isMain) {
    return request in fakes ? fakes[request] : originalLoad.call(this, request, parent, isMain);
  };
  try {
    const file = path.join(__dirname, '..', 'extension.js');
    delete require.cache[require.resolve(file)];
    return { extension: require(file), started };
  } finally {
    Module._load = originalLoad;
  }
}

test('the real language client library is installed', () => {
  assert.ok(require.resolve('vscode-languageclient/node'));
});

test('activation starts `atlas lsp` for Atlas documents; deactivation stops it', async () => {
  const { extension, started } = loadExtension({});
  await extension.activate();
  assert.strictEqual(started.length, 1);
  const client = started[0];
  assert.deepStrictEqual(client.serverOptions, { command: 'atlas', args: ['lsp'], transport: 0 });
  assert.ok(client.clientOptions.documentSelector.some((s) => s.language === 'atlas' && s.scheme === 'file'));
  assert.ok(client.running);
  await extension.deactivate();
  assert.ok(!client.running);
});

test('the server command and arguments come from the settings', async () => {
  const { extension, started } = loadExtension({ 'server.path': 'dotnet', 'server.args': ['/opt/atlas/atlas.dll'] });
  await extension.activate();
  assert.strictEqual(started[0].serverOptions.command, 'dotnet');
  assert.deepStrictEqual(started[0].serverOptions.args, ['/opt/atlas/atlas.dll', 'lsp']);
});
