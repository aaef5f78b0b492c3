// Found starting runtime-authority-cutover at 80x24: a 20-character variable name ran into its
// value ("rust_runtime_servicerust-svc"), a longer one was cut with no way to read it whole, and
// "variable db_url is required" stayed under the form after db_url was typed in; and on
// cp8-rust-runtime-cutover what gateway_health_cmd must be was cut after one line with ten rows free.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { defaultServices } from '../../src/ui/app/tui-services.js';
import { ctrlS, ctrlU, fixture, renderTui, shiftTab, tempEvidenceDir } from './helpers.js';

const longLabels = join(import.meta.dirname, 'fixtures', 'long-labels.yaml');
afterEach(() => cleanup());

async function form(columns: number) {
  const dir = tempEvidenceDir();
  const ui = renderTui({ services: defaultServices(dir), evidenceDir: dir, columns, rows: 24, screen: { name: 'new-session', ref: longLabels, prefill: { ticket: 'CHG-1', environment: 'prod' }, fromHome: false } });
  await ui.waitFor((frame) => frame.includes('Start session') && frame.split('\n').every((line) => [...line].length <= columns));
  return ui;
}

describe('form labels', () => {
  it('keep a space between a variable name and its value', async () => {
    const ui = await form(80);
    expect(ui.lastFrame()).toMatch(/rust_runtime_service +rust-svc/);
    expect(ui.lastFrame()).toMatch(/legacy_runtime_servic\S*… +legacy@example\.iam/);
  });

  it('name a cut variable in full when it is focused', async () => {
    const ui = await form(80);
    await ui.press(shiftTab); // from Start session to the last variable
    // the hint line below the fields: the whole name first, then what it is
    await ui.waitFor('legacy_runtime_service_account_email: service account');
  });

  it('a problem with a field is no longer told once that field is edited', async () => {
    const dir = tempEvidenceDir();
    const ui = renderTui({ services: defaultServices(dir), evidenceDir: dir, screen: { name: 'new-session', ref: fixture, prefill: { ticket: 'CHG-1', environment: 'prod' }, fromHome: false } });
    await ui.waitFor('Start session');
    for (let i = 0; i < 2; i++) await ui.press('\u001B[A'); // from Start up to region
    await ui.press(ctrlU);
    await ui.press(ctrlS);
    await ui.waitFor('variable region is required');
    ui.stdin.write('eu-central-1');
    const frame = await ui.waitFor('eu-central-1');
    expect(frame).not.toContain('variable region is required');
  });

  it('what to type in the focused field wraps onto the rows the form leaves', async () => {
    const dir = tempEvidenceDir();
    const cp8 = join(import.meta.dirname, '..', '..', 'checklists', 'cp8-rust-runtime-cutover.yaml');
    const ui = renderTui({ services: defaultServices(dir), evidenceDir: dir, columns: 80, rows: 24, screen: { name: 'new-session', ref: cp8, prefill: { ticket: 'CHG-8', environment: 'prod' }, fromHome: false } });
    const frame = await ui.waitFor((f) => f.includes('gateway_health_cmd') && f.includes('Shell command') && f.split('\n').every((line) => [...line].length <= 80));
    const hint = frame
      .split('\n')
      .filter((line) => /^ {10,}\S/.test(line) && !line.includes('Start session'))
      .map((line) => line.trim())
      .join(' ');
    expect(hint).toContain('exits 0 only when healthy');
  });
});
