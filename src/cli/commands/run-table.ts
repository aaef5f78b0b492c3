// Output of a headless run: a compact table streamed row by row (so CI logs show progress), then
// totals and the evidence path; or, with --json, one object at the end and nothing else.
import { formatDuration } from '../../domain/duration.js';
import { columnsOf, fitColumns, oneLine } from '../../domain/plain-text.js';
import type { PlannedItem } from './run-plan.js';

export type RowResult = 'pass' | 'fail' | 'not-run' | 'refused' | 'locked' | 'cancelled';

export interface Row {
  section: string;
  item: string;
  title: string;
  result: RowResult;
  exitCode: number | null;
  durationMs: number;
  runId: string | null;
  note?: string;
}

const FAILED: ReadonlySet<RowResult> = new Set(['fail', 'refused', 'locked', 'cancelled']);

export function tally(rows: Row[]): { passed: number; failed: number; skipped: number } {
  return {
    passed: rows.filter((r) => r.result === 'pass').length,
    failed: rows.filter((r) => FAILED.has(r.result)).length,
    skipped: rows.filter((r) => r.result === 'not-run').length,
  };
}

const LABEL: Record<RowResult, string> = { pass: 'pass', fail: 'FAIL', 'not-run': 'not run', refused: 'REFUSED', locked: 'LOCKED', cancelled: 'CANCELLED' };

const fit = fitColumns;

export class RunTable {
  private readonly itemWidth: number;
  private readonly titleWidth = 34;
  /** The start of the row being run, while its result is not written yet. */
  private openRow?: string;
  private rowBroken = false;

  constructor(
    private readonly out: (text: string) => void,
    plan: PlannedItem[],
  ) {
    this.itemWidth = Math.min(36, Math.max(4, ...plan.map((p) => columnsOf(`${p.section.id}/${p.item.id}`))));
  }

  header(): void {
    this.out(`${fit('ITEM', this.itemWidth)}  ${fit('TITLE', this.titleWidth)}  ${'RESULT'.padEnd(9)}  ${'EXIT'.padStart(4)}  DURATION\n`);
  }

  /** Written when the item starts, so a long check shows what it is waiting for. */
  start(p: PlannedItem): void {
    this.openRow = `${fit(`${p.section.id}/${p.item.id}`, this.itemWidth)}  ${fit(p.item.title, this.titleWidth)}  `;
    this.rowBroken = false;
    this.out(this.openRow);
  }

  /** Ends a half-written row so that a notice gets its own line; the row is written again when it finishes. */
  breakRow(): void {
    if (this.openRow === undefined || this.rowBroken) return;
    this.rowBroken = true;
    this.out('\n');
  }

  finish(row: Row): void {
    const exit = row.exitCode === null ? '-' : String(row.exitCode);
    const duration = row.runId ? formatDuration(row.durationMs) : '';
    const line = `${LABEL[row.result].padEnd(9)}  ${exit.padStart(4)}  ${duration.padEnd(8)}${row.note ? `  ${oneLine(row.note)}` : ''}`;
    const again = this.rowBroken && this.openRow !== undefined ? this.openRow : '';
    this.openRow = undefined;
    this.rowBroken = false;
    this.out(`${again}${line.trimEnd()}\n`);
  }

  line(text: string): void {
    this.out(`${text}\n`);
  }

  /** A line naming things that come from the checklist or flags (titles, ticket): shown as plain text. */
  plainLine(text: string): void {
    this.line(oneLine(text));
  }
}

export function totalsLine(rows: Row[], elapsedMs: number): string {
  const { passed, failed, skipped } = tally(rows);
  const parts = [`${passed} passed`, `${failed} failed`, `${skipped} not run`];
  return `${parts.join(', ')} in ${formatDuration(elapsedMs)}`;
}
