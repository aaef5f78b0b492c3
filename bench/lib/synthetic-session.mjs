// A synthetic evidence session on disk, laid out exactly as the store writes it (header + sealed
// event chain, checklist snapshot, per-run logs), built with the project's own domain code
// bundled by esbuild. Writing the file in one go instead of appending event by event (each
// fsynced) keeps the setup of a 10,000-event session to seconds.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledDomain, eventChain } from './event-chain.mjs';

const CHECKLIST = (items) => `id: bench-synthetic
title: Synthetic soak session
version: 1
sections:
  - id: smoke
    title: Smoke checks
    kind: smoke
    items:
${Array.from({ length: items }, (_, i) => `      - { id: check-${i}, title: Check ${i}, run: "curl -fsS https://svc.internal/health/${i}" }`).join('\n')}
`;

/** Varied, log-like text of about `bytes` bytes (compressible the way real service logs are). */
function logText(run, bytes) {
  const lines = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `2026-02-07T10:${String(i % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}.${String((run * 31 + i) % 1000).padStart(3, '0')}Z INFO request id=${(run * 7919 + i * 104729) % 1000003} path=/api/v1/orders/${(i * 37) % 5000} status=${i % 97 ? 200 : 503} duration_ms=${(run + i * 13) % 250}\n`;
    lines.push(line);
    size += line.length;
  }
  return lines.join('').slice(0, bytes);
}

/**
 * Writes `<dir>/<sessionId>.json` with `runs` command runs (2 events each, each log `logBytes`)
 * followed by `notes` note events; returns the evidence path and what it holds.
 */
export async function writeSyntheticSession(dir, workDir, { runs, logBytes, notes = 0 }) {
  const domain = await bundledDomain(workDir);
  const { renderDocument } = domain;
  const sessionId = 'bench-synthetic-20260207-100000-beef';
  const source = CHECKLIST(Math.min(runs, 50) || 1);
  mkdirSync(join(dir, `${sessionId}.runs`), { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, `${sessionId}.checklist.yaml`), source, { mode: 0o600 });
  const header = {
    format: 'cutover-evidence/1', sessionId, toolVersion: 'bench', createdAt: '2026-02-07T10:00:00.000Z',
    checklist: { id: 'bench-synthetic', title: 'Synthetic soak session', version: '1', sha256: createHash('sha256').update(source).digest('hex'), path: 'bench.yaml', snapshot: `${sessionId}.checklist.yaml` },
    host: 'bench', operator: 'bench', ticket: 'BENCH-1', environment: 'bench', mode: 'live', variables: {},
  };
  const { events, add } = eventChain(domain, header, 250);
  let totalLogBytes = 0;
  for (let r = 1; r <= runs; r++) {
    const runId = `r${String(r).padStart(4, '0')}`;
    const log = `${sessionId}.runs/${runId}.log`;
    const text = logText(r, logBytes);
    writeFileSync(join(dir, log), text, { mode: 0o600 });
    totalLogBytes += text.length;
    add({ type: 'command.started', runId, section: 'smoke', item: `check-${(r - 1) % 50}`, pass: 1, command: `curl -fsS https://svc.internal/health/${(r - 1) % 50}`, edited: false, purpose: 'watch', cwd: '/srv', log });
    add({
      type: 'command.finished', runId, exitCode: 0, signal: null, durationMs: 40 + (r % 17), timedOut: false, cancelled: false,
      stdoutBytes: text.length, stderrBytes: 0, logBytes: text.length, logSha256: createHash('sha256').update(text).digest('hex'),
      excerpt: { head: text.slice(0, 4096), tail: text.length > 4096 ? text.slice(Math.max(4096, text.length - 16384)) : '', truncated: text.length > 4096 + 16384 },
      redactions: 0, result: 'pass', reasons: [],
    });
  }
  for (let n = 1; n <= notes; n++) add({ type: 'note.added', section: 'smoke', text: `soak observation ${n}: p95 ${(n * 13) % 300} ms, error rate 0.0${n % 10}%` });
  const path = join(dir, `${sessionId}.json`);
  writeFileSync(path, renderDocument(header, events), { mode: 0o600 });
  return { path, events: events.length, logBytes: totalLogBytes, files: [`${sessionId}.json`, `${sessionId}.checklist.yaml`, `${sessionId}.runs`] };
}
