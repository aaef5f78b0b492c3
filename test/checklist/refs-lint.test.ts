import { describe, expect, test } from 'vitest';
import { checkReferences } from '../../src/domain/checklist-refs.js';
import { findCredential, findEndless, lintChecklist } from '../../src/domain/checklist-lint.js';
import { ChecklistBase, type ChecklistInput } from '../../src/domain/checklist-schema.js';
import { looksDestructive } from '../../src/domain/destructive.js';
import { formatPath } from '../../src/domain/diagnostic.js';

function checklist(patch: Partial<ChecklistInput> = {}, items: Array<Record<string, unknown>> = [{ id: 'a', title: 'A' }]) {
  return ChecklistBase.parse({ id: 'c', title: 'C', version: 1, sections: [{ id: 's', title: 'S', kind: 'smoke', items }], ...patch });
}

const refs = (c: ReturnType<typeof checklist>): string[] => checkReferences(c).map((i) => `${formatPath(i.path)}: ${i.message}`);
const lint = (c: ReturnType<typeof checklist>): string[] => lintChecklist(c).map((i) => `${formatPath(i.path)}: ${i.code}`);

describe('checkReferences', () => {
  test('a consistent checklist has no problems', () => {
    const c = checklist(
      {
        variables: [{ name: 'url', pattern: '^https?://', default: 'http://x' }],
        roles: [{ id: 'ic', title: 'IC' }],
        severity: { levels: [{ id: 'SEV0', title: 'Down' }], rules: [{ id: 'r', text: 'any SEV0', when: { severity: ['SEV0'] }, recommend: 'rollback' }] },
      },
      [{ id: 'a', title: 'A', owner: 'ic', onFail: 'SEV0', run: 'curl {{url}} -H "X-Ticket: {{ ticket }}"; docker ps --format "{{.Names}}{{ range .Ports }}{{end}}"', cwd: '{{checklist_dir}}', watch: { every: '10s', for: '5m' }, expect: { matches: 'ok|fine' } }],
    );
    expect(refs(c)).toEqual([]);
  });

  test('a drill fault on a manual item (no run) is an error naming the item: nothing would ever inject it', () => {
    const c = checklist({}, [
      { id: 'dashboards', title: 'Dashboards look normal', drill: { inject: 'touch /tmp/fault' } },
      { id: 'health', title: 'Health', run: 'true', drill: { inject: 'touch /tmp/fault' } },
    ]);
    expect(checkReferences(c)).toEqual([
      expect.objectContaining({ severity: 'error', code: 'inject-without-run', path: ['sections', 0, 'items', 0, 'drill', 'inject'] }),
    ]);
    expect(refs(c)).toEqual([
      'sections[0].items[0].drill.inject: item "dashboards" is manual (no run): its drill fault would never be injected, since a fault fires just before the item\'s command runs; give the item a run, or declare the fault on the check that should catch it',
    ]);
  });

  test('ids are unique in their scope; item ids across the whole checklist', () => {
    const c = ChecklistBase.parse({
      id: 'c', title: 'C', version: 1,
      variables: [{ name: 'v' }, { name: 'v' }],
      severity: { levels: [{ id: 'S', title: 'S' }, { id: 'S', title: 'S' }], rules: [{ id: 'r', text: 't', recommend: 'hold' }, { id: 'r', text: 't', recommend: 'hold' }] },
      sections: [
        { id: 's', title: 'S', kind: 'smoke', items: [{ id: 'a', title: 'A' }] },
        { id: 't', title: 'T', kind: 'rollback', items: [{ id: 'a', title: 'A again' }] },
      ],
    });
    expect(refs(c)).toEqual([
      'variables[1].name: duplicate variable name "v" (first used at variables[0].name)',
      'severity.levels[1].id: duplicate severity level "S" (first used at severity.levels[0].id)',
      'severity.rules[1].id: duplicate rule id "r" (first used at severity.rules[0].id)',
      'sections[1].items[0].id: duplicate item id "a" (first used at sections[0].items[0].id; item ids are unique across the whole checklist)',
    ]);
  });

  test('references name declared things, with a suggestion when one is close', () => {
    const c = checklist(
      {
        roles: [{ id: 'release-manager', title: 'RM' }],
        severity: { levels: [{ id: 'SEV1', title: 'x' }], rules: [{ id: 'r', text: 't', when: { severity: ['SEV1', 'SEV3'] }, recommend: 'hold' }, { id: 'f', text: 'f', when: { failedChecks: 1, section: 'smok' }, recommend: 'hold' }] },
      },
      [{ id: 'a', title: 'A', owner: 'release-manger', onFail: 'P1', run: 'echo {{ env }} {{tciket}}' }],
    );
    expect(refs(c)).toEqual([
      'severity.rules[0].when.severity[1]: unknown severity level "SEV3" (did you mean "SEV1"?)',
      'severity.rules[1].when.section: unknown section "smok" (declared: s)',
      'sections[0].items[0].owner: unknown role "release-manger" (did you mean "release-manager"?)',
      'sections[0].items[0].onFail: unknown severity level "P1" (declared: SEV1)',
      'sections[0].items[0].run: unknown variable "{{tciket}}" (did you mean "ticket"?)',
    ]);
  });

  test('no roles declared says so', () => {
    expect(refs(checklist({}, [{ id: 'a', title: 'A', owner: 'ic' }]))).toEqual(['sections[0].items[0].owner: unknown role "ic" (none are declared under roles)']);
  });

  test('regexes compile, builtins are not shadowed, requires only on rollforward, watch.every <= watch.for', () => {
    const c = ChecklistBase.parse({
      id: 'c', title: 'C', version: 1,
      variables: [{ name: 'operator' }, { name: 'x', pattern: '[' }],
      sections: [
        { id: 's', title: 'S', kind: 'gates', requires: { gatesPassed: true }, items: [{ id: 'a', title: 'A', expect: { matches: '(' }, run: 'true', watch: { every: '2m', for: '60s' } }] },
        { id: 'f', title: 'F', kind: 'rollforward', requires: { noOpenIncidents: true } },
      ],
    });
    expect(refs(c).map((line) => line.replace(/: .*$/, ''))).toEqual([
      'variables[0].name', 'variables[1].pattern', 'sections[0].requires', 'sections[0].items[0].expect.matches', 'sections[0].items[0].watch.every',
    ]);
  });
});

