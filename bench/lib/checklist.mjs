// Generated checklists for the benchmarks: one smoke section of automated items. JSON is valid
// YAML, so the file can carry the usual .yaml name.
import { writeFileSync } from 'node:fs';

/** @param {Array<{id: string, title: string, run: string}>} items */
export function writeSmokeChecklist(path, { id, title, items }) {
  const checklist = { id, title, version: '1', sections: [{ id: 'smoke', title: 'Smoke checks', kind: 'smoke', items }] };
  writeFileSync(path, `${JSON.stringify(checklist, null, 1)}\n`);
  return path;
}
