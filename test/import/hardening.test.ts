// Runbook styles and shapes found by exploratory testing: terminal prompts, step tables before any
// heading, wiki markup, bold pseudo-headings, optional roles, author comments, quoted placeholders.
import { describe, expect, it, vi } from 'vitest';
import { CutoverError } from '../../src/domain/errors.js';
import { importRunbook } from '../../src/domain/import/index.js';
import { importText, items, sectionsOf } from './helpers.js';

const fence = '```';

describe('terminal sessions', () => {
  it('reads user@host, [root@host] and (venv) prompts as commands, a step each with its own output as an example', () => {
    const { checklist } = importText(`# Kafka\n\n## Checks\n\n${fence}console
[root@kafka-1 ~]# systemctl is-active kafka
active
(venv) $ python3 check_isr.py --cluster events
ISR ok
admin@bastion:/opt/kafka$ bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092
localhost:9092 (id: 1)
${fence}\n`);
    expect(items(checklist).map((i) => [i.run, i.description])).toEqual([
      ['systemctl is-active kafka', `Example output:\n${fence}\nactive\n${fence}`],
      ['python3 check_isr.py --cluster events', `Example output:\n${fence}\nISR ok\n${fence}`],
      ['bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092', `Example output:\n${fence}\nlocalhost:9092 (id: 1)\n${fence}`],
    ]);
    expect(items(checklist).map((i) => i.title)).not.toContain('Step');
  });

  it('keeps a session block without any command as section text, not as an empty "Step" item', () => {
    const { checklist, summary } = importText(`# R\n\n## Checks\n\n${fence}shell-session\n# just output\nTopic: events PartitionCount: 12\n${fence}\n\n- [ ] Lag is fine\n`);
    const [section] = checklist.sections;
    expect(section?.items.map((i) => i.title)).toEqual(['Lag is fine']);
    expect(section?.description).toContain('Topic: events PartitionCount: 12');
    expect(section?.description?.match(/PartitionCount/g)).toHaveLength(1);
    expect(summary.keptAsDescription.join('\n')).toContain('no command lines in "Checks"');
  });
});

describe('document shapes', () => {
  it('imports a table of steps written before any heading as the procedure, not as description', () => {
    const { checklist } = importText(`# DNS cutover

| # | Step | Owner | Command | Expected |
|---|------|-------|---------|----------|
| 1 | Lower TTL | DNS admin | \`dig +short www.example.com\` | TTL 60 |
| 2 | Switch CNAME | DNS admin | \`echo switch\` | |

## Abort criteria

- 5xx rate > 1% for 5 minutes → rollback
- Any TLS error reported by users → P2, investigate
`);
    expect(checklist.sections[0]).toMatchObject({ title: 'DNS cutover', kind: 'steps' });
    expect(checklist.sections[0]?.items.map((i) => [i.title, i.run, i.owner])).toEqual([
      ['Lower TTL', 'dig +short www.example.com', 'dns-admin'],
      ['Switch CNAME', 'echo switch', 'dns-admin'],
    ]);
    expect(checklist.description ?? '').not.toContain('| 1 |');
    // The list says abort; the entry itself only says investigate: not a firm rollback.
    expect(checklist.severity.rules.map((r) => r.recommend)).toEqual(['rollback', 'consider-rollback']);
  });

  it('reads Confluence/Jira wiki markup: h2. headings, # lists, ||tables||, {{code}} and {code} blocks', () => {
    const { checklist, summary } = importText(`h1. Payments DB failover

h2. Contacts

||Role||Name||Phone||
|DBA on-call|Alice|+1 555 0100|

h2. Steps

# Confirm replication is streaming
# Stop writers: {{kubectl scale deploy/payments --replicas=0}}
#* only the API pods
# Promote the replica
{code:bash}
pg_ctl promote
{code}

*Rollback*

# Reverse the steps
`);
    expect(checklist.title).toBe('Payments DB failover');
    expect(checklist.roles).toMatchObject([{ id: 'dba-on-call', name: 'Alice' }]);
    const steps = sectionsOf(checklist, 'steps').find((s) => s.title === 'Steps');
    expect(steps?.items.map((i) => [i.title, i.run])).toEqual([
      ['Confirm replication is streaming', undefined],
      ['Stop writers', 'kubectl scale deploy/payments --replicas=0'],
      ['Promote the replica', 'pg_ctl promote'],
    ]);
    expect(sectionsOf(checklist, 'rollback').map((s) => s.items.map((i) => i.title))).toEqual([['Reverse the steps']]);
    expect(summary.notices.join('\n')).toContain('wiki markup');
  });

  it('makes bold pseudo-headings sections when a runbook has no headings at all', () => {
    const { checklist } = importText(`**Cache tier cutover**\n\n**Step 1: Drain old nodes**\n\n${fence}\necho drain\n${fence}\n\n**Smoke**\n\n- \`echo smoke-ok\` prints smoke-ok\n\n**Rollback**\n\n1. Re-enable old nodes\n`);
    expect(checklist.title).toBe('Cache tier cutover');
    expect(checklist.sections.map((s) => [s.title, s.kind, s.items.map((i) => i.title)])).toEqual([
      ['Cache tier cutover', 'steps', ['Step 1: Drain old nodes']],
      ['Smoke', 'smoke', ['`echo smoke-ok` prints smoke-ok']],
      ['Rollback', 'rollback', ['Re-enable old nodes']],
    ]);
  });

  it('never walks a bold **Rollback** block as part of the section before it', () => {
    const { checklist } = importText(`# Migration\n\n## Cutover\n\n1. Flip the alias\n\n**Rollback**\n\n1. Flip the alias back\n\n**Rollback trigger:**\n\n- error rate above 5%\n`);
    expect(checklist.sections.map((s) => [s.title, s.kind, s.items.map((i) => i.title)])).toEqual([
      ['Cutover', 'steps', ['Flip the alias']],
      ['Rollback', 'rollback', ['Flip the alias back']],
    ]);
    expect(checklist.severity.rules).toHaveLength(1);
  });

  it('drops {#anchor} attributes from headings', () => {
    const { checklist } = importText('# R\n\n## Pre-checks {#pre}\n\n- [ ] Cluster green\n');
    expect(checklist.sections[0]).toMatchObject({ id: 'pre-checks', title: 'Pre-checks', kind: 'gates' });
  });
});

