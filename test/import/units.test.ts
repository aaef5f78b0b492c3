// The small decisions the importer makes, one function at a time.
import { describe, expect, it } from 'vitest';
import { commandFromCode, forbids, isCommandSpan, looksLikeShell, unwrapWatch } from '../../src/domain/import/commands.js';
import { ImportContext } from '../../src/domain/import/context.js';
import { IdRegistry, slugify } from '../../src/domain/import/ids.js';
import { parseExpectation, parseOffsetPrefix, titleWithoutCommand } from '../../src/domain/import/items.js';
import { repairMojibake } from '../../src/domain/import/mojibake.js';
import { foreignTemplate, isPlaceholder, templatize } from '../../src/domain/import/placeholders.js';
import { inferKind } from '../../src/domain/import/section-kind.js';
import { parseLevelLabel, parseRuleText, triggerRecommendation } from '../../src/domain/import/severity.js';
import { columnRoles, isStepTable } from '../../src/domain/import/tables.js';

describe('section kind from heading words', () => {
  it.each([
    ['Post-Cutover Smoke Checklist (T+0 to T+30m)', 'smoke'],
    ['Verification Checklist', 'smoke'],
    ['2) Go/No-Go gates', 'gates'],
    ['Pre-Flight Checklist', 'gates'],
    ['Preconditions', 'gates'],
    ['Rollback Procedure (Rust -> Go)', 'rollback'],
    ['How to back out', 'rollback'],
    ['Roll-Forward Procedure (Go -> Rust, after rollback)', 'rollforward'],
    ['Smoke checks after rollback', 'smoke'],
    ['Incident Severity + Decision Rules', 'triage'],
    ['Common Incidents (First-Response Playbooks)', 'playbook'],
    ['3) Strict cutover timeline template', 'timeline'],
    ['T-60 to T0', 'timeline'],
    ['5) Sign-off checklist', 'signoff'],
    ['Approvals', 'signoff'],
    ['Canary', undefined],
    ['Step 3: Deploy', undefined],
    ['Pre-cutover checks', 'gates'],
    ['Post-cutover verification', 'smoke'],
    ['Diagnosis', 'triage'],
    ['Mitigations', 'playbook'],
    ['After the incident', 'steps'],
    ['Step 2 - Verify', 'smoke'],
    ['7 days of stable operation', undefined],
    ['1. Preparation (T-1 day)', 'steps'],
    ['T-60 Preparation', 'timeline'],
  ])('%s -> %s', (title, kind) => {
    expect(inferKind(title)).toBe(kind);
  });
});

describe('inline code that is a command', () => {
  it.each([
    'forge doctor', 'cargo test', 'bun run build && bun test && bun run test', 'DB_URL=<postgres-url> apps/deploy/verify.sh',
    'kubectl -n prod get pods', 'pg_ctl promote -D /var/lib/postgresql/data', '$ curl -s localhost:8080/health', 'sudo systemctl restart nginx',
  ])('%s is a command', (span) => expect(isCommandSpan(span)).toBe(true));

  it.each([
    'docs/rust-parity-matrix.md', 'decision=allow', 'RUNTIME_AUTHORITY_WRITE_MODE=shadow_only', '410 write_path_frozen', 'prompt_guard',
    'shadow_only|read_only', '<release-manager>', 'build/test', 'legacy_only', 'post-cutover smoke: ok', 'kubectl',
  ])('%s is not', (span) => expect(isCommandSpan(span)).toBe(false));

  it('a script path is a command only after "run" or "execute"', () => {
    expect(isCommandSpan('deploy/scripts/canary-rollback.sh', 'If unavailable, execute fallback script ')).toBe(true);
    expect(isCommandSpan('deploy/scripts/canary-rollback.sh', 'Workflow path and script ')).toBe(false);
  });
});

