// The report's cutover clock: each timeline entry's planned T offset against when it was done.
import { formatOffset, parseOffset } from './duration.js';
import type { ReportContext } from './report-context.js';
import { table, text } from './report-markdown.js';
import { section } from './report-records.js';

const DONE = new Set(['pass', 'fail']);
/** Entries recorded as not done (a headless run marks manual ones not run): no time to compare. */
const NOT_DONE: Readonly<Record<string, string>> = { skip: 'skipped', 'not-run': 'not run' };

export function renderClock(ctx: ReportContext): string[] {
  const t0 = ctx.state.t0 ? Date.parse(ctx.state.t0) : undefined;
  const rows: string[][] = [];
  for (const s of ctx.checklist.sections) {
    for (const item of s.items) {
      if (!item.at) continue;
      const planned = parseOffset(item.at) ?? 0;
      const state = ctx.state.items[`${s.id}/${item.id}`];
      const doneAt = state && DONE.has(state.status) && state.markedAt ? Date.parse(state.markedAt) : undefined;
      let actual = (state && NOT_DONE[state.status]) ?? 'not done';
      let drift = '';
      if (doneAt !== undefined && t0 !== undefined) {
        actual = `${formatOffset(doneAt - t0)} (${state?.status})`;
        const late = Math.round((doneAt - t0 - planned) / 60_000);
        drift = late === 0 ? 'on time' : late > 0 ? `${late} min late` : `${-late} min early`;
      } else if (doneAt !== undefined) actual = `done, T0 not marked (${state?.status})`;
      rows.push([text(item.at), text(item.title), formatOffset(planned), actual, drift]);
    }
  }
  if (rows.length === 0) return [];
  const note = t0 === undefined ? ['T0 was not marked, so actual offsets cannot be computed.', ''] : [];
  return section('Cutover clock: planned against actual', [...note, table(['At', 'Entry', 'Planned', 'Actual', 'Drift'], rows)]);
}
