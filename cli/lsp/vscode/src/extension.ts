// Starts `flinklint lsp` over stdio for the YAML files of the workspace; everything else
// (diagnostics, quick fixes, hover, completion) is the server's (docs/editors.md).
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

function executable(): string {
  const configured = vscode.workspace.getConfiguration('flinklint').get<string>('path', 'flinklint').trim();
  return configured === '' ? 'flinklint' : configured;
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  // TransportKind.stdio adds `--stdio`, which `flinklint lsp` accepts.
  const serverOptions: ServerOptions = { command: executable(), args: ['lsp'], transport: TransportKind.stdio };
  // The server tells flink-conf.yaml, config.yaml and manifests from other YAML itself, and answers
  // the others with no findings, so every YAML file on disk or unsaved goes to it.
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
  };
  client = new LanguageClient('flinklint', 'flinklint', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(
      `flinklint: could not start "${executable()} lsp" (${message}); set flinklint.path to the flinklint executable.`,
    );
  }
  context.subscriptions.push(client);
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  try {
    await running?.stop();
  } catch {
    // A server that never started has nothing to stop.
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('flinklint.path')) return;
      await stop();
      await start(context);
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}
