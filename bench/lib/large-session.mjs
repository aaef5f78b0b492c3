// A long session on disk for the large-TUI bench: a checklist snapshot plus an evidence file of
// `events` events (command runs, soak runs piling up on a few watched items, notes, marks,
// incidents, cursor moves), laid out exactly as the store writes it. Built with the project's own
// hash-chain code, written in one go: seconds, not an fsync per event. The bench passes that code
// bundled by esbuild (`bundledDomain`, event-chain.mjs); the large-* UI tests pass the TypeScript modules.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { eventChain } from './event-chain.mjs';

const excerptOf = (text) => ({ head: text, tail: '', truncated: false });

/**
 * `domain`: { sealEvent, headerHash, renderDocument, parseChecklistText } as src/domain exports them.
 * Writes `<dir>/<sessionId>.json` for `checklistPath` with about `events` events (at least the few
 * that start the session). Returns the evidence path, the checklist, and the watched item with the
 * most runs (`busiest`: `{ section, item }`), where the session's cursor was left.
 */
export function writeLargeSession(dir, domain, { checklistPath, events: wanted, sessionId, mode = 'drill' }) {
  const { renderDocument, parseChecklistText } = domain;
  const source = readFileSync(checklistPath, 'utf8');
  const parsed = parseChecklistText(source, checklistPath);
  if (!parsed.ok) throw new Error(`could not read ${checklistPath}: ${JSON.stringify(parsed.diagnostics).slice(0, 400)}`);
  const { checklist } = parsed;
  mkdirSync(join(dir, `${sessionId}.runs`), { recursive: true, mode: 0o700 });
  const snapshot = `${sessionId}.checklist.yaml`;
  writeFileSync(join(dir, snapshot), source, { mode: 0o600 });
  const header = {
    format: 'cutover-evidence/1', sessionId, toolVersion: 'bench', createdAt: '2026-11-22T22:00:00.000Z',
    checklist: { id: checklist.id, title: checklist.title, version: checklist.version, sha256: createHash('sha256').update(source).digest('hex'), path: resolve(checklistPath), snapshot },
    host: 'bench', operator: 'bench', ticket: 'BENCH-LARGE', environment: 'bench', mode, variables: {},
  };
  const { events: out, add, now } = eventChain(domain, header, 900);
  const items = checklist.sections.flatMap((section) => section.items.map((item) => ({ section, item })));
  const runnable = items.filter(({ item }) => item.run);
  const manual = items.filter(({ item }) => !item.run);
  const watched = runnable.filter(({ item }) => item.watch);
  let runs = 0;
  const run = ({ section, item }, purpose, fail = false) => {
    const runId = `r${String(++runs).padStart(5, '0')}`;
    const log = `${sessionId}.runs/${runId}.log`;
    const text = fail ? `error: ${item.id} not ready (attempt ${runs})\n` : `ok ${item.id} 200 in ${40 + (runs % 50)} ms\nall-ready\n`;
    writeFileSync(join(dir, log), text, { mode: 0o600 });
    add({ type: 'command.started', runId, section: section.id, item: item.id, pass: 1, command: item.run, edited: false, purpose, cwd: '/srv', log, shell: '/bin/sh -e -c' });
    add({
      type: 'command.finished', runId, exitCode: fail ? 1 : 0, signal: null, durationMs: 40 + (runs % 170), timedOut: false, cancelled: false,
      stdoutBytes: text.length, stderrBytes: 0, logBytes: text.length, logSha256: createHash('sha256').update(text).digest('hex'),
      excerpt: excerptOf(text), redactions: 0, result: fail ? 'fail' : 'pass', reasons: fail ? ['exit code 1, expected 0'] : [],
    });
  };

  add({ type: 'session.started', pid: 4242, argv: ['open', checklistPath] });
  for (const role of checklist.roles) add({ type: 'role.assigned', role: role.id, name: `${role.title} on duty`, contact: '', backup: '', tbd: false });
  add({ type: 't0.marked', at: now() });
  let incidents = 0;
  let soaks = 0;
  for (let round = 0; out.length < wanted; round++) {
    // A walk through the runbook: every check run (a few fail and are run again), manual items
    // marked, a note now and then, a soak run of each watched item, an incident declared and resolved.
    for (let k = 0; k < runnable.length && out.length < wanted; k++) {
      const failing = (k + round) % 23 === 0;
      run(runnable[k], 'check', failing);
      if (k % 9 === 0) add({ type: 'note.added', section: runnable[k].section.id, item: runnable[k].item.id, text: `round ${round + 1}: looked at the dashboards for ${runnable[k].item.id}, nothing unusual` });
      if (k % 40 === 0) add({ type: 'cursor.moved', section: runnable[k].section.id, item: runnable[k].item.id });
      if (k % 30 === 0 && watched.length) {
        // a whole soak (20 runs, then its mark) on one of the first four watched items: those pile up runs
        const soak = watched[soaks++ % Math.min(4, watched.length)];
        for (let n = 0; n < 20; n++) run(soak, 'watch');
        add({ type: 'item.marked', section: soak.section.id, item: soak.item.id, pass: 1, status: 'pass', note: 'soak: 20/20 passed' });
      }
      if (k % 150 === 75) {
        const incidentId = `INC-${++incidents}`;
        add({ type: 'incident.declared', incidentId, severity: incidents % 3 ? 'SEV2' : 'SEV1', title: `${runnable[k].item.title} flapped`, description: 'seen on the dashboards', section: runnable[k].section.id, item: runnable[k].item.id });
        if (incidents % 4) add({ type: 'incident.resolved', incidentId, note: 'recovered by itself after the retry' });
      }
    }
    for (const { section, item } of manual) if (out.length < wanted) add({ type: 'item.marked', section: section.id, item: item.id, pass: 1, status: round % 7 === 3 ? 'skip' : 'pass', note: '' });
  }
  // The operator left off on the item with the most runs: a resume opens its detail.
  const busiest = watched[0] ?? runnable[0];
  add({ type: 'cursor.moved', section: busiest.section.id, item: busiest.item.id });
  add({ type: 'session.left', reason: 'operator quit (q)' });
  const path = join(dir, `${sessionId}.json`);
  writeFileSync(path, renderDocument(header, out), { mode: 0o600 });
  return { path, events: out.length, runs, incidents, checklist, file: basename(path), busiest: { section: busiest.section.id, item: busiest.item.id } };
}
