// The new-session form: pre-filled from flags, the checklist's variables with defaults, secrets
// masked, required values enforced, and Start creating the session and its evidence file.
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { readEvidence } from '../../src/services/evidence-store.js';
import type { CutoverSession } from '../../src/services/session.js';
import { defaultServices } from '../../src/ui/app/tui-services.js';
import { arrowDown, arrowRight, ctrlS, enter, escape, fixture, renderTui, tab, tempEvidenceDir } from './helpers.js';

let opened: CutoverSession | undefined;
afterEach(async () => {
  cleanup();
  await opened?.close();
  opened = undefined;
});

async function form(prefill: Record<string, unknown> = {}) {
  const dir = tempEvidenceDir();
  const services = defaultServices(dir);
  const ui = renderTui({ services, evidenceDir: dir, screen: { name: 'new-session', ref: fixture, prefill, fromHome: false } });
  await ui.waitFor('Start session');
  return { ui, dir };
}

describe('new session form', () => {
  it('shows the fields with defaults and the login name; nothing is recorded yet', async () => {
    const { ui, dir } = await form();
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain('Ticket');
    expect(frame).toContain('Environment');
    expect(frame).toMatch(/Operator\s+\S+/);
    expect(frame).toContain('[live]');
    expect(frame).toContain('eu-west-1');
    expect(frame).toContain('api_token');
    expect(frame).toContain('Start session');
    expect(frame).toContain('nothing is recorded until the session starts');
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses to start without a ticket and says why', async () => {
    const { ui, dir } = await form();
    await ui.press(ctrlS);
    await ui.waitFor('needs a ticket id');
    expect(await readdir(dir)).toEqual([]);
  });

  it('a required variable left empty blocks the start with a message', async () => {
    const { ui } = await form({ ticket: 'CHG-1', environment: 'prod' });
    // focus is on Start; go to region (4 fields up) and clear it
    for (let i = 0; i < 2; i++) await ui.press('\u001B[A');
    await ui.press('\u0015');
    await ui.press(ctrlS);
    await ui.waitFor('variable region is required');
  });

  it('masks secret variables while typing them', async () => {
    const { ui } = await form({ ticket: 'CHG-1', environment: 'prod' });
    await ui.press('\u001B[A');
    ui.stdin.write('s3cr3t-value');
    const frame = await ui.waitFor('••••');
    expect(frame).not.toContain('s3cr3t');
  });

  it('with flags, Enter on Start creates the session and opens the roles', async () => {
    const { ui, dir } = await form({ ticket: 'CHG-7', environment: 'production', operator: 'maria', drill: true, variables: { region: 'us-east-2', api_token: 'tok-123456' } });
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain('CHG-7');
    expect(frame).toContain('[drill]');
    expect(frame).toContain('DRILL');
    await ui.press(enter);
    const roles = await ui.waitFor('T0 is blocked');
    expect(roles).toContain('Release lead');
    expect(roles).toContain('DRILL');
    opened = ui.session();
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(1);
    const { header } = await readEvidence(`${dir}/${files[0]}`);
    expect(header).toMatchObject({ ticket: 'CHG-7', environment: 'production', operator: 'maria', mode: 'drill' });
    expect(header.variables.region).toBe('us-east-2');
    expect(JSON.stringify(header)).not.toContain('tok-123456');
  });

  it('typing fills the fields; Tab moves on; Space switches live/drill', async () => {
    const { ui } = await form();
    ui.stdin.write('INC-9');
    await ui.press(tab);
    ui.stdin.write('qa');
    await ui.press(arrowDown);
    await ui.press(arrowDown);
    await ui.press(' ');
    const frame = await ui.waitFor('[drill]');
    expect(frame).toContain('INC-9');
    expect(frame).toContain('qa');
    await ui.press(arrowRight);
    await ui.waitFor('[live]');
  });

  it('a checklist validate warns about says so above the form, with the command that lists the warnings', async () => {
    const dir = tempEvidenceDir();
    const warned = join(dir, 'warned.yaml');
    await writeFile(warned, 'id: warned\ntitle: Warned\nversion: 1\nsections:\n  - id: gates\n    title: Gates\n    kind: gates\n    items: []\n  - id: s\n    title: S\n    kind: smoke\n    items:\n      - { id: a, title: Announce, run: "true" }\n');
    const ui = renderTui({ evidenceDir: join(dir, 'ev'), screen: { name: 'new-session', ref: warned, prefill: {}, fromHome: false } });
    const frame = await ui.waitFor('Start session');
    expect(frame).toContain(`1 checklist warning: cutover validate ${warned} lists it`);
    const { ui: clean } = await form();
    expect(clean.lastFrame()).not.toContain('checklist warning');
  });

  it('an invalid checklist ends the TUI with its errors; nothing is recorded', async () => {
    const dir = tempEvidenceDir();
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'id: bad\ntitle: Bad\nversion: 1\nsections:\n  - id: s\n    title: S\n    kind: nope\n');
    const ui = renderTui({ evidenceDir: join(dir, 'ev'), screen: { name: 'new-session', ref: bad, prefill: { ticket: 'CHG-1' }, fromHome: false } });
    expect(ui.lastFrame()).toContain('CHG-1');
    await vi.waitFor(() => expect(ui.onFatal).toHaveBeenCalled(), { timeout: 8_000 });
    expect(String(ui.onFatal.mock.calls[0]?.[0])).toMatch(/bad\.yaml:7/);
    expect(existsSync(join(dir, 'ev'))).toBe(false);
  });

  it('Esc on the form of `cutover open` asks to quit (and the footer says so)', async () => {
    const { ui } = await form();
    expect(ui.lastFrame()).toContain('Esc quit');
    await ui.press(escape);
    await ui.waitFor('Quit cutover?');
    await ui.press('y');
    expect(ui.onQuit).toHaveBeenCalledWith({ finish: false });
  });
});
