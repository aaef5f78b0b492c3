// Runbooks as SRE teams write them, imported the way a new user would: each case is a way the
// importer once produced a command the operator must not run, or lost one.
import { describe, expect, it } from 'vitest';
import { refuseOversizeChecklist } from '../../src/domain/import/limits.js';
import { runCli } from '../helpers/cli.js';
import { importText } from './helpers.js';

function runs(markdown: string): string[] {
  const { checklist } = importText(markdown);
  return checklist.sections.flatMap((s) => s.items.flatMap((i) => (i.run ? [i.run] : [])));
}

describe('console sessions', () => {
  it('keeps a prompted command whose quoted argument spans lines whole, and its output out', () => {
    const md = [
      '# ES', '', '## Disable allocation', '', '```', `$ curl -X PUT "localhost:9200/_cluster/settings" -d'`,
      '{', '  "persistent": { "cluster.routing.allocation.enable": "primaries" }', '}', "'",
      '{"acknowledged":true}', '```', '',
    ].join('\n');
    const { checklist } = importText(md);
    const item = checklist.sections[0]?.items[0];
    expect(item?.run).toBe(`curl -X PUT "localhost:9200/_cluster/settings" -d'\n{\n  "persistent": { "cluster.routing.allocation.enable": "primaries" }\n}\n'`);
    expect(item?.description).toContain('{"acknowledged":true}');
  });

  it('drops the "> " continuation prompts of a pasted terminal session (not a redirection)', () => {
    const md = [
      '# ES', '', '## Re-enable', '', '```shell-session',
      'root@es-01:~# curl -X PUT "localhost:9200/_cluster/settings" \\',
      ">   -H 'Content-Type: application/json' \\",
      `>   -d '{"persistent":{"cluster.routing.allocation.enable":null}}'`,
      '{"acknowledged":true}', '```', '',
    ].join('\n');
    expect(runs(md)).toEqual([
      `curl -X PUT "localhost:9200/_cluster/settings" \\\n  -H 'Content-Type: application/json' \\\n  -d '{"persistent":{"cluster.routing.allocation.enable":null}}'`,
    ]);
  });

  it('keeps a here-document typed after a prompt as part of its command', () => {
    const md = ['# Notes', '', '## Mark', '', '```console', '$ cat <<EOF > /tmp/done', 'restarted by $USER', 'EOF', '$ ls /tmp/done', '/tmp/done', '```', ''].join('\n');
    expect(runs(md)).toEqual(['cat <<EOF > /tmp/done\nrestarted by $USER\nEOF', 'ls /tmp/done']);
  });

  it('still reads "> " in the middle of a command as a redirection when not every line has it', () => {
    const md = ['# X', '', '## Y', '', '```console', '$ echo one \\', '  two \\', '> /tmp/out', '```', ''].join('\n');
    expect(runs(md)).toEqual(['echo one \\\n  two \\\n> /tmp/out']);
  });
});

describe('Confluence wiki markup', () => {
  it('closes an {info} panel written on one line, so the sections after it are read', () => {
    const md = [
      'h1. RDS failover', '', '{info}Maintained by the DBRE team.{info}', '', 'h2. Procedure', '',
      '# Fail over:', '{code:bash}', 'aws rds reboot-db-instance --db-instance-identifier billing-prod --force-failover', '{code}', '',
      'h2. Rollback', '', '# Fail back: {{aws rds reboot-db-instance --db-instance-identifier billing-prod --force-failover}}', '',
    ].join('\n');
    const { checklist } = importText(md);
    expect(checklist.sections.map((s) => [s.title, s.kind, s.items.length])).toEqual([
      ['Procedure', 'steps', 1],
      ['Rollback', 'rollback', 1],
    ]);
    expect(checklist.description).toContain('Maintained by the DBRE team.');
    expect(checklist.description).not.toContain('{info}');
  });

  it('closes a panel whose last text line carries the closing tag', () => {
    const md = ['h1. X', '', '{warning}', 'Do not run on Fridays.{warning}', '', 'h2. Steps', '', '# Check: {{kubectl get pods}}', ''].join('\n');
    const { checklist } = importText(md);
    expect(checklist.sections.map((s) => s.title)).toEqual(['Steps']);
    expect(checklist.description).toContain('Do not run on Fridays.');
  });
});

