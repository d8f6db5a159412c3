// The "Nexi App2App" LogOutputChannel. Every message passes through the core redactor first, so a token,
// an assertion, a PEM block or a PAN never reaches the channel, whatever a caller passes in.
import * as vscode from 'vscode';
import { redact } from '../core/redact';

export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
  show(): void;
  /** Values that must never be logged verbatim (e.g. a client secret read for a call). */
  addKnownSecret(value: string): void;
}

export function createLogger(context: vscode.ExtensionContext): Logger {
  const channel = vscode.window.createOutputChannel('Nexi App2App', { log: true });
  context.subscriptions.push(channel);
  const known = new Set<string>();
  const clean = (m: string): string => redact(m, [...known]);
  return {
    trace: (m) => channel.trace(clean(m)),
    debug: (m) => channel.debug(clean(m)),
    info: (m) => channel.info(clean(m)),
    warn: (m) => channel.warn(clean(m)),
    error: (m) => channel.error(clean(m instanceof Error ? (m.stack ?? m.message) : m)),
    show: () => channel.show(true),
    addKnownSecret: (value) => {
      if (value.length >= 4) known.add(value);
    },
  };
}
