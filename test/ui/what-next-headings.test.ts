// Found walking the demo at 80x24 and 50x16: the roles heading was cut after one line (at 80
// columns it lost which roles block T0; at 50 it lost "Esc: the checklist, t marks T0"), the
// sign-off heading lost what is being signed, at 50 columns empty contact and backup columns
// cut the role titles to "Runtime o…" and "Rollback …", and the decision form cut the
// recommendation being decided on ("HOLD — 1 check failed in gates: No-Go policy: any…").
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CutoverSession } from '../../src/services/session.js';
import type { Screen } from '../../src/ui/app/screens.js';
import { renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const demo = join(import.meta.dirname, '..', '..', 'checklists', 'demo.yaml');
const sessions = sessionsClosedAfterEach();

async function open(screen: Screen, columns: number, rows: number, prepare?: (session: CutoverSession) => Promise<void>) {
  const session = await startSession(tempEvidenceDir(), { checklistPath: demo });
  sessions.push(session);
  await prepare?.(session);
  const ui = renderTui({ session, screen, columns, rows });
  // the first frame is drawn before the terminal's size is set
  const fits = (frame: string): boolean => frame.split('\n').every((line) => [...line].length <= columns);
  return { ...ui, waitFor: (text: string) => ui.waitFor((frame) => frame.includes(text) && fits(frame)) };
}

/** The heading's lines (those above the table's header row), joined as one text. */
function headingOf(frame: string, tableHeader: RegExp): string {
  const lines = frame.split('\n');
  const at = lines.findIndex((line) => tableHeader.test(line));
  const start = lines.findIndex((line) => /^(Roles|Sign-off)/.test(line));
  return lines
    .slice(start, at)
    .map((line) => line.trim())
    .join(' ');
}

describe('headings that say what happens next', () => {
  it('roles at 80x24 name every role that blocks T0', async () => {
    const ui = await open({ name: 'roles' }, 80, 24);
    const frame = await ui.waitFor('T0 is blocked');
    expect(headingOf(frame, /^\s+role\s+req/)).toBe('Roles — T0 is blocked until these are filled or acknowledged TBD: Release manager, Ops on-call');
  });

  it('roles at 50x16, once filled, still say Esc goes to the checklist and t marks T0', async () => {
    const ui = await open({ name: 'roles' }, 50, 16, async (session) => {
      await session.assignRole('release-manager', { name: '', tbd: true });
      await session.assignRole('ops-oncall', { name: '', tbd: true });
    });
    const frame = await ui.waitFor('every required role');
    expect(headingOf(frame, /^\s+role\s+req/)).toContain('Esc: the checklist (t marks T0 once the cutover is executed)');
  });

  it('roles at 50x16 give empty contact and backup columns to the role titles', async () => {
    const ui = await open({ name: 'roles' }, 50, 16);
    const frame = await ui.waitFor('T0 is blocked');
    expect(frame).toContain('Rollback owner (legacy');
    expect(frame).toContain('Runtime owner (new');
    expect(frame).not.toContain('contact');
  });

  it('roles at 50x16 keep the contact column once a contact is recorded', async () => {
    const ui = await open({ name: 'roles' }, 50, 16, async (session) => {
      await session.assignRole('ops-oncall', { name: 'Dana', contact: '+1 555 0100' });
    });
    const frame = await ui.waitFor('T0 is blocked');
    expect(frame).toContain('contact');
  });

  it('sign-off at 80x24 says what the role signs and which key signs', async () => {
    const ui = await open({ name: 'signoff', roleId: 'ops-oncall' }, 80, 24);
    const frame = await ui.waitFor('Sign-off');
    expect(headingOf(frame, /^\s+role\s+signed by/)).toBe('Sign-off — Ops on-call: gate, smoke and soak results attached (Enter signs for the selected role)');
  });

  it('the decision form at 50x16 shows the whole recommendation being decided on', async () => {
    const ui = await open({ name: 'decision' }, 50, 16, async (session) => {
      await session.declareIncident({ severity: 'SEV0', title: 'writes corrupt' });
    });
    const frame = await ui.waitFor('Record a decision');
    const lines = frame.split('\n');
    const at = lines.findIndex((line) => line.startsWith('Record a decision'));
    const shown = lines.slice(at + 1, at + 4).map((line) => line.trim()).join(' ');
    expect(shown).toContain(`ROLLBACK RECOMMENDED — SEV0 open: any SEV0 => rollback`);
  });
});
