// Rules said twice are imported once; `# ` root prompts in code blocks are commands, `# ` prose is not.
import { describe, expect, it } from 'vitest';
import { importText, items, runs } from './helpers.js';

describe('duplicate rules', () => {
  const table = `| Severity | Definition | Action |
| --- | --- | --- |
| SEV1 | Orders cannot be placed | Rollback |
| SEV2 | Slow checkout | Fix forward |
`;

  it('imports a severity table row and a sentence that say the same rule once, and says so', () => {
    const { checklist, summary } = importText(`# X\n\n## Severity\n\n${table}\nAny SEV1 => rollback.\n\n## Steps\n\n1. Go\n`);
    const rules = checklist.severity.rules;
    expect(rules.filter((r) => r.recommend === 'rollback')).toHaveLength(1);
    expect(rules.map((r) => r.id)).toEqual(['sev1-rollback', 'sev2-fix-forward']);
    expect(summary.notices.join('\n')).toContain('says the same as');
  });

  it('keeps the text with more to say', () => {
    const { checklist } = importText('# X\n\n## Triggers\n\n- Any SEV1 => rollback\n\n## Severity\n\n| Severity | Action |\n| --- | --- |\n| SEV1 | Rollback and page the IC |\n');
    expect(checklist.severity.rules.map((r) => r.text)).toEqual(['any SEV1 => Rollback and page the IC']);
  });

  it('keeps rules that differ in what they recommend, their count or window, or their exception', () => {
    const { checklist } = importText(`# X\n\n## Rules\n\nAny SEV1 => rollback.\n\nAny SEV1 => hold.\n\n2+ SEV1 within 1h => rollback.\n\nAny SEV1 => rollback unless the fix is already deploying.\n`);
    expect(checklist.severity.rules).toHaveLength(4);
  });

  it('imports a manual trigger written twice in the same words once', () => {
    const { checklist } = importText('# X\n\n## Rollback triggers\n\n- Cluster red for more than 10 minutes => rollback\n- Error budget burn above 5x => rollback\n- Cluster red for more than 10 minutes => rollback.\n');
    expect(checklist.severity.rules.map((r) => r.text)).toEqual(['Cluster red for more than 10 minutes => rollback', 'Error budget burn above 5x => rollback']);
    expect(checklist.sections[0]?.description).toBe('2 rules imported into severity.rules.');
  });
});

const block = (code: string, lang = '') => `# X\n\n## Steps\n\n1. Do it\n\n   \`\`\`${lang}\n${code.split('\n').map((l) => `   ${l}`).join('\n')}\n   \`\`\`\n`;

describe('root prompts (`# command`)', () => {
  it('runs an untagged block of `# systemctl …` root prompts', () => {
    const { checklist } = importText(block('# systemctl restart app'));
    expect(runs(checklist)).toEqual(['systemctl restart app']);
  });

  it('keeps a prose comment as the comment heading root commands in a bash block', () => {
    const { checklist } = importText(block('# Check the status first\n# systemctl status app\n# systemctl restart app', 'bash'));
    expect(runs(checklist)).toEqual(['# Check the status first\nsystemctl status app\nsystemctl restart app']);
  });

  it('reads what a root command printed as its example output', () => {
    const { checklist } = importText(block('# nginx -t\nnginx: configuration file /etc/nginx/nginx.conf test is successful'));
    const [item] = items(checklist);
    expect(item?.run).toBe('nginx -t');
    expect(item?.description).toContain('Example output:');
  });

  it('leaves a command commented out in a script as a comment, and does not name the step by it', () => {
    const { checklist } = importText(`# X\n\n## Rollback\n\n\`\`\`bash\n# systemctl stop app\n# Check the status first\nsystemctl status app\n\`\`\`\n`);
    const [item] = items(checklist);
    expect(item).toMatchObject({ title: 'Check the status first', run: '# systemctl stop app\n# Check the status first\nsystemctl status app' });
  });

  it('does not run prose comments, even ones that start with a program name', () => {
    const prose = importText(block('# Watch the 5xx rate on the dashboard\n# kill the old workers only if they hang'));
    expect(runs(prose.checklist)).toEqual([]);
    const keywords = importText(block('# Run the migration\n# then verify the row counts'));
    expect(runs(keywords.checklist)).toEqual([]);
    const verbs = importText(block('# test connectivity\n# make sure nothing is writing'));
    expect(runs(verbs.checklist)).toEqual([]);
  });

  it('reads `#` prompts beside `$` prompts in a console block', () => {
    const { checklist } = importText(block('$ uptime\n 10:02:11 up 41 days\n# systemctl restart kafka\n# systemctl is-active kafka\nactive', 'console'));
    expect(runs(checklist)).toEqual(['uptime', 'systemctl restart kafka', 'systemctl is-active kafka']);
  });

  it('keeps a script that starts with #! as one step, not a step for its shebang', () => {
    const { checklist } = importText('# X\n\n## Rollback\n\n```bash\n#!/bin/bash\n# restore the config\ncp a.bak a\n# reload\nsystemctl reload nginx\n```\n');
    expect(items(checklist)).toHaveLength(1);
    expect(items(checklist)[0]?.run).toMatch(/^#!\/bin\/bash\n/);
  });
});

describe('a section that only held rules', () => {
  it('is triage, not an empty rollback section that `validate` warns shows empty and does nothing', async () => {
    const { lintChecklist } = await import('../../src/domain/checklist-lint.js');
    const { checklist } = importText('# X\n\n## Rollback triggers\n\n- Any SEV1 => rollback\n- Error rate above 5% => rollback\n\n## Rollback\n\n1. Switch back\n');
    expect(checklist.sections.map((s) => [s.id, s.kind])).toEqual([['rollback-triggers', 'triage'], ['rollback', 'rollback']]);
    expect(lintChecklist(checklist).filter((w) => w.message.includes('has no items'))).toEqual([]);
  });
});

describe('root prompts of host administration', () => {
  it('runs `# sysctl -w …` from an indented block, marks `# reboot` destructive, and leaves an editor step to the operator', () => {
    const { checklist } = importText(`# X

## Steps

1. Apply the sysctl

       # sysctl -w net.core.somaxconn=4096
       net.core.somaxconn = 4096

2. Reboot the node

   \`\`\`
   # reboot
   \`\`\`

3. Edit the config by hand

   \`\`\`
   # vi /etc/app/app.conf
   \`\`\`
`);
    const [apply, reboot, edit] = items(checklist);
    expect(apply).toMatchObject({ run: 'sysctl -w net.core.somaxconn=4096' });
    expect(reboot).toMatchObject({ run: 'reboot', destructive: true });
    expect(edit?.run).toBeUndefined();
  });
});
