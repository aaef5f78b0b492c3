import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTui, startSession, tempEvidenceDir } from './helpers.js';
it('x', async () => {
  const session = await startSession(tempEvidenceDir(), { checklistPath: join(import.meta.dirname, '../../checklists/demo.yaml'), variables: {} });
  await session.assignRole('release-manager', { name: 'A' });
  await session.assignRole('ops-oncall', { name: 'B' });
  await session.markT0();
  const ui = renderTui({ session, columns: 60, rows: 20 });
  await ui.waitFor('overdue');
  await ui.press('\u001B[C');
  await ui.waitFor('2/11');
  await new Promise((d) => setTimeout(d, 300));
  writeFileSync('/tmp/frame.txt', ui.lastFrame() ?? '');
  await session.close();
});