describe('Confluence pages exported to markdown (pandoc)', () => {
  it('reads ``` syntaxhighlighter-pre and {.sourceCode .bash} blocks by their content', () => {
    const md = [
      '# Failover', '', '## Procedure', '', '1.  Verify status:', '', '    ``` syntaxhighlighter-pre',
      '    aws rds describe-db-instances --db-instance-identifier billing-prod', '    ```', '',
      '2.  Fail over:', '', '    ``` {.sourceCode .bash}', '    aws rds reboot-db-instance --db-instance-identifier billing-prod --force-failover', '    ```', '',
      '3.  Expected status:', '', '    ``` syntaxhighlighter-pre', '    available', '    ```', '',
    ].join('\n');
    const { checklist } = importText(md);
    expect(checklist.sections[0]?.items.map((i) => i.run)).toEqual([
      'aws rds describe-db-instances --db-instance-identifier billing-prod',
      'aws rds reboot-db-instance --db-instance-identifier billing-prod --force-failover',
      undefined,
    ]);
  });

  it('runs the <code> of an HTML table\'s command column', () => {
    const md = [
      '# Failover', '', '## Validation', '', '<table>', '<thead>', '<tr>', '<th>Check</th>', '<th>Command</th>', '<th>Expected</th>', '</tr>', '</thead>',
      '<tbody>', '<tr>', '<td>App health</td>', '<td><code>curl -fsS https://billing.internal/health</code></td>', '<td>200 OK</td>', '</tr>', '</tbody>', '</table>', '',
    ].join('\n');
    const item = importText(md).checklist.sections[0]?.items[0];
    expect(item).toMatchObject({ title: 'App health', run: 'curl -fsS https://billing.internal/health', expect: { description: '200 OK' } });
  });
});

describe('headings in German, French and Spanish', () => {
  it.each([
    ['Rückfall', 'rollback'],
    ['Retour arrière', 'rollback'],
    ['Marcha atrás', 'rollback'],
    ['Voraussetzungen', 'gates'],
    ['Prérequis', 'gates'],
    ['Vorabprüfung', 'gates'],
    ['Contrôles préalables', 'gates'],
    ['Prüfung', 'smoke'],
    ['Vérifications', 'smoke'],
    ['Contrôles après bascule', 'smoke'],
    ['Abnahme', 'signoff'],
    ['Durchführung', 'steps'],
  ])('"%s" is a %s section', (heading, kind) => {
    const md = `# Runbook\n\n## ${heading}\n\n1. \`kubectl get pods\`\n\n## Sonstiges\n\nText.\n`;
    expect(importText(md).checklist.sections[0]?.kind).toBe(kind);
  });
});

describe('disruptive commands', () => {
  function flagged(command: string): boolean | undefined {
    return importText(`# X\n\n## Steps\n\n\`\`\`bash\n${command}\n\`\`\`\n`).checklist.sections[0]?.items[0]?.destructive;
  }

  it('marks a command whose option says it fails over or destroys as destructive', () => {
    expect(flagged('aws rds reboot-db-instance \\\n  --db-instance-identifier billing-prod \\\n  --force-failover')).toBe(true);
    expect(flagged('terraform apply -destroy -auto-approve')).toBe(true);
  });

  it('leaves options that only tune a failover alone', () => {
    expect(flagged('aws rds reboot-db-instance --db-instance-identifier billing-prod')).toBe(false);
    expect(flagged('redis-sentinel --failover-timeout=30000 sentinel.conf')).toBe(false);
    expect(flagged('aws rds reboot-db-instance --force-failover --dry-run')).toBe(false);
  });
});