describe('fenced code', () => {
  it('runs shell languages and untagged shell, keeps others as description', () => {
    expect(commandFromCode('bash', 'ls -la\n')).toEqual({ run: 'ls -la' });
    expect(commandFromCode(null, 'kubectl get pods\ncurl -s x')).toEqual({ run: 'kubectl get pods\ncurl -s x' });
    expect(commandFromCode(null, 'This is prose.\nIt explains things.').reason).toMatch(/does not look like shell/);
    expect(commandFromCode('powershell', 'Restart-Service W3SVC').reason).toBe('powershell block');
    expect(commandFromCode('yaml', 'a: 1').reason).toBe('yaml block');
    expect(commandFromCode('bash', '*/5 * * * * /usr/bin/check || restart').reason).toMatch(/crontab/);
  });

  it('keeps comments and strips $ prompts, output lines become an example', () => {
    expect(commandFromCode('console', '# check\n$ uptime\n 10:00 up 3 days\n$ date')).toEqual({
      run: '# check\nuptime\ndate',
      output: '10:00 up 3 days',
      prompts: [
        { comments: ['# check'], run: 'uptime', output: '10:00 up 3 days' },
        { comments: [], run: 'date' },
      ],
    });
  });

  it('an untagged terminal session is shell even when its output is longer than its commands', () => {
    const session = '$ kubectl get deploy api\nNAME   READY   UP-TO-DATE   AVAILABLE   AGE\napi    3/3     3            3           41d';
    expect(looksLikeShell(session)).toBe(true);
    expect(commandFromCode(null, session)).toEqual({ run: 'kubectl get deploy api', output: session.split('\n').slice(1).join('\n') });
    expect(looksLikeShell('Total: $ 5.00 per month\nTax: $ 1.00')).toBe(false);
  });

  it('a command the text forbids is never a step to run', () => {
    expect(forbids('!!! danger "Never"\nrun ')).toBe(true);
    expect(forbids('Do not, under any circumstances, run ')).toBe(true);
    expect(forbids('Avoid ')).toBe(true);
    expect(isCommandSpan('redis-cli FLUSHALL', "Don't use ")).toBe(false);
    expect(forbids('Delete the offsets so they do not get reused: ')).toBe(false);
    expect(forbids('If the check does not pass, run ')).toBe(false);
  });

  it('unwraps `watch` into the command it repeats, and only a one-line one it understands', () => {
    expect(unwrapWatch('watch -n 10 dig +short x @8.8.8.8')).toEqual({ run: 'dig +short x @8.8.8.8', every: '10s' });
    expect(unwrapWatch("watch -d --interval=5 'kubectl get pods | grep -v Running'")).toEqual({ run: 'kubectl get pods | grep -v Running', every: '5s' });
    expect(unwrapWatch('watch kubectl get nodes')).toEqual({ run: 'kubectl get nodes', every: '2s' });
    expect(unwrapWatch('watch -n 5 a\nwatch -n 5 b')).toBeUndefined();
    expect(unwrapWatch('kubectl get pods --watch')).toBeUndefined();
  });
});

describe('severity labels and rules', () => {
  it('reads level labels', () => {
    expect(parseLevelLabel('SEV0 (rollback likely):')).toEqual({ id: 'SEV0', paren: 'rollback likely' });
    expect(parseLevelLabel('P1: High Drift Rate (>0.1%)')).toEqual({ id: 'P1', rest: 'High Drift Rate (>0.1%)' });
    expect(parseLevelLabel('SEV-1')).toEqual({ id: 'SEV-1' });
    expect(parseLevelLabel('Critical: data loss')).toEqual({ id: 'Critical', rest: 'data loss' });
    expect(parseLevelLabel('Critical shadow parity diffs')).toBeUndefined();
  });

  it('parses rule sentences into conditions where they parse', () => {
    expect(parseRuleText('any SEV0 => rollback unless root cause is isolated')).toEqual({
      condition: { atLeast: 1, severity: ['SEV0'] }, recommend: 'rollback', unless: 'root cause is isolated',
    });
    expect(parseRuleText('2+ SEV1 in first 24h => strongly consider rollback')).toEqual({
      condition: { atLeast: 2, severity: ['SEV1'], within: '24h' }, recommend: 'consider-rollback',
    });
    expect(parseRuleText('two or more SEV1 or SEV2 incidents within 2 hours => hold').condition).toEqual({ atLeast: 2, severity: ['SEV1', 'SEV2'], within: '2h' });
    expect(parseRuleText('No-Go policy: any single gate failure blocks T0').condition).toEqual({ failedChecks: 1, sectionKind: 'gates' });
    expect(parseRuleText('Roll back if any P0 is declared')).toEqual({ condition: { atLeast: 1, severity: ['P0'] }, recommend: 'rollback' });
    expect(parseRuleText('Drift rate > 0.1% for 1 hour').condition).toBeUndefined();
    expect(parseRuleText('any SEV1 with no workaround => rollback').condition).toBeUndefined();
  });

  it('knows a trigger lead-in from a step lead-in', () => {
    expect(triggerRecommendation('Rollback Trigger:')).toBe('rollback');
    expect(triggerRecommendation('Block promotion if any stage shows:')).toBe('hold');
    expect(triggerRecommendation('Trigger rollback immediately if any condition is met after T0:')).toBe('rollback');
    expect(triggerRecommendation('If incident criteria are hit:')).toBeUndefined();
    expect(triggerRecommendation('Success Criteria:')).toBeUndefined();
    expect(triggerRecommendation('Incident Criteria (Blockers)', true)).toBe('hold');
  });
});

