// Tokenizes sample files with the TextMate grammar through vscode-textmate and vscode-oniguruma (the engine VS Code
// uses) and checks the scopes given to keywords, types, strings and escapes, numbers, comments and function names.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const grammarPath = path.join(__dirname, '..', 'syntaxes', 'atlas.tmLanguage.json');

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.atlas' ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  return registry.loadGrammar('source.atlas');
}

/** Every line's tokens as { text, scopes } (line-by-line, carrying the rule stack like an editor does). */
function tokenize(grammar, source) {
  let stack = vsctm.INITIAL;
  return source.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.substring(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The innermost scope of the first token on the line whose text is exactly `text`. */
function scopeOf(lines, lineIndex, text) {
  const token = lines[lineIndex].find((t) => t.text === text);
  assert.ok(token, `no token '${text}' on line ${lineIndex + 1}: ${JSON.stringify(lines[lineIndex])}`);
  return token.scopes[token.scopes.length - 1];
}

test('sample tokens get the expected scopes', async () => {
  const grammar = await loadGrammar();
  const lines = tokenize(grammar, fs.readFileSync(path.join(__dirname, 'samples', 'sample.atl'), 'utf8'));
  const expect = (line, text, scope) => assert.strictEqual(scopeOf(lines, line - 1, text), scope, `line ${line} '${text}'`);

  assert.ok(lines[0].every((t) => t.scopes.some((s) => s.startsWith('comment.line'))), 'line comment');
  assert.ok(lines[1].concat(lines[2]).every((t) => t.scopes.includes('comment.block.atlas')), 'block comment spans lines');
  expect(4, 'type', 'storage.type.type.atlas');
  expect(4, 'Pair', 'entity.name.type.atlas');
  expect(4, 'Option', 'support.type.atlas');
  expect(4, 'number', 'support.type.primitive.atlas');
  expect(5, 'fn', 'storage.type.function.atlas');
  expect(5, 'area', 'entity.name.function.atlas');
  expect(5, '->', 'keyword.operator.arrow.atlas');
  expect(6, 'return', 'keyword.control.atlas');
  expect(6, '*', 'keyword.operator.arithmetic.atlas');
  expect(8, 'let', 'storage.type.atlas');
  expect(8, '\\t', 'constant.character.escape.atlas');
  expect(8, '\\"', 'constant.character.escape.atlas');
  expect(8, '\\q', 'invalid.illegal.escape.atlas');
  expect(8, 'here ', 'string.quoted.double.atlas');
  expect(9, '3.5e2', 'constant.numeric.atlas');
  expect(10, 'if', 'keyword.control.atlas');
  expect(10, '>=', 'keyword.operator.comparison.atlas');
  expect(10, 'true', 'constant.language.atlas');
  expect(11, 'print', 'entity.name.function.call.atlas');
  expect(11, 'area', 'entity.name.function.call.atlas');
  expect(13, 'match', 'keyword.control.atlas');
  expect(13, 'Some', 'support.function.constructor.atlas');
  expect(14, '=>', 'keyword.operator.arrow.atlas');
  expect(15, 'null', 'constant.language.atlas');
  expect(17, 'naïve', 'variable.other.declaration.atlas');
});

test('every corpus and example program tokenizes, with no string or comment left open at the end', async () => {
  const grammar = await loadGrammar();
  const root = path.join(__dirname, '..', '..', '..');
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.atl')) files.push(full);
    }
  };
  walk(path.join(root, 'Atlas.Tests', 'Corpus', 'basics'));
  walk(path.join(root, 'Atlas.Tests', 'Corpus', 'strings'));
  walk(path.join(root, 'Atlas.Tests', 'Corpus', 'match'));
  walk(path.join(root, 'examples'));
  assert.ok(files.length > 20, `found only ${files.length} programs`);
  for (const file of files) {
    // A probe line after the program: if a string or block comment were left open, 'let' would not be a keyword.
    const lines = tokenize(grammar, fs.readFileSync(file, 'utf8').trimEnd() + '\nlet probe = 1;');
    assert.strictEqual(scopeOf(lines, lines.length - 1, 'let'), 'storage.type.atlas', `${file}: a string or comment is left open`);
    const keywordSeen = lines.slice(0, -1).some((l) => l.some((t) => t.scopes.some((s) => /^(keyword|storage|entity)/.test(s))));
    assert.ok(keywordSeen, `${file}: nothing recognised as a keyword or function`);
  }
});

test('the manifest contributes the language, its grammar, its configuration and the client', () => {
  const root = path.join(__dirname, '..');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const language = manifest.contributes.languages.find((l) => l.id === 'atlas');
  assert.deepStrictEqual(language.extensions, ['.atl']);
  const configuration = JSON.parse(fs.readFileSync(path.join(root, language.configuration), 'utf8'));
  assert.strictEqual(configuration.comments.lineComment, '//');
  assert.deepStrictEqual(configuration.comments.blockComment, ['/*', '*/']);
  const grammar = manifest.contributes.grammars.find((g) => g.language === 'atlas');
  assert.ok(fs.existsSync(path.join(root, grammar.path)), 'grammar file');
  assert.ok(fs.existsSync(path.join(root, manifest.main)), 'client entry point');
  assert.ok(manifest.dependencies['vscode-languageclient'], 'the client library is a dependency');
  assert.strictEqual(manifest.contributes.configuration.properties['atlas.server.path'].default, 'atlas');
});