describe('a runbook too big for one checklist', () => {
  it('is refused with one clear line before anything is written', () => {
    const yaml = `id: x\nsections:\n${'  - a\n'.repeat(100_001)}`;
    expect(() => refuseOversizeChecklist(yaml, 'big.md')).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/^big\.md is too big for one checklist \(it would hold over 100,000 values.*nothing was written$/), exitCode: 1 }),
    );
    expect(() => refuseOversizeChecklist('id: x\nsections: []\n', 'small.md')).not.toThrow();
  });
});

describe('commands in a step\'s detail bullets', () => {
  it('makes a bullet with a `code` command a step of its own beside one with a code block', () => {
    const md = [
      '# DNS', '', '## Steps', '', '1. Lower TTL', '   - Edit the record:', '     ```',
      '     aws route53 change-resource-record-sets --hosted-zone-id Z123 --change-batch file://lower-ttl.json', '     ```',
      '   - Confirm the TTL is served:', '     - `dig +noall +answer www.example.com @ns-1.awsdns-01.org`', '     - Expect `60` in the second column', '',
    ].join('\n');
    const items = importText(md).checklist.sections[0]?.items ?? [];
    expect(items.map((i) => [i.title, i.run])).toEqual([
      ['Lower TTL', undefined],
      ['Edit the record', 'aws route53 change-resource-record-sets --hosted-zone-id Z123 --change-batch file://lower-ttl.json'],
      ['Confirm the TTL is served', 'dig +noall +answer www.example.com @ns-1.awsdns-01.org'],
    ]);
  });
});

describe('go / no-go criteria tables', () => {
  it('makes each criterion a gate to check, its threshold what is expected', () => {
    const md = [
      '# PG upgrade', '', '## Go / No-Go criteria', '', '| Criterion | Threshold | Go? |', '| --- | --- | --- |',
      '| Replication lag | < 5 s | |', '| Last backup age | < 6 h | |', '',
    ].join('\n');
    const section = importText(md).checklist.sections[0];
    expect(section?.kind).toBe('gates');
    expect(section?.items.map((i) => [i.title, i.description])).toEqual([
      ['Replication lag', 'Expected: < 5 s'],
      ['Last backup age', 'Expected: < 6 h'],
    ]);
  });
});

describe('a step named by its command', () => {
  it('joins the command\'s `\\` continuations rather than ending the title in "\\"', () => {
    const md = ['# EKS', '', '## Upgrade control plane', '', '```bash', 'aws eks update-cluster-version \\', '  --name prod-eu-1 \\', '  --kubernetes-version 1.29', '```', '', 'Then wait.', '', '```bash', 'aws eks wait cluster-active --name prod-eu-1', '```', ''].join('\n');
    const titles = importText(md).checklist.sections[0]?.items.map((i) => i.title);
    expect(titles?.[0]).toBe('aws eks update-cluster-version --name prod-eu-1 --kubernetes-version 1.29');
  });
});

