// Drives `flinklint lsp` with the LSP client library of VS Code's extensions
// (vscode-languageserver-protocol over vscode-jsonrpc, pinned in package-lock.json): a buffer with
// a known error gets its diagnostic at the right range (on a line with non-ASCII text: positions are
// UTF-16 code units), a quick fix is applied to the buffer, the diagnostics clear; then hover and
// completion. Run by tests/unit/cli/lsp_client_test.cpp: node client.js FLINKLINT SCRATCH_DIR
'use strict';
const assert = require('node:assert/strict');
const childProcess = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const rpc = require('vscode-languageserver-protocol/node');

const [binary, scratch] = process.argv.slice(2);

// JavaScript strings are UTF-16: a position's character is an index into the line as it is.
function offsetAt(text, position) {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset += lines[i].length + 1;
  return offset + position.character;
}

function positionAt(text, offset) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function rangeOf(text, needle) {
  const at = text.indexOf(needle);
  assert.notEqual(at, -1, `${needle} is not in the buffer`);
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

function applyEdits(text, edits) {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  for (const edit of sorted)
    text = text.slice(0, offsetAt(text, edit.range.start)) + edit.newText + text.slice(offsetAt(text, edit.range.end));
  return text;
}

// The buffer, not the file on disk, is what is linted; its fix is a preferred quick fix whose
// edit, applied at the UTF-16 positions given, leaves a buffer without findings.
async function fixesADiagnostic(connection, diagnosticsOf) {
  const file = path.join(scratch, 'fix', 'config.yaml');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'parallelism.default: 1\n');
  const text = '# Größe 😀\nparallelism.default: 1\ntaskmanager: {host: "Grüße 😀", memory.process.size: 2GiB}\n';
  const uri = pathToFileURL(file).href;
  const opened = diagnosticsOf(uri, 1);
  await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type,
                                    { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const diagnostics = await opened;
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  const [finding] = diagnostics;
  assert.equal(finding.source, 'flinklint');
  assert.equal(finding.severity, rpc.DiagnosticSeverity.Error);
  assert.deepEqual(finding.range, rangeOf(text, '2GiB'));

  const actions = await connection.sendRequest(rpc.CodeActionRequest.type, {
    textDocument: { uri },
    range: finding.range,
    context: { diagnostics: [finding], only: [rpc.CodeActionKind.QuickFix] },
  });
  // The fix, then the suppression comment.
  assert.deepEqual(actions.map((a) => a.title),
                   ['write `2g` (the same size as 2GiB)', 'Disable FL102 (invalid-value) for this line']);
  const [fix] = actions;
  assert.equal(fix.kind, rpc.CodeActionKind.QuickFix);
  assert.equal(fix.isPreferred, true);
  assert.equal(fix.diagnostics[0].code, finding.code);
  const [change] = fix.edit.documentChanges;
  assert.deepEqual(change.textDocument, { uri, version: 1 });
  const fixed = applyEdits(text, change.edits);
  assert.equal(fixed, text.replace('2GiB', '2g'));

  const cleared = diagnosticsOf(uri, 2);
  await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type,
                                    { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
  assert.deepEqual(await cleared, []);
  await connection.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
}

// Hover on a key shows its option; completion below a nested key offers the rest of the keys
// under it, even while the half-typed line keeps the YAML from parsing.
async function hoversAndCompletes(connection, diagnosticsOf) {
  const file = path.join(scratch, 'hover', 'config.yaml');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = 'taskmanager:\n  numberOfTaskSlots: 2\n  memory.proc\n';
  const uri = pathToFileURL(file).href;
  const opened = diagnosticsOf(uri, 1);
  await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type,
                                    { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await opened;

  const hover = await connection.sendRequest(rpc.HoverRequest.type, {
    textDocument: { uri },
    position: positionAt(text, text.indexOf('numberOfTaskSlots') + 3),
  });
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /`taskmanager\.numberOfTaskSlots`/);
  assert.match(hover.contents.value, /Type: `Integer` · default `1`/);
  assert.deepEqual(hover.range, rangeOf(text, 'numberOfTaskSlots'));

  const end = text.indexOf('memory.proc') + 'memory.proc'.length;
  const completion = await connection.sendRequest(rpc.CompletionRequest.type,
                                                   { textDocument: { uri }, position: positionAt(text, end) });
  const item = completion.items.find((i) => i.label === 'memory.process.size');
  assert.ok(item, JSON.stringify(completion.items.map((i) => i.label)));
  assert.ok(completion.items.every((i) => i.label.startsWith('memory.proc')));
  assert.deepEqual(item.textEdit, { range: rangeOf(text, 'memory.proc'), newText: 'memory.process.size: ' });
}

async function main() {
  // A never-ending session fails with a message rather than at ctest's timeout.
  const watchdog = setTimeout(() => { console.error('no answer from flinklint lsp within 60 s'); process.exit(1); }, 60000);
  const child = childProcess.spawn(binary, ['lsp', '--stdio'], { cwd: scratch, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout),
                                                  new rpc.StreamMessageWriter(child.stdin));
  const waiting = [];
  connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
    for (const w of waiting.filter((w) => w.uri === params.uri && w.version === params.version)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(params.diagnostics);
    }
  });
  connection.listen();
  const diagnosticsOf = (uri, version) => new Promise((resolve) => waiting.push({ uri, version, resolve }));

  const init = await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(scratch).href,
    capabilities: { workspace: { workspaceEdit: { documentChanges: true } } },
  });
  assert.equal(init.capabilities.textDocumentSync.change, rpc.TextDocumentSyncKind.Full);
  assert.equal(init.serverInfo.name, 'flinklint');
  await connection.sendNotification(rpc.InitializedNotification.type, {});

  await fixesADiagnostic(connection, diagnosticsOf);
  await hoversAndCompletes(connection, diagnosticsOf);

  await connection.sendRequest(rpc.ShutdownRequest.type);
  await connection.sendNotification(rpc.ExitNotification.type);
  assert.equal(await exited, 0, 'flinklint lsp exits 0 after shutdown and exit');
  clearTimeout(watchdog);
  console.log('ok');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
