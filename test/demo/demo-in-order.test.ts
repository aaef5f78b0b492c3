// What a headless run does: every command item in checklist order. With no fault injected, each
// one must pass, including the rollback and roll-forward, and cleanup must leave nothing behind.
import { afterAll, expect, it } from 'vitest';
import { DemoSandbox, isRunning } from './demo-harness.js';

const box = new DemoSandbox('demo-in-order');
afterAll(() => box.dispose());

it('passes every command item in checklist order and cleans up after itself', () => {
  const ids = box.checklist.sections.flatMap((s) => s.items.filter((it) => it.run).map((it) => it.id));
  expect(ids.at(-1)).toBe('cleanup-stop');
  const pids = new Set<number>();
  const failures: string[] = [];
  for (const id of ids) {
    if (id === 'cleanup-stop') pids.add(box.servicePid());
    const run = box.item(id);
    if (!run.passed || run.ms >= 5000) failures.push(`${id} (exit ${run.code}, ${run.ms} ms): ${run.output}`);
    if (id === 'gate-start' || id === 'cutover-switch' || id === 'rollback-run') pids.add(box.servicePid());
  }
  expect(failures).toEqual([]);
  expect([...pids].filter(isRunning)).toEqual([]);
  expect(box.leftovers()).toEqual([]);
});