describe('a block that opens a session and types into it', () => {
  const manual = (md: string) => {
    const { checklist, summary } = importText(md);
    return { items: checklist.sections.flatMap((s) => s.items), kept: summary.keptAsDescription.join('\n') };
  };

  it('is a manual step, not a script that would run the remote host\'s commands locally', () => {
    const { items, kept } = manual(['# DB', '', '## Stop the replica', '', '```bash', 'ssh db-replica-01.prod', 'sudo systemctl stop postgresql', 'exit', '```', ''].join('\n'));
    expect(items).toHaveLength(1);
    expect(items[0]?.run).toBeUndefined();
    expect(items[0]?.description).toContain('ssh db-replica-01.prod\nsudo systemctl stop postgresql');
    expect(kept).toContain('`ssh db-replica-01.prod` opens a session that the lines after it are typed into: not run as one script in "Stop the replica"');
  });

  it.each([
    ['kubectl exec -it deploy/api -n payments -- /bin/sh\nenv | grep DATABASE_URL'],
    ['docker exec -it -u root web bash\nls /srv'],
    ['sudo -iu postgres\npsql -c "select 1"'],
    ['sudo su -\nsystemctl restart nginx'],
    ['mysql -h db -u root -p\nSHOW SLAVE STATUS\\G'],
    ['docker run -it --rm -v /data:/data busybox sh\nls /data'],
    ['gcloud compute ssh vm-1 --zone europe-west1-b\nsudo systemctl restart app'],
    ['aws ssm start-session --target i-0abc123\nsudo systemctl restart app'],
  ])('%s', (code) => {
    expect(manual(`# X\n\n## Y\n\n\`\`\`bash\n${code}\n\`\`\`\n`).items[0]?.run).toBeUndefined();
  });

  it('in a terminal session: the psql prompt lines after it are what was typed in it', () => {
    const md = ['# DB', '', '## Check replication', '', '```console', '$ psql -h db-primary -U postgres', 'postgres=# SELECT state FROM pg_stat_replication;', ' streaming', '```', ''].join('\n');
    const { items, kept } = manual(md);
    expect(items[0]?.run).toBeUndefined();
    expect(kept).toContain('`psql -h db-primary -U postgres` opens a session');
  });

  it.each([
    ['ssh db01 sudo systemctl status postgresql\necho done'],
    ["ssh db01 <<'EOF'\nsudo systemctl stop postgresql\nEOF\necho stopped"],
    ['psql -h db -U app -c "SELECT 1"\necho ok'],
    ['psql -h db -U app < migrate.sql\necho ok'],
    ['kubectl exec deploy/api -- env\necho ok'],
    ['redis-cli -h cache INFO replication\necho ok'],
    ['sudo -u postgres psql -tAc "select 1"\necho ok'],
    ['echo start\nssh db01'],
    ["gcloud compute ssh vm-1 --command 'uptime'\necho ok"],
    ['docker run --rm busybox ls /\necho ok'],
  ])('still runs %s', (code) => {
    expect(manual(`# X\n\n## Y\n\n\`\`\`bash\n${code}\n\`\`\`\n`).items.map((i) => i.run).join('\n')).toBe(code);
  });
});

describe('destructive commands run as another user, or deleting keys', () => {
  it('marks `sudo -u postgres rm -rf …`, `sudo -u postgres patronictl failover`, `redis-cli del` destructive', () => {
    for (const command of ['sudo -u postgres rm -rf /var/lib/postgresql/16/main', 'sudo -iu postgres patronictl failover --force', 'sudo --user=postgres dropdb orders', "redis-cli -h c --scan --pattern 'v1:*' | xargs redis-cli -h c del"]) {
      const item = importText(`# X\n\n## Y\n\n\`\`\`bash\n${command}\n\`\`\`\n`).checklist.sections[0]?.items[0];
      expect([command, item?.destructive]).toEqual([command, true]);
    }
  });
});

describe('an inline command run as another user', () => {
  it('is a step: "After 7 days: `sudo -u postgres ./delete_old_cluster.sh`"', () => {
    const md = '# PG\n\n## Cleanup\n\nAfter 7 days: `sudo -u postgres ./delete_old_cluster.sh`\n\n## Notes\n\nNone.\n';
    expect(importText(md).checklist.sections[0]?.items.map((i) => i.run)).toEqual(['sudo -u postgres ./delete_old_cluster.sh']);
  });
});

describe('a code block in a block quote', () => {
  it('is closed by its "> ```" line: no "never closed" notice', () => {
    const md = '# X\n\n## Steps\n\n1. `kubectl get pods`\n\n> **Note**\n> ```bash\n> kubectl rollout restart deploy/cache\n> ```\n\nAfter the note.\n';
    const { checklist, summary } = importText(md);
    expect(summary.notices.join('\n')).not.toContain('never closed');
    expect(checklist.sections[0]?.description).not.toContain('never closed');
  });
});