describe('placeholders, variables and ids', () => {
  it('recognises template blanks', () => {
    for (const blank of ['', '_TBD_', 'TBD', '<name>', '☐', '-', 'TODO']) expect(isPlaceholder(blank)).toBe(true);
    for (const value of ['Alice', '✓', 'Exit code 0']) expect(isPlaceholder(value)).toBe(false);
  });

  it('turns <value> placeholders outside quotes into variables', () => {
    expect(templatize('kubectl -n <namespace> rollout undo deployment/<deploy-name>').run).toBe('kubectl -n {{namespace}} rollout undo deployment/{{deploy_name}}');
    expect(templatize('curl -d "<xml>" x').run).toBe('curl -d "<xml>" x');
    expect(templatize('grep Foo<Bar> x').run).toBe('grep Foo<Bar> x');
    expect(templatize('kubectl -n <your namespace> get pods').run).toBe('kubectl -n {{your_namespace}} get pods');
  });

  it('finds template text cutover would misread', () => {
    expect(foreignTemplate("docker inspect --format '{{.State}}' x", [])).toBe('{{.State}}');
    expect(foreignTemplate('echo {{ticket}} {{db}}', ['db'])).toBeUndefined();
    expect(foreignTemplate('echo {{ other }}', [])).toBe('{{ other }}');
  });

  it('slugs and unique ids', () => {
    expect(slugify('Repoint traffic to the previous known-good runtime release.')).toBe('repoint-traffic-previous-known');
    expect(slugify('Préparation du basculement')).toBe('preparation-du-basculement');
    const ids = new IdRegistry();
    expect([ids.take('smoke', 'x'), ids.take('smoke', 'x'), ids.take('', 'item'), ids.take('Smoke', 'x')]).toEqual(['smoke', 'smoke-2', 'item', 'Smoke-3']);
  });

  it('a step titled "Label: `command`" is titled by its label once the command is its run', () => {
    expect(titleWithoutCommand('Scale the API down: `kubectl scale deploy/api --replicas=0`', ['kubectl scale deploy/api --replicas=0'])).toEqual({ title: 'Scale the API down' });
    expect(titleWithoutCommand('Restart a node — `kubectl delete pod x` and wait', ['kubectl delete pod x'])).toEqual({ title: 'Restart a node', kept: 'Restart a node — `kubectl delete pod x` and wait' });
    expect(titleWithoutCommand('If rollback: `helm rollback api`', ['helm rollback api'])).toBeUndefined();
    expect(titleWithoutCommand('Check: `docs/x.md`', ['kubectl get pods'])).toBeUndefined();
  });

  it('expectations: exit codes, and output text in a leading code span (not a bare number)', () => {
    expect(parseExpectation('`"status" : "green"`. Yellow is degraded')).toEqual({ description: '`"status" : "green"`. Yellow is degraded', contains: '"status" : "green"' });
    expect(parseExpectation('output contains `Clusters are compatible`')).toMatchObject({ contains: 'Clusters are compatible' });
    expect(parseExpectation('`0`')).toEqual({ description: '`0`' });
    expect(parseExpectation('exit code 0')).toEqual({ description: 'exit code 0', exitCode: 0 });
  });

  it('a legend spells out abbreviated role titles', () => {
    const ctx = new ImportContext('');
    expect(ctx.legend('Legend: RM = release manager; IC - incident commander.')).toBe(true);
    expect([ctx.expandTitle('RM'), ctx.expandTitle('IC'), ctx.expandTitle('SRE')]).toEqual(['Release manager (RM)', 'Incident commander (IC)', 'SRE']);
    expect(ctx.legend('The legend of the fall')).toBe(false);
  });

  it('timeline offsets', () => {
    expect(parseOffsetPrefix('T-60: Run preflight')).toEqual({ at: 'T-60', rest: 'Run preflight' });
    expect(parseOffsetPrefix('T + 2 hr')).toEqual({ at: 'T+2h', rest: '' });
    expect(parseOffsetPrefix('T0')).toEqual({ at: 'T0', rest: '' });
    expect(parseOffsetPrefix('T+2 hours | Publish')).toEqual({ at: 'T+2h', rest: 'Publish' });
    expect(parseOffsetPrefix('Today')).toBeUndefined();
  });
});

describe('mojibake', () => {
  it('repairs UTF-8 read as Windows-1252 and leaves real Latin-1 alone', () => {
    expect(repairMojibake('Legacy â†’ Refactored âœ… ðŸŽ‰').text).toBe('Legacy → Refactored ✅ 🎉');
    expect(repairMojibake('| âœ… | âŒ |').text).toBe('| ✅ | ❌ |');
    expect(repairMojibake('café, naïve, Ærø')).toEqual({ text: 'café, naïve, Ærø', repairs: 0 });
  });
});

describe('table columns by header words', () => {
  it('finds the roles of columns wherever they are', () => {
    expect(columnRoles(['Gate ID', 'Check', 'Command / Evidence', 'Pass condition', 'Owner'])).toEqual(['id', 'title', 'command', 'expect', 'owner']);
    expect(columnRoles(['Time', 'Owner', 'Required actions', 'Evidence output'])).toEqual(['time', 'owner', 'title', 'evidence']);
    expect(isStepTable(columnRoles(['Mode', 'Legacy', 'Refactored', 'Behavior', 'Use Case']))).toBe(false);
    expect(isStepTable(columnRoles(['Metric', 'Target', 'Measurement']))).toBe(false);
  });
});
