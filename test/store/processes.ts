// Spawning the store in real child processes (test/store/fixtures/store-child.mjs).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../helpers/cli.js';
import { bundleStore } from './fixtures/bundle-store.mjs';

const childScript = fileURLToPath(new URL('./fixtures/store-child.mjs', import.meta.url));

export async function buildStoreBundle(): Promise<string> {
  return bundleStore(join(tempDir('cutover-bundle-'), 'store.mjs'));
}

export type Command = 'open' | 'exit' | 'hold' | 'stream';

export interface Child {
  proc: ChildProcess;
  stdout: string;
  stderr: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once stdout contains `text` (rejects if the child exits first). */
  waitFor(text: string | RegExp): Promise<void>;
}

export function startChild(bundle: string, command: Command, evidencePath: string): Child {
  const proc = spawn(process.execPath, [childScript, bundle, command, evidencePath], { stdio: ['ignore', 'pipe', 'pipe'] });
  const child: Child = {
    proc,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal }))),
    waitFor: (text) =>
      new Promise((resolve, reject) => {
        const seen = () => (typeof text === 'string' ? child.stdout.includes(text) : text.test(child.stdout));
        if (seen()) return resolve();
        proc.stdout?.on('data', () => seen() && resolve());
        void child.exited.then(() => (seen() ? resolve() : reject(new Error(`child exited before "${String(text)}": ${child.stderr}`))));
      }),
  };
  proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => (child.stdout += chunk));
  proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => (child.stderr += chunk));
  return child;
}

export async function runChild(bundle: string, command: Command, evidencePath: string) {
  const child = startChild(bundle, command, evidencePath);
  const { code } = await child.exited;
  return { code, stdout: child.stdout, stderr: child.stderr };
}
