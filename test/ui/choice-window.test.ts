// A choice field on a narrow terminal scrolls with the chosen value instead of cutting it off.
import { describe, expect, it } from 'vitest';
import { choiceWindow } from '../../src/ui/widgets/form/choice-window.js';
import { renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const DECISIONS = ['keep', 'fix-forward', 'rollback', 'roll-forward', 'go', 'no-go', 'hold'];
const sessions = sessionsClosedAfterEach();

describe('choiceWindow', () => {
  it('shows every choice when they fit', () => {
    expect(choiceWindow(DECISIONS, 'keep', 80)).toEqual({ start: 0, end: 7, before: false, after: false });
  });

  it('keeps the chosen one in view, with markers for what is hidden', () => {
    const last = choiceWindow(DECISIONS, 'hold', 30);
    expect(last.end).toBe(7);
    expect(last.before).toBe(true);
    const middle = choiceWindow(DECISIONS, 'roll-forward', 30);
    expect(middle.start).toBeLessThanOrEqual(3);
    expect(middle.end).toBeGreaterThan(3);
    expect(middle.before && middle.after).toBe(true);
  });
});

describe('the decision form at 60 columns', () => {
  it('shows the chosen decision even when it is the last one', async () => {
    const session = await startSession(tempEvidenceDir());
    sessions.push(session);
    const ui = renderTui({ session, columns: 60, rows: 20 });
    await ui.waitFor('◀');
    await ui.press('d');
    await ui.waitFor('Record a decision');
    await ui.press('h');
    const frame = await ui.waitFor('[hold]');
    expect(frame).toMatch(/… .*\[hold\]/);
  });
});