describe('neighbouring formats', () => {
  it('refuses AsciiDoc with a way to convert it, rather than importing garbage', () => {
    const adoc = `= Postgres upgrade\n:toc:\n\n== Pre-checks\n\n. Check lag\n+\n[source,bash]\n----\npsql -c 'select 1'\n----\n`;
    expect(() => importRunbook(adoc, { source: 'pg.txt' })).toThrow('pg.txt is AsciiDoc, not a markdown runbook');
    expect(() => importRunbook('# Fine\n\n- [ ] step\n', { source: 'pg.adoc' })).toThrow(/AsciiDoc/);
  });

  it('keeps the commands of reStructuredText literal blocks and code-block directives', () => {
    const rst = 'Redis failover\n==============\n\nSmoke checks\n------------\n\n1. Ping the primary::\n\n     redis-cli ping\n\n2. Check memory\n\n   .. code-block:: bash\n\n      redis-cli info memory\n';
    const { checklist } = importText(rst);
    expect(items(checklist).map((i) => [i.title, i.run])).toEqual([
      ['Ping the primary', 'redis-cli ping'],
      ['Check memory', 'redis-cli info memory'],
    ]);
  });
});

describe('items and roles', () => {
  it('moves an author <!-- comment --> out of a step title into its description', () => {
    const { checklist } = importText('# R\n\n## Go / No-Go\n\n- [ ] State lock is free <!-- check table tf-locks -->\n');
    expect(items(checklist)[0]).toMatchObject({ id: 'state-lock-free', title: 'State lock is free', description: 'Note: check table tf-locks' });
  });

  it('marks a command destructive when its step says so', () => {
    const { checklist } = importText(`# R\n\n## Move\n\n1. Push the state (destructive!)\n   ${fence}bash\n   terraform state push s.tfstate\n   ${fence}\n2. Non-destructive dry run: \`terraform plan\`\n`);
    expect(items(checklist).map((i) => i.destructive)).toEqual([true, false]);
  });

  it('takes "[DBA]" and "[Search on-call]" in front of a step as its owner', () => {
    const { checklist } = importText('# R\n\n## Steps\n\n1. **[DBA]** Disable shard allocation\n2. [Search on-call] Confirm the cluster is green\n3. [WIP] Not a role\n');
    expect(items(checklist).map((i) => [i.title, i.owner])).toEqual([
      ['Disable shard allocation', 'dba'],
      ['Confirm the cluster is green', 'search-on-call'],
      ['[WIP] Not a role', undefined],
    ]);
  });

  it('does not require roles the runbook calls optional', () => {
    const list = importText('# R\n\n## Roles\n\n- Incident commander: Jane Doe (@jdoe)\n- Comms lead (optional): @comms\n- Scribe: optional, @rota\n').checklist;
    expect(list.roles.map((r) => [r.id, r.required])).toEqual([['incident-commander', true], ['comms-lead', false], ['scribe', false]]);
    const table = importText('# R\n\n## Roles\n\n| Role | Name | Required |\n|---|---|---|\n| IC | Ann | yes |\n| Scribe | Bo | no |\n').checklist;
    expect(table.roles.map((r) => [r.id, r.required, r.description])).toEqual([['ic', true, undefined], ['scribe', false, undefined]]);
  });

  it('turns a <placeholder> after a slash inside quotes into a variable, but not "<xml>" data', () => {
    const { checklist } = importText('# R\n\n## Steps\n\n1. Snapshot: `curl -XPUT "$ES:9200/_snapshot/s3/<snapshot-name>"`\n2. Post: `curl -d "<xml>" http://x`\n');
    expect(items(checklist).map((i) => i.run)).toEqual(['curl -XPUT "$ES:9200/_snapshot/s3/{{snapshot_name}}"', 'curl -d "<xml>" http://x']);
    expect(checklist.variables.map((v) => v.name)).toEqual(['snapshot_name']);
  });

  it('takes the id from the title when the file name is only digits (process substitution)', () => {
    expect(importRunbook('# Payments cutover\n\n- [ ] go\n', { source: '/dev/fd/63' }).checklist.id).toBe('payments-cutover');
  });

  it('says so when the front matter id cannot be used', () => {
    const { checklist, summary } = importText('---\nid: "My Runbook!"\n---\n# Payments cutover\n\n- [ ] go\n', 'pay.md');
    expect(checklist.id).toBe('pay');
    expect(summary.notices).toContain('front matter id "My Runbook!" is not a valid id (letters, digits, ".", "_", "-"): used "pay"');
  });

  it('keeps odd front matter as text, with a notice, and nothing printed by the YAML library', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    const keyed = importText('---\n[ref]: https://example.com\n---\n# R\n\n- [ ] go\n');
    expect(keyed.summary.notices.join('\n')).toContain('front matter is not valid YAML (a list or mapping used as a key)');
    expect(keyed.checklist.description).toContain('[ref]: https://example.com');
    const bomb = `---\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n---\n# R\n\n- [ ] go\n`;
    expect(importText(bomb).summary.notices.join('\n')).toMatch(/front matter is not valid YAML \(.*alias/i);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('refuses a runbook that holds only HTML comments', () => {
    expect(() => importRunbook('<!-- todo -->\n', { source: 'todo.md' })).toThrow(/only HTML comments/);
    expect(() => importRunbook('# T\n\n## S\n\n<!-- fill in -->\n', { source: 'todo.md' })).toThrow(/only headings and HTML comments/);
  });
});

describe('pathological markdown', () => {
  const refusal = (text: string): CutoverError => {
    try {
      importRunbook(text, { source: 'x.md' });
    } catch (error) {
      expect(error).toBeInstanceOf(CutoverError);
      return error as CutoverError;
    }
    throw new Error('expected a refusal');
  };

  it('refuses markup the parser would take minutes on, naming the line, instead of hanging', () => {
    expect(refusal(`# E\n\n${'*'.repeat(100_000)}x${'*'.repeat(100_000)}\n`).message).toMatch(/^x\.md:3: too much markup .* in one paragraph/);
    expect(refusal(`# E\n\n## S\n\n${'a* '.repeat(6000)}\n`).message).toMatch(/^x\.md:5: too much markup/);
    expect(refusal(`# E\n\n${`${'*'.repeat(3000)}\n\n`.repeat(5)}`).message).toMatch(/and as much in many others/);
  });

  it('refuses nesting hundreds of levels deep, which would overflow the stack', () => {
    expect(refusal(`# Q\n\n${'> '.repeat(3000)}x\n`).message).toMatch(/^x\.md:3: block quotes nested 3000 deep/);
    const list = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
    expect(refusal(`# L\n\n${list}\n`).message).toMatch(/^x\.md:\d+: a list nested \d+ columns deep/);
  });

  it('imports what only looks heavy: markup inside code blocks, and a long table', () => {
    const table = `| Step | Command |\n|---|---|\n${'| *do* `x` | `echo *` |\n'.repeat(3000)}`;
    expect(items(importText(`# T\n\n## S\n\n${table}`).checklist)).toHaveLength(3000);
    const code = `# C\n\n## S\n\n${fence}bash\n${'echo "****[[[]]]" \n'.repeat(5000)}${fence}\n`;
    expect(items(importText(code).checklist)).toHaveLength(1);
  });
});
