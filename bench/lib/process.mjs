// Runs one process to completion and times it from spawn to exit, optionally with its peak RSS
// (GNU time's %M: the largest resident set of the process or any child it waited for).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';

/** @returns {Promise<{ms: number, code: number|null, signal: string|null, stdout: string, stderr: string, peakRssMB?: number}>} */
export async function timeProcess(command, args, { cwd, env, peakRss = false } = {}) {
  const rssDir = peakRss ? mkdtempSync(join(tmpdir(), 'cutover-bench-rss-')) : undefined;
  const rssFile = rssDir && join(rssDir, 'rss');
  const [file, argv] = rssFile ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  try {
    const start = performance.now();
    const child = spawn(file, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    const [code, signal] = await new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (c, s) => resolve([c, s]));
    });
    const ms = performance.now() - start;
    const result = { ms, code, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
    if (rssFile) result.peakRssMB = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;
    return result;
  } finally {
    if (rssDir) rmSync(rssDir, { recursive: true, force: true });
  }
}

/** Throws with the process's own words when it did not exit 0. */
export function expectSuccess(what, result) {
  if (result.code === 0) return result;
  const said = `${result.stderr}\n${result.stdout}`.trim().split('\n').slice(-8).join('\n');
  throw new Error(`${what} exited ${result.code ?? result.signal}:\n${said}`);
}
