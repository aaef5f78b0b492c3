// A secret written into the checklist itself (a key pasted into a command or a default) is
// redacted from the stored snapshot and from the export, the evidence still verifies, and a
// resume runs the original commands, read from the original file while it is unchanged.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CutoverError } from '../../src/domain/errors.js';
import { readChecklistSnapshot } from '../../src/services/checklist-snapshot.js';
import { CutoverSession } from '../../src/services/session.js';
import { runCli, tempDir } from '../helpers/cli.js';

const KEY = 'AKIAIOSFODNN7EXAMPLE';
const open: CutoverSession[] = [];

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

function checklistWithKey(dir: string, keyAsPlainValue: boolean): string {
  const path = join(dir, 'pasted-key.yaml');
  writeFileSync(path, [
    'id: pasted-key',
    'title: A key pasted into the runbook',
    'version: "1"',
    'variables:',
    '  - name: key_id',
    `    default: ${keyAsPlainValue ? KEY : 'none'}`, // a plain YAML value: "[REDACTED:…]" there would read as a list
    'sections:',
    '  - id: smoke',
    '    title: Smoke',
    '    kind: smoke',
    '    items:',
    '      - id: whoami',
    '        title: Who am I',
    `        run: "echo key=${KEY}"`,
    '',
  ].join('\n'));
  return path;
}

async function start(checklistPath: string): Promise<CutoverSession> {
  const session = await CutoverSession.start({ checklistPath, evidenceDir: tempDir(), ticket: 'CHG-1', environment: 'prod', operator: 'ada', mode: 'live', variables: {} });
  open.push(session);
  return session;
}

describe('secrets written into the checklist', () => {
  it.each([
    ['inside a quoted command', false],
    ['also as a plain YAML value', true],
  ])('%s: never stored or exported, and the evidence verifies', async (_what, plain) => {
    const session = await start(checklistWithKey(tempDir(), plain));
    await session.runItem('smoke', 'whoami');
    await session.close();
    const dir = session.store.dir;
    for (const name of readdirSync(dir)) {
      if (name.endsWith('.runs')) continue;
      expect(readFileSync(join(dir, name), 'utf8')).not.toContain(KEY);
    }
    const { header } = session.store;
    expect(header.checklist.snapshotRedactions).toBe(plain ? 2 : 1);
    expect(header.checklist.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
    // where the placeholder would turn a plain YAML value into a list, the snapshot is stored as JSON
    expect(header.checklist.snapshot.endsWith(plain ? '.checklist.json' : '.checklist.yaml')).toBe(true);
    const { checklist } = await readChecklistSnapshot(dir, header);
    expect(checklist?.sections[0]?.items[0]?.run).toBe('echo key=[REDACTED:aws-access-key]');

    expect(runCli(['verify', session.evidencePath]).code).toBe(0);
    expect(runCli(['report', session.evidencePath]).stdout).toMatch(/\| Checklist snapshot \| \d secrets? written in the checklist redacted; snapshot sha256 `[0-9a-f]{64}` \|/);
    const bundle = join(tempDir(), 'pkg');
    expect(runCli(['export', session.evidencePath, '-o', bundle]).code).toBe(0);
    expect(runCli(['verify', bundle]).code).toBe(0);
    for (const name of readdirSync(bundle)) if (name !== 'runs') expect(readFileSync(join(bundle, name), 'utf8')).not.toContain(KEY);
  });

  it('a resume runs the original command, and refuses once the original file has changed or gone', async () => {
    const path = checklistWithKey(tempDir(), false);
    const first = await start(path);
    await first.close();
    const resumed = await CutoverSession.resume(first.evidencePath);
    open.push(resumed);
    expect(resumed.checklist.sections[0]?.items[0]?.run).toBe(`echo key=${KEY}`);
    await resumed.close();

    writeFileSync(path, `${readFileSync(path, 'utf8')}# edited\n`);
    const changed = await CutoverSession.resume(first.evidencePath).catch((error: unknown) => error);
    expect(changed).toBeInstanceOf(CutoverError);
    expect((changed as Error).message).toMatch(/held 1 secret, redacted from its snapshot; resuming needs the original .*pasted-key\.yaml as it was, and it is changed/);
    rmSync(path);
    const gone = await CutoverSession.resume(first.evidencePath).catch((error: unknown) => error);
    expect((gone as Error).message).toMatch(/and it is missing/);
  });

  it('a variable named like a secret (db_password) is treated as one even when not declared secret', async () => {
    const dir = tempDir();
    const path = join(dir, 'named.yaml');
    writeFileSync(path, [
      'id: named', 'title: Named secret', 'version: "1"',
      'variables:', '  - name: db_password', '  - name: region',
      'sections:', '  - id: smoke', '    title: Smoke', '    kind: smoke', '    items:',
      '      - id: login', '        title: Log in', '        run: "echo {{db_password}} {{region}}"', '',
    ].join('\n'));
    const session = await CutoverSession.start({ checklistPath: path, evidenceDir: tempDir(), ticket: 'CHG-2', environment: 'prod', operator: 'ada', mode: 'live', variables: { db_password: 'hunter2-db', region: 'eu-west-1' } });
    open.push(session);
    const run = await session.runItem('smoke', 'login');
    await session.close();
    expect(session.store.header.variables).toEqual({ db_password: '[REDACTED:db_password]', region: 'eu-west-1' });
    expect(readFileSync(session.evidencePath, 'utf8')).not.toContain('hunter2-db');
    expect(readFileSync(session.store.runLogPath(run.runId), 'utf8')).toBe('[REDACTED:db_password] eu-west-1\n');
  });
});