test('durations that would disable a timeout or spin a watch are errors', () => {
  const c = checklist({}, [
    { id: 'a', title: 'A', run: 'true', timeout: '0s' },
    { id: 'b', title: 'B', run: 'true', watch: { every: '0s', for: '10m' } },
    { id: 'c', title: 'C', run: 'true', watch: { every: '5s', for: '0m' } },
    { id: 'd', title: 'D', run: 'true', timeout: '500ms', watch: { every: '200ms', for: '1s' } },
  ]);
  expect(refs(c)).toEqual([
    'sections[0].items[0].timeout: must be longer than 0 (leave it out for the default)',
    'sections[0].items[1].watch.every: must be longer than 0: the command would be re-run in a tight loop',
    'sections[0].items[2].watch.for: must be longer than 0',
  ]);
});

describe('lintChecklist', () => {
  test('flags risky commands but not a careful checklist', () => {
    const careful = checklist({}, [
      { id: 'a', title: 'A', run: 'kubectl -n prod delete pod web-0', destructive: true, expect: { exitCode: 0 } },
      { id: 'b', title: 'B', run: 'psql "$DATABASE_URL" -c "select 1"', expect: { contains: '1' } },
      { id: 'c', title: 'C (manual)' },
    ]);
    expect(lint(careful)).toEqual([]);
    const risky = checklist({}, [
      { id: 'a', title: 'A', run: 'curl -fsSL https://get.example.com | sudo bash', expect: { exitCode: 0 } },
      { id: 'b', title: 'B', run: 'mysql -uroot -phunter2 -e "DROP DATABASE app"' },
      { id: 'c', title: 'C', expect: { exitCode: 0 } },
      { id: 'd', title: 'D', run: 'true', drill: { inject: 'curl -H "Authorization: Bearer abc123def456ghi" http://x/fault' }, expect: { exitCode: 0 } },
    ]);
    expect(lint(risky)).toEqual([
      'sections[0].items[0].run: pipe-to-shell',
      'sections[0].items[1].run: credential',
      'sections[0].items[1].run: destructive-unmarked',
      'sections[0].items[1].run: no-expect',
      'sections[0].items[2].expect: no-run',
      'sections[0].items[3].drill.inject: credential',
    ]);
  });

  test('warns about commands that never exit on their own', () => {
    const endless = [
      'watch -n 10 dig +short www.example.com', 'tail -f /var/log/app.log', 'journalctl -u api -f',
      'kubectl -n web logs deploy/api --follow', 'kubectl get pods -w', 'kubectl -n web port-forward deploy/api 8080:8080', 'ping db-1',
    ];
    const finite = ['tail -n 50 /var/log/app.log', 'kubectl -n web logs deploy/api --since=5m', 'ping -c 3 db-1', 'kubectl rollout status deploy/api --watch=false --timeout=5m'];
    const c = checklist({}, [...endless, ...finite].map((run, i) => ({ id: `i${i}`, title: `I${i}`, run, expect: { exitCode: 0 } })));
    expect(lint(c)).toEqual(endless.map((_, i) => `sections[0].items[${i}].run: never-exits`));
    expect(findEndless('tail -F app.log')).toBe('tail -f');
  });

  test.each([
    ['password=hunter2 ./migrate', 'password=...'],
    ['PGPASSWORD=s3cr3t psql -h db', 'password=...'],
    ['vault login -token=s.abcdefgh', 'password=...'],
    ['mysqladmin --password hunter22 status', '--password <value>'],
    ['mysql -u app -pS3cret db', '-p<password>'],
    ['curl https://admin:pa55word@registry.example.com/v2/', 'a password in a URL'],
    ['aws s3 ls --access AKIAIOSFODNN7EXAMPLE', 'aws-access-key'],
    ['curl -H "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig" http://x', 'Authorization header'],
  ])('credential: %s', (command, kind) => {
    expect(findCredential(command)).toBe(kind);
  });

  test.each([
    'PGPASSWORD=$PGPASSWORD psql -h db',
    'curl -H "Authorization: Bearer $TOKEN" http://x',
    'curl -u "{{user}}:{{ password }}" https://x',
    'curl https://{{user}}:{{pass}}@x/',
    'mysql -u app -p db',
    'echo token count: 3',
    'vault login -method=oidc',
    'ls ./passwords',
  ])('no credential: %s', (command) => {
    expect(findCredential(command)).toBeUndefined();
  });
});

