// Recognises shell commands that destroy data or infrastructure, so that a runbook which forgot
// `destructive: true` gets a warning and imported runbooks get the flag set.

interface Rule {
  reason: string;
  pattern: RegExp;
  /** Further test on the match, e.g. "no WHERE clause". */
  also?: (match: RegExpExecArray) => boolean;
}

// sudo's options, those that take a value with it: `sudo -u postgres rm -rf …` runs `rm`.
const SUDO = String.raw`\bsudo\s+(?:(?:-[A-Za-z]*[ugCDhprtUT]|--(?:user|group|chdir|host|prompt))\s+\S+\s+|-\S+\s+)*`;
// A command word starts the command or follows a separator, sudo, env or a subshell.
const START = String.raw`(?:^|[;&|({\x60\n]\s*|${SUDO}|\bxargs\s+(?:-\S+\s+)*|\bexec\s+)`;
const TEMP_ONLY = /^(?:\s+(?:"|')?(?:\/tmp\/|\/var\/tmp\/|\$\{?TMPDIR\}?\/|\$\{?(?:tmp|TMP|tmpdir|temp_dir|tmp_dir)\}?\b)\S*)+\s*$/;

const RULES: Rule[] = [
  {
    reason: 'rm -rf',
    pattern: new RegExp(`${START}rm((?:\\s+-{1,2}[A-Za-z-]+)+)([^;&|\\n]*)`, 'g'),
    also: (m) => {
      const flags = m[1] ?? '';
      const recursive = /\s-[A-Za-z]*[rR]|--recursive/.test(flags);
      const force = /\s-[A-Za-z]*f|--force/.test(flags);
      return recursive && force && !TEMP_ONLY.test(m[2] ?? '');
    },
  },
  { reason: 'DROP', pattern: /\bdrop\s+(?:table|database|schema|index|view|user|role|column|keyspace|collection)\b/gi },
  { reason: 'TRUNCATE', pattern: /\btruncate\s+(?:table\s+)?[A-Za-z_"`[]/gi },
  { reason: 'DELETE FROM without WHERE', pattern: /\bdelete\s+from\s+[^;'"]*/gi, also: (m) => !/\bwhere\b/i.test(m[0]) },
  { reason: 'FLUSHALL/FLUSHDB', pattern: /\bflush(?:all|db)\b/gi },
  { reason: 'dropDatabase', pattern: /\.drop(?:Database)?\(\)/g },
  { reason: 'kubectl delete', pattern: /\bkubectl\b[^;&|\n]*?\s(?:delete|drain)\b/g },
  { reason: 'terraform destroy', pattern: /\bterraform\b[^;&|\n]*?\s(?:destroy\b|apply\b[^;&|\n]*\s-destroy\b)/g },
  { reason: 'helm uninstall', pattern: /\bhelm\b[^;&|\n]*?\s(?:uninstall|delete)\b/g },
  { reason: 'git push --force', pattern: /\bgit\b[^;&|\n]*?\spush\b[^;&|\n]*?\s(?:--force\b|--force-with-lease\b|-f\b|\+\S)/g },
  { reason: 'git reset --hard', pattern: /\bgit\b[^;&|\n]*?\sreset\b[^;&|\n]*?\s--hard\b/g },
  { reason: 'dd of=', pattern: /\bdd\b[^;&|\n]*?\bof=/g },
  { reason: 'mkfs', pattern: /\bmkfs(?:\.\w+)?\b/g },
  { reason: 'wipefs/shred', pattern: new RegExp(`${START}(?:wipefs|shred)\\b`, 'g') },
  { reason: 'docker rm -f', pattern: /\bdocker\s+(?:container\s+)?rm\s+(?:-\S*f|--force)\b/g },
  { reason: 'docker prune', pattern: /\bdocker\s+(?:system|volume|container|image|network|builder)\s+prune\b/g },
  { reason: 'docker volume rm', pattern: /\bdocker\s+volume\s+rm\b/g },
  { reason: 'dropdb', pattern: /(?:^|[\s;&|(`])(?:dropdb|dropuser|pg_dropcluster)\s/g },
  { reason: 'queue purge', pattern: /\brabbitmqctl\b[^;&|\n]*?\s(?:purge_queue|delete_queue|delete_vhost|reset|force_reset)\b/g },
  { reason: 'kafka delete', pattern: /\bkafka-(?:topics|consumer-groups|configs)(?:\.sh)?\b[^;&|\n]*?\s--delete\b|\bkafka-delete-records\b/g },
  { reason: 'etcd delete', pattern: /\betcdctl\b[^;&|\n]*?\sdel\b/g },
  { reason: 'HTTP DELETE', pattern: /\b(?:curl\b[^;&|\n]*?\s(?:-X\s*|--request[\s=]+)['"]?DELETE\b|(?:https?|http|xh)\s+(?:-\S+\s+)*DELETE\s)/g },
  { reason: 'cloud delete', pattern: /\b(?:aws\s+\S+\s+(?:delete-|terminate-|rb\b)|aws\s+s3\s+rm\b|gcloud\b[^;&|\n]*?\s(?:delete)\b|gsutil\b[^;&|\n]*?\s(?:rm|rb)\b|az\b[^;&|\n]*?\sdelete\b)/g },
];

/** The kind of destruction a command looks like it does (e.g. "kubectl delete"), or undefined. */
export function looksDestructive(command: string): string | undefined {
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(command); m; m = rule.pattern.exec(command)) {
      if (!rule.also || rule.also(m)) return rule.reason;
      if (!rule.pattern.global) break;
    }
  }
  return undefined;
}
