import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CutoverSession } from '../../src/services/session.js';
import { readEvidence } from '../../src/services/evidence-store.js';
import { repoRoot, tempDir } from '../helpers/cli.js';

const fixture = join(repoRoot, 'test/fixtures/session/basic.yaml');
const open: CutoverSession[] = [];

async function start(mode: 'live' | 'drill' = 'live', variables: Record<string, string> = {}, allowDestructive = false, inject?: string[]): Promise<CutoverSession> {
  const session = await CutoverSession.start({
    checklistPath: fixture, evidenceDir: tempDir(), ticket: 'CHG-42', environment: 'staging', operator: 'ada', mode, variables, allowDestructive, inject,
  });
  open.push(session);
  return session;
}

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

describe('CutoverSession', () => {
  it('runs an item with a shell-quoted variable and records it durably', async () => {
    const session = await start('live', { target: "it's $(echo pwned)" });
    const run = await session.runItem('smoke', 'hello');
    expect(run.finished?.result).toBe('pass');
    expect(run.command).toBe(`echo hello 'it'\\''s $(echo pwned)'`);
    const log = readFileSync(session.store.runLogPath(run.runId), 'utf8');
    expect(log).toContain("hello it's $(echo pwned)");
    const { events, problem } = await readEvidence(session.evidencePath);
    expect(problem).toBeUndefined();
    expect(events.map((e) => e.type)).toEqual(['session.started', 'command.started', 'command.finished']);
    expect(statSync(session.evidencePath).mode & 0o777).toBe(0o600);
  });

  it('a failing check with a rule recommends holding, a SEV0 recommends rollback', async () => {
    const session = await start();
    await session.runItem('smoke', 'broken');
    expect(session.evaluation.headline).toBe('HOLD — 1 check failed in smoke: a failed smoke check => hold');
    await session.declareIncident({ severity: 'SEV0', title: 'smoke broken', item: 'broken' });
    expect(session.evaluation.headline).toBe('ROLLBACK RECOMMENDED — SEV0 open: any SEV0 => rollback');
    expect(Object.keys(session.state.firedRules).sort()).toEqual(['any-sev0', 'smoke-failed']);
    await session.startNewPass('smoke', 'after rollback');
    expect(Object.keys(session.state.firedRules)).toEqual(['any-sev0']);
    expect(session.state.history['smoke/broken#1']?.status).toBe('fail');
  });

  it('never stores a secret variable, in the header, the command or the output', async () => {
    const session = await start('live', { api_token: 'hunter2-very-secret' });
    const run = await session.runItem('smoke', 'secret');
    const raw = readFileSync(session.evidencePath, 'utf8') + readFileSync(session.store.runLogPath(run.runId), 'utf8');
    expect(raw).not.toContain('hunter2-very-secret');
    expect(raw).toContain('[REDACTED:api_token]');
    expect(run.finished?.redactions).toBeGreaterThan(0);
  });

  it('a resumed session asks for a secret again, naming the flag, and runs with it once given', async () => {
    const first = await start('live', { api_token: 'hunter2-very-secret' });
    await first.close();
    const without = await CutoverSession.resume(first.evidencePath);
    open.push(without);
    const refused = await without.runItem('smoke', 'secret').catch((error: unknown) => error);
    expect((refused as Error).message).toBe('no value for api_token in this session: secret values are never stored in the evidence');
    expect((refused as { hint?: string }).hint).toBe(`resume with it given again: cutover resume ${first.evidencePath} --var api_token (a bare --var reads $api_token from the environment: set it there, out of shell history)`);
    // an edited command that does not need the secret runs, recorded as edited
    const edited = await without.runItem('smoke', 'secret', { command: 'echo by hand' });
    expect(edited.finished?.result).toBe('pass');
    expect(without.store.events.find((e) => e.type === 'command.started' && e.runId === edited.runId)).toMatchObject({ command: 'echo by hand', edited: true });
    await without.close();
    const given = await CutoverSession.resume(first.evidencePath, { variables: { api_token: 'hunter2-very-secret' } });
    open.push(given);
    expect((await given.runItem('smoke', 'secret')).finished?.result).toBe('pass');
  });

  it('blocks T0 until required roles are filled or acknowledged TBD', async () => {
    const session = await start();
    await expect(session.markT0()).rejects.toThrow(/required role not filled: Release manager/);
    await session.assignRole('rm', { name: '', tbd: true });
    await session.markT0();
    expect(session.state.roles.rm?.tbd).toBe(true);
    expect(session.state.t0).toBeDefined();
  });

  it('needs the item id typed for a destructive item, and refuses it in a drill', async () => {
    const live = await start();
    await expect(live.runItem('rollback', 'purge')).rejects.toThrow(/type the item id/);
    await expect(live.runItem('rollback', 'purge', { confirm: 'yes' })).rejects.toThrow(/does not match/);
    const run = await live.runItem('rollback', 'purge', { confirm: 'purge' });
    expect(run.finished?.result).toBe('pass');
    expect(live.state.destructive.map((d) => d.outcome)).toEqual(['refused', 'confirmed']);
    const drill = await start('drill');
    await expect(drill.runItem('rollback', 'purge', { confirm: 'purge' })).rejects.toThrow(/refused in a drill/);
    expect(drill.state.destructive[0]?.outcome).toBe('refused');
  });

  it('injects a fault only in a drill, recorded without touching the item result', async () => {
    const live = await start();
    await expect(live.injectFault('broken')).rejects.toThrow(/only be injected in a drill/);
    const drill = await start('drill');
    const run = await drill.injectFault('broken');
    expect(run.purpose).toBe('inject');
    expect(drill.state.items['smoke/broken']).toBeUndefined();
  });

  it('injects an armed fault (--inject) once, right before the item runs', async () => {
    await expect(start('live', {}, false, ['broken'])).rejects.toThrow(/only works in a drill/);
    await expect(start('drill', {}, false, ['hello'])).rejects.toThrow(/cannot inject hello.*\n?/);
    const drill = await start('drill', {}, false, ['broken']);
    await drill.runItem('smoke', 'broken');
    await drill.runItem('smoke', 'broken');
    const purposes = drill.state.runOrder.map((id) => drill.state.runs[id]?.purpose);
    expect(purposes).toEqual(['inject', 'check', 'check']);
  });

  it('says so where the output streams when an armed fault could not be injected', async () => {
    const dir = tempDir();
    const failing = join(dir, 'failing-inject.yaml');
    writeFileSync(failing, readFileSync(fixture, 'utf8').replace('drill: { inject: "echo injecting" }', 'drill: { inject: "echo no service; exit 7" }'));
    const drill = await CutoverSession.start({ checklistPath: failing, evidenceDir: dir, ticket: 'CHG-42', environment: 'staging', operator: 'ada', mode: 'drill', variables: {}, inject: ['broken'] });
    open.push(drill);
    let streamed = '';
    await drill.runItem('smoke', 'broken', { onOutput: (text) => (streamed += text) });
    expect(streamed).toContain('no service');
    expect(streamed).toMatch(/\[cutover\] the fault was NOT injected \(.*exit.*7.*\): this check runs without it/);
    const ok = await start('drill', {}, false, ['broken']);
    let quiet = '';
    await ok.runItem('smoke', 'broken', { onOutput: (text) => (quiet += text) });
    expect(quiet).not.toContain('NOT injected');
  });

  it('soaks a watch item on schedule and marks the result', async () => {
    const session = await start();
    const ticks: number[] = [];
    const runs = await session.runWatch('smoke', 'soak', { onTick: (r) => ticks.push(r.length) });
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(ticks.at(-1)).toBe(runs.length);
    expect(session.state.items['smoke/soak']?.status).toBe('pass');
    expect(session.state.items['smoke/soak']?.note).toMatch(/soak: \d+ of \d+ runs passed/);
  });

  it('locks roll-forward until gates pass and incidents close, or an override is recorded', async () => {
    const session = await start();
    await session.declareIncident({ severity: 'SEV1', title: 'slow' });
    expect(session.unmetRequirements('forward')).toEqual(['gates not all passed: g1', 'open incidents: INC-1 (SEV1)']);
    await session.runItem('gates', 'g1');
    await session.resolveIncident('INC-1', 'fixed');
    expect(session.unmetRequirements('forward')).toEqual([]);
    const resolvedAt = session.state.incidents[0]?.resolvedAt;
    await expect(session.resolveIncident('INC-1', 'again')).rejects.toThrow(/^INC-1 is already resolved/);
    expect(session.state.incidents[0]?.resolvedAt).toBe(resolvedAt);
    const other = await start();
    await other.recordOverride('forward', 'accepted by the release manager');
    expect(other.unmetRequirements('forward')).toEqual([]);
    expect(other.state.overrides[0]?.unmet).toEqual(['gates not all passed: g1']);
  });

  it('resumes a session whose writer died mid-run, marking the run interrupted', async () => {
    const session = await start();
    await session.runItem('smoke', 'hello');
    await session.append({ type: 'command.started', runId: 'r0099', section: 'smoke', item: 'broken', pass: 1, command: 'sleep 100', cwd: '/', log: session.store.runLogRelative('r0099'), purpose: 'check', edited: false });
    await session.close();
    open.pop();
    const resumed = await CutoverSession.resume(session.evidencePath);
    open.push(resumed);
    expect(resumed.state.items['smoke/broken']?.status).toBe('interrupted');
    expect(resumed.state.items['smoke/hello']?.status).toBe('pass');
    expect(resumed.state.runs.r0099?.interrupted?.reason).toMatch(/ended before the run finished/);
  });

  it('rejects unknown and missing variables with a usage error', async () => {
    await expect(start('live', { nope: '1' })).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('unknown variable nope') });
    await expect(start('live', { targte: 'x' })).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('unknown variable targte (did you mean "target"?)') });
  });
});
