// Runs one bench script as a child process in its own process group: its stderr (progress) is
// passed through, its stdout collected; past the time limit the whole group is killed.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** @returns {Promise<{code: number|null, signal: string|null, stdout: string, stderr: string, ms: number, timedOut: boolean, interrupted: boolean}>} */
export function runScript(path, args, { timeoutMs }) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [path, ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const stdout = [];
    const stderr = [];
    let timedOut = false;
    let interrupted = false;
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => {
      stderr.push(chunk);
      process.stderr.write(chunk);
    });
    const kill = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill('SIGTERM');
      setTimeout(() => kill('SIGKILL'), 2000).unref();
    }, timeoutMs);
    // If the bench itself is interrupted, take the script (and what it started) down with it.
    const onSignal = () => {
      interrupted = true;
      kill('SIGTERM');
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve({ code, signal, timedOut, interrupted, ms: performance.now() - start, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}