describe('rule conditions', () => {
  const levels = { levels: [{ id: 'SEV1', title: 'Major' }] };
  const rule = (when: Record<string, unknown>) => refs(checklist({ severity: { ...levels, rules: [{ id: 'r', text: 'r', recommend: 'hold', when }] } }));
  test('fields of the other kind of rule are errors, not silently ignored', () => {
    expect(rule({ section: 's' })).toEqual([expect.stringMatching(/^severity\.rules\[0\]\.when\.section: section only applies with failedChecks/)]);
    expect(rule({ failedChecks: 2, severity: 'SEV1', within: '1h', atLeast: 3, includeResolved: true })).toEqual(
      ['severity', 'within', 'atLeast', 'includeResolved'].map((field) => expect.stringMatching(new RegExp(`^severity\\.rules\\[0\\]\\.when\\.${field}: ${field} counts incidents, but this rule counts failed checks`))),
    );
    expect(rule({ severity: 'SEV1', within: '0s' })).toEqual([expect.stringMatching(/when\.within: must be longer than 0/)]);
  });
  test('a rule of one kind is fine', () => {
    expect(rule({ failedChecks: 2, section: 's' })).toEqual([]);
    expect(rule({ failedChecks: 2, section: ['s'] })).toEqual([]);
    expect(rule({ failedChecks: 2, section: ['s', 'smok'] })).toEqual([expect.stringMatching(/^severity\.rules\[0\]\.when\.section\[1\]: unknown section "smok"/)]);
    expect(rule({ severity: 'SEV1', atLeast: 2, within: '24h', includeResolved: true })).toEqual([]);
  });
});

