// Long titles, commands, reasons and output, as real runbooks have them: what an operator must
// read (the environment, the command that will run, why a check failed, which pass this is) is
// wrapped or kept, never silently cut or altered.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wrapExact, wrapText } from '../../src/ui/format.js';
import { ticketAndEnvironment } from '../../src/ui/layout/header.js';
import { sectionTitle } from '../../src/ui/screens/main/section-list.js';
import { arrowDown, arrowRight, enter, renderTui, resize, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const longText = join(import.meta.dirname, 'fixtures', 'long-text.yaml');
const sessions = sessionsClosedAfterEach();

async function open(columns: number, rows: number) {
  const session = await startSession(tempEvidenceDir(), { checklistPath: longText, ticket: 'CHG-2231', environment: 'production' });
  sessions.push(session);
  const ui = renderTui({ session, columns, rows });
  await ui.waitFor('Sections');
  return { session, ui };
}

describe('wrapping keeps every character', () => {
  it('a word longer than the line is broken, not shortened', () => {
    const lines = wrapText('host payments-ledger.example.com:5432 ok', 12);
    expect(lines.every((line) => line.length <= 12)).toBe(true);
    expect(lines.join(' ').replace(/ /g, '')).toBe('hostpayments-ledger.example.com:5432ok');
  });
  it('a command keeps its runs of spaces, and wide characters count two cells', () => {
    expect(wrapExact("echo 'a   b' c", 8).join('')).toBe("echo 'a   b' c");
    expect(wrapExact('日本語テキスト', 8)).toEqual(['日本語テ', 'キスト']);
  });
});

describe('long titles', () => {
  it('the header keeps ticket and environment whole; the checklist title gives way', async () => {
    const { ui } = await open(80, 24);
    const first = (ui.lastFrame() ?? '').split('\n')[0] ?? '';
    expect(first).toMatch(/^A very long checklist title.*… · CHG-2231 · production +T0 not marked$/);
    expect(ticketAndEnvironment('CHG-A-RATHER-LONG-ID', 'production', 22)).toBe('CHG-A-RA… · production');
  });

  it('"Parent / Child" sections stay distinct when cut: the parent gives way', async () => {
    expect(sectionTitle('Cutover Phases / Phase 2: Shadow Mode (Week 2-3)', 45)).toBe('Cutover Pha…/ Phase 2: Shadow Mode (Week 2-3)');
    expect(sectionTitle('Cutover Phases / Phase 2: Shadow Mode (Week 2-3)', 20)).toBe('…/ Phase 2: Shadow Mode (Week 2-3)');
    expect(sectionTitle('Short', 20)).toBe('Short');
    const { ui } = await open(80, 24);
    const frame = ui.lastFrame() ?? '';
    expect(frame).toMatch(/…\/ Phase 1: Base/);
    expect(frame).toMatch(/…\/ Phase 2: Shad/);
  });

  it('the detail pane shows the whole command as it will run (spaces, long host name, last step)', async () => {
    const { ui } = await open(80, 24);
    await ui.press(arrowRight);
    const frame = await ui.waitFor('expect: contains "THE-END"');
    const detail = frame
      .split('\n')
      .map((line) => line.split('│ ')[1] ?? '')
      .join('\n');
    expect(detail).toContain("$ echo 'a   b'");
    expect(detail.replace(/\n/g, '')).toContain('payments-ledger-new-2026.internal.example.com:5432/ledger?sslmode=verify-full');
    expect(detail).toContain('echo THE-END');
    expect(detail).toMatch(/^Every shard of the payments ledger answers with\nthe expected schema version/m);
  });

  it('a new pass stays visible next to a long section title', async () => {
    const { session, ui } = await open(80, 24);
    await session.startNewPass('smoke', 'after rollback');
    const frame = await ui.waitFor('— pass 2');
    expect(frame).toMatch(/Smoke checks for the payments.*… — pass 2/);
  });
});

describe('a failed run', () => {
  it('shows its whole reason and output line, wrapped, and at 40 columns the key that declares', async () => {
    const { ui } = await open(80, 24);
    await ui.press(arrowRight);
    await ui.press(arrowDown);
    await ui.press(enter);
    let frame = await ui.waitFor('✗ FAIL');
    expect(frame.replace(/\n/g, '')).toContain('connection refused to payments-ledger-new-2026.internal.example.com:5432 after 3 retries');
    expect(frame).toContain('press i to declare it');
    resize(ui.stdout, 40, 12);
    frame = await ui.waitFor('i declares SEV1');
    expect(frame.split('\n').every((line) => [...line].length <= 40)).toBe(true);
  });
});

describe('the full log', () => {
  it('wraps a long line instead of cutting it, and pages on from the first line not shown', async () => {
    const session = await startSession(tempEvidenceDir());
    sessions.push(session);
    const long = `${'x'.repeat(150)}END-OF-LONG-LINE`;
    const run = await session.runItem('smoke', 'ok', { command: `echo ${long}; seq 1 40` });
    const ui = renderTui({ session, screen: { name: 'pager', runId: run.runId, back: 'main' }, columns: 80, rows: 24 });
    let frame = await ui.waitFor((f) => /of [\d.]+ B \(\d+%\)/.test(f) && f.split('\n').every((l) => [...l].length <= 80));
    expect(frame.replace(/\n/g, '')).toContain(long);
    const last = Number([...frame.matchAll(/^(\d+)$/gm)].at(-1)?.[1]);
    await ui.press(' ');
    frame = await ui.waitFor((f) => !f.includes('ONG-LINE'));
    expect(frame).toMatch(new RegExp(`^${last + 1}$`, 'm'));
  });
});

