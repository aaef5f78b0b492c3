// Every bundled runbook opens in the TUI and its screens draw at 80x24 without crashing:
// sections, items, detail, roles and triage.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChecklist } from '../../src/services/checklist-loader.js';
import { CutoverSession } from '../../src/services/session.js';
import { repoRoot } from '../helpers/cli.js';
import { arrowDown, arrowRight, escape, renderTui, sessionsClosedAfterEach, tempEvidenceDir } from './helpers.js';

const dir = join(repoRoot, 'checklists');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const sessions = sessionsClosedAfterEach();

describe('bundled runbooks in the TUI', () => {
  it.each(files)('%s: every section, roles and triage draw within 80x24', async (file) => {
    const { checklist } = await loadChecklist(join(dir, file));
    const variables = Object.fromEntries(checklist.variables.filter((v) => v.required && v.default === undefined).map((v) => [v.name, 'x']));
    const session = await CutoverSession.start({ checklistPath: join(dir, file), evidenceDir: tempEvidenceDir(), ticket: 'CHG-1', environment: 'prod', operator: 'op', mode: 'drill', variables });
    sessions.push(session);
    const ui = renderTui({ session, columns: 80, rows: 24 });
    const fits = (f: string): boolean => f.split('\n').length <= 23 && f.split('\n').every((l) => [...l].length <= 80);
    await ui.waitFor((f) => f.includes(checklist.title.slice(0, 20)) && fits(f));
    for (const section of checklist.sections) {
      // the items pane is titled with the selected section
      const frame = await ui.waitFor((f) => f.includes(`  ${section.title.slice(0, 30)}`));
      expect(fits(frame)).toBe(true);
      ui.stdin.write(arrowDown);
    }
    await ui.press(arrowRight);
    await ui.press(arrowDown);
    for (const key of ['o', 'i']) {
      await ui.press(key);
      expect(fits(ui.lastFrame() ?? '')).toBe(true);
      await ui.press(escape);
      await ui.waitFor('Enter/r run');
    }
  });
});
