// Loads the entry point of the packaged VS Code extension (cli/lsp/vscode, unzipped from its .vsix)
// with stand-ins for the `vscode` API and vscode-languageclient's LanguageClient, which only exist
// inside VS Code, and checks what it asks the client to start: `flinklint lsp` over stdio for YAML
// buffers, then the executable of `flinklint.path` once that setting changes, and an error that names
// the setting when that executable does not start.
// Run by tests/unit/cli/vscode_extension_test.cpp: node vscode_extension.js UNZIPPED_VSIX_DIR
'use strict';
const assert = require('node:assert/strict');
const Module = require('node:module');
const path = require('node:path');

const [unzipped] = process.argv.slice(2);
const extension = path.join(unzipped, 'extension');
const manifest = require(path.join(extension, 'package.json'));

const settings = { path: 'flinklint' };
const configurationListeners = [];
const clients = [];
const errors = [];
const vscode = {
  workspace: {
    getConfiguration: (section) => {
      assert.equal(section, 'flinklint');
      return { get: (key, fallback) => (key in settings ? settings[key] : fallback) };
    },
    onDidChangeConfiguration: (listener) => {
      configurationListeners.push(listener);
      return { dispose() {} };
    },
  },
  window: { showErrorMessage: (message) => { errors.push(message); } },
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'vscode') return 'vscode';
  return resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };

// vscode-languageclient needs VS Code's classes as it loads: the stand-in has what the extension
// uses, TransportKind as the library declares it and a LanguageClient that records its options.
const languageClientPath = require.resolve('vscode-languageclient/node', { paths: [extension] });
const TransportKind = { stdio: 0, ipc: 1, pipe: 2, socket: 3 };
assert.match(require('node:fs').readFileSync(languageClientPath, 'utf8'), /TransportKind\["stdio"\] = 0\]/);
class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions, state: 'new' });
    clients.push(this);
  }
  // As the library does when the executable cannot be spawned: start rejects, stop then too.
  async start() {
    if (this.serverOptions.command === '/nonexistent/flinklint') {
      this.state = 'failed';
      throw new Error('spawn /nonexistent/flinklint ENOENT');
    }
    this.state = 'running';
  }
  async stop() {
    if (this.state === 'failed') throw new Error('Client is not running');
    this.state = 'stopped';
  }
  dispose() {}
}
const languageClient = { LanguageClient, TransportKind };

require.cache[languageClientPath] = { id: languageClientPath, filename: languageClientPath, loaded: true, exports: languageClient };

async function main() {
  const entry = require(path.join(extension, manifest.main));
  const context = { subscriptions: [] };
  await entry.activate(context);

  assert.equal(clients.length, 1);
  const [first] = clients;
  assert.equal(first.state, 'running');
  assert.deepEqual(first.serverOptions, { command: 'flinklint', args: ['lsp'], transport: TransportKind.stdio });
  assert.ok(first.clientOptions.documentSelector.some((s) => s.language === 'yaml' && s.scheme === 'file'),
            JSON.stringify(first.clientOptions.documentSelector));

  // A change of flinklint.path stops the running server and starts the one named.
  settings.path = '/opt/flinklint/bin/flinklint';
  for (const listener of configurationListeners)
    await listener({ affectsConfiguration: (name) => name === 'flinklint.path' });
  assert.equal(clients.length, 2);
  assert.equal(first.state, 'stopped');
  assert.equal(clients[1].state, 'running');
  assert.equal(clients[1].serverOptions.command, '/opt/flinklint/bin/flinklint');

  // Other settings leave it alone.
  for (const listener of configurationListeners) await listener({ affectsConfiguration: () => false });
  assert.equal(clients.length, 2);
  assert.deepEqual(errors, []);

  // An executable that does not start is reported with the setting to fix; the next change recovers.
  const changePath = async (value) => {
    settings.path = value;
    for (const listener of configurationListeners)
      await listener({ affectsConfiguration: (name) => name === 'flinklint.path' });
  };
  await changePath('/nonexistent/flinklint');
  assert.equal(errors.length, 1);
  assert.match(errors[0], /\/nonexistent\/flinklint lsp.*ENOENT.*flinklint\.path/);
  await changePath('flinklint');
  assert.equal(clients.at(-1).state, 'running');
  assert.equal(clients.at(-1).serverOptions.command, 'flinklint');

  await entry.deactivate();
  assert.equal(clients.at(-1).state, 'stopped');
  console.log('ok');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