describe('commands pasted through a word processor', () => {
  it('names the typographic dash or quote the shell would read literally', () => {
    const md = '# X\n\n## Steps\n\n1. Check the pods: `kubectl get pods –n cache`\n2. Annotate: `kubectl annotate deploy/cache reason=“flush”`\n3. Say: `echo "it’s done — ok"`\n';
    const notices = importText(md).summary.notices.join('\n');
    expect(notices).toContain('"Check the pods" in "Steps": its command has "–n" (a typographic dash for "-")');
    expect(notices).toContain('"Annotate" in "Steps": its command has “ (a typographic quote for ")');
    expect(notices).not.toContain('"Say"');
  });
});

describe('cutover import - (built CLI)', () => {
  it('reads the runbook from standard input, its id from its title', () => {
    const result = runCli(['import', '-'], { input: '# Restart api\n\n1. `kubectl rollout restart deploy/api`\n' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('id: restart-api\n');
    expect(result.stdout).toContain('run: kubectl rollout restart deploy/api');
    expect(result.stderr).toContain('imported stdin -> stdout');
  });
});

describe('a command block with the table it printed pasted under it', () => {
  it('runs the commands only, and shows the table as example output', () => {
    const md = [
      '# X', '', '## Check nodes', '', '```bash', 'kubectl get nodes', 'NAME        STATUS   ROLES           AGE   VERSION',
      'node-1      Ready    control-plane   10d   v1.29.2', 'node-2      Ready    <none>          10d   v1.29.2', 'kubectl get pods -n payments', '```', '',
    ].join('\n');
    const items = importText(md).checklist.sections[0]?.items ?? [];
    expect(items.map((i) => i.run)).toEqual(['kubectl get nodes\nkubectl get pods -n payments']);
    expect(items[0]?.description).toContain('NAME        STATUS   ROLES');
  });

  it('leaves capitals that are data alone: a here-document, a variable, a quoted string', () => {
    const code = "cat <<EOF > /tmp/table.txt\nNAME   VALUE\nEOF\nFOO=bar\necho 'NAME   VALUE'";
    expect(importText(`# X\n\n## Y\n\n\`\`\`bash\n${code}\n\`\`\`\n`).checklist.sections[0]?.items.map((i) => i.run).join('\n')).toBe(code);
  });
});

describe('"Expected output:" and a block after a command', () => {
  it('is that command\'s example output, not a manual step of its own', () => {
    const md = ['# X', '', '## Deploy', '', '```sh', 'kafka-topics --bootstrap-server localhost:9092 --describe --under-replicated-partitions', '```', '', 'Expected output:', '', '```', '(empty)', '```', '', 'Then go on.', ''].join('\n');
    const items = importText(md).checklist.sections[0]?.items ?? [];
    expect(items).toHaveLength(1);
    expect(items[0]?.description).toContain('Expected output:\n```\n(empty)\n```');
  });
});

describe('a step that offers another command instead of its own', () => {
  it('runs its first command only, and says which alternatives it left out', () => {
    const md = [
      '# X', '', '## Steps', '',
      '1. Restart with `sudo systemctl restart nginx` (or `sudo service nginx restart` on older hosts).',
      '2. Check `curl -fsS localhost/health` or, if that fails, `journalctl -u nginx -n 50`.',
      '3. Run `make build` then `make deploy`.', '',
    ].join('\n');
    const { checklist, summary } = importText(md);
    expect(checklist.sections[0]?.items.map((i) => i.run)).toEqual(['sudo systemctl restart nginx', 'curl -fsS localhost/health', 'make build\nmake deploy']);
    expect(summary.notices.join('\n')).toContain('offers alternatives to its command (`sudo service nginx restart`): only the first is run');
  });
});

describe('a step table with a rollback column', () => {
  it('gives a rollback section right after it, its rows undone last first', () => {
    const md = [
      '# Flags', '', '## Plan', '', '| # | Step | Command | Rollback |', '| --- | --- | --- | --- |',
      '| 1 | Enable for 1% | `ffctl set v2 --percent 1` | `ffctl set v2 --percent 0` |',
      '| 2 | Enable for 10% | `ffctl set v2 --percent 10` | `ffctl set v2 --percent 1` |',
      '| 3 | Announce | `slackctl post "#ops" done` | n/a |', '', '## Smoke', '', '```bash', 'curl -fsS localhost/health', '```', '',
    ].join('\n');
    const { checklist } = importText(md);
    expect(checklist.sections.map((s) => [s.id, s.kind])).toEqual([['plan', 'steps'], ['plan-rollback', 'rollback'], ['smoke', 'smoke']]);
    expect(checklist.sections[1]?.items.map((i) => [i.title, i.run])).toEqual([
      ['Undo: Enable for 10%', 'ffctl set v2 --percent 1'],
      ['Undo: Enable for 1%', 'ffctl set v2 --percent 0'],
    ]);
    expect(checklist.sections[0]?.items[0]?.run).toBe('ffctl set v2 --percent 1');
  });
});

describe('a pasted terminal session with a here-document and a loop', () => {
  it('reads the "> " lines the shell prompted for as part of their command', () => {
    const md = ['# X', '', '## Y', '', '```console', '$ cat <<EOF > /tmp/f', '> line one', '> EOF', '$ for i in 1 2; do', '>   echo "$i"', '> done', '1', '2', '```', ''].join('\n');
    expect(runs(md)).toEqual(['cat <<EOF > /tmp/f\nline one\nEOF', 'for i in 1 2; do\n  echo "$i"\ndone']);
  });
});

describe('MkDocs admonitions and content tabs', () => {
  it('reads their indented content as steps, not as a code block of fences', () => {
    const md = [
      '# X', '', '## Steps', '', '!!! note "Install the client"', '', '    ```bash', '    sudo apt-get install -y postgresql-client-16', '    ```', '',
      '=== "RHEL"', '', '    ```bash', '    sudo dnf install -y postgresql16', '    ```', '',
    ].join('\n');
    const { checklist, summary } = importText(md);
    expect(checklist.sections[0]?.items.map((i) => [i.title, i.run])).toEqual([
      ['Note: Install the client', 'sudo apt-get install -y postgresql-client-16'],
      ['RHEL', 'sudo dnf install -y postgresql16'],
    ]);
    expect(summary.notices.join('\n')).toContain('read 2 MkDocs admonition or tab block(s)');
  });

  it('keeps a warning\'s content, and the title that forbids a command, as text to read', () => {
    const md = ['# X', '', '## Steps', '', '1. `kubectl get pods`', '', '!!! danger "Never"', '    run `redis-cli FLUSHALL` on the primary.', '', '!!! warning "Point of no return"', '    ```bash', '    psql -c "DROP TABLE orders_old"', '    ```', ''].join('\n');
    const { checklist } = importText(md);
    expect(checklist.sections[0]?.items.map((i) => i.run)).toEqual(['kubectl get pods']);
    expect(checklist.sections[0]?.description).toContain('> Danger: Never — run `redis-cli FLUSHALL` on the primary.');
    expect(checklist.sections[0]?.description).toContain('psql -c "DROP TABLE orders_old"');
  });

  it('leaves "!!!" inside a code block, and one with nothing indented under it, as written', () => {
    const md = '# X\n\n## Y\n\n```bash\n!!! note "x"\n    echo hi\n```\n\n!!! note\nNot indented.\n';
    const { checklist, summary } = importText(md);
    expect(checklist.sections[0]?.items[0]?.run).toBe('!!! note "x"\n    echo hi');
    expect(summary.notices.join('\n')).not.toContain('MkDocs');
  });
});