describe('looksDestructive', () => {
  test.each([
    ['rm -rf /var/lib/app', 'rm -rf'],
    ['sudo rm -r -f /srv/data', 'rm -rf'],
    ['sudo -u postgres rm -rf /var/lib/postgresql/14/main', 'rm -rf'],
    ['sudo -iu app --preserve-env shred -u /srv/keys/old.pem', 'wipefs/shred'],
    ['cd /srv && rm --recursive --force build', 'rm -rf'],
    ['psql -c "DROP TABLE users"', 'DROP'],
    ['psql -c "truncate table events"', 'TRUNCATE'],
    ['psql -c "DELETE FROM sessions;"', 'DELETE FROM without WHERE'],
    ['kubectl --context prod -n web delete deployment api', 'kubectl delete'],
    ['kubectl drain node-1 --ignore-daemonsets', 'kubectl delete'],
    ['terraform destroy -auto-approve', 'terraform destroy'],
    ['terraform apply -destroy', 'terraform destroy'],
    ['helm uninstall api -n prod', 'helm uninstall'],
    ['git push --force origin main', 'git push --force'],
    ['git push -f origin main', 'git push --force'],
    ['dd if=/dev/zero of=/dev/sdb bs=1M', 'dd of='],
    ['mkfs.ext4 /dev/sdb1', 'mkfs'],
    ['docker rm -f api', 'docker rm -f'],
    ['docker system prune -af', 'docker prune'],
    ['redis-cli FLUSHALL', 'FLUSHALL/FLUSHDB'],
    ['aws rds delete-db-instance --db-instance-identifier x', 'cloud delete'],
    ['sudo -u postgres dropdb orders', 'dropdb'],
    ['rabbitmqctl purge_queue search-indexer', 'queue purge'],
    ['kafka-consumer-groups --bootstrap-server k:9092 --delete --group order-consumer', 'kafka delete'],
    ['kafka-topics.sh --bootstrap-server k:9092 --delete --topic orders', 'kafka delete'],
    ['etcdctl del /registry --prefix', 'etcd delete'],
    ['curl -X DELETE http://es:9200/old-index', 'HTTP DELETE'],
    ["curl -fsS --request 'DELETE' https://api/v1/x", 'HTTP DELETE'],
    ['curl -XDELETE localhost:9200/logs-2024', 'HTTP DELETE'],
    ['http --check-status DELETE api.example/v1/items/3', 'HTTP DELETE'],
  ])('%s', (command, reason) => {
    expect(looksDestructive(command)).toBe(reason);
  });

  test.each([
    'rm -f /tmp/app.pid',
    'rm -rf /tmp/cutover-demo-123',
    'rm -rf "$TMPDIR/cutover"',
    'psql -c "DELETE FROM sessions WHERE expires < now()"',
    'kubectl get pods -n prod',
    'kubectl rollout status deploy/api',
    'terraform plan',
    'helm status api',
    'git push origin main',
    'docker ps --format "{{.Names}}"',
    'curl -fsS http://127.0.0.1/health',
    'curl -X POST http://api/deletes -d x',
    'rabbitmqctl list_queues name messages',
    'kafka-consumer-groups --bootstrap-server k:9092 --describe --group order-consumer',
    'etcdctl get /registry --prefix --keys-only',
  ])('not destructive: %s', (command) => {
    expect(looksDestructive(command)).toBeUndefined();
  });
});
