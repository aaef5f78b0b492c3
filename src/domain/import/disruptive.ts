// Commands that change production in a way a rehearsal must not do by accident, beyond what
// ../destructive.ts reads as destroying data: a script named for a rollback or a failover
// (`./ops/scripts/emergency-rollback.sh`), or a CLI told to roll back, fail over, promote or
// restore (`helm rollback`, `patronictl failover`, `kubectl rollout undo`, `--force-failover`).
// Imported items running one are marked destructive, so that the operator confirms them.
import { looksDestructive } from '../destructive.js';
import { logicalLines } from './shell-scan.js';

const ACTION = String.raw`roll-?back|fail-?over|fail-?back|switch-?over|promote|restore|teardown|tear-down|destroy|wipe|purge|nuke|decommission`;
// `emergency-rollback.sh`, `failover_db.py`; not `validate-rollback.sh` or `check-failover`.
const SCRIPT_ACTION = new RegExp(String.raw`(?:^|[-_.])(?:${ACTION})(?:[-_.]|$)`, 'i');
const LOOKS_ONLY = /(?:^|[-_.])(?:check|checks|validate|validation|verify|status|health|test|tests|dry-?run|plan|list|show|get|diff|report|monitor|watch|preflight|precheck|readiness)(?:[-_.]|$)/i;
const SUBCOMMAND = new RegExp(String.raw`^(?:${ACTION}|undo|reinit|failover-[\w-]+|promote-[\w-]+|restore-[\w-]+)$`, 'i');
// `aws rds reboot-db-instance --force-failover`, `terraform apply -destroy`: an option that says it.
const OPTION = new RegExp(String.raw`^--?(?:force-)?(?:${ACTION})(?:=|$)`, 'i');
// Words after the program that only read or rehearse.
const READ_ONLY = /^(?:--?(?:dry-?run|help|h|check|what-if)|list|ls|show|status|get|describe|history|plan)$/i;
// Programs that only print or search: `echo "restore done"`, `grep failover app.log`.
const PRINTS = new Set(['echo', 'printf', 'grep', 'egrep', 'fgrep', 'rg', 'cat', 'less', 'more', 'head', 'tail', 'jq', 'yq', 'man', 'which', 'ls', 'find', 'awk', 'sed', 'tee', 'wc', 'sort', 'test', '[', 'journalctl']);

const POWER = /^(?:reboot|shutdown|poweroff|halt|kexec)$/;

function commandWords(line: string): string[] {
  const words = line.trim().replace(/^\$\s+/, '').split(/\s+/);
  let i = 0;
  while (i < words.length && (/^[A-Za-z_]\w*=/.test(words[i] as string) || words[i] === 'sudo' || words[i] === 'env' || /^-/.test(words[i] as string))) i++;
  return words.slice(i);
}

/** What a command does that is disruptive (e.g. "runs emergency-rollback.sh"), or undefined. */
export function looksDisruptive(run: string): string | undefined {
  for (const line of logicalLines(run)) {
    if (/^\s*#/.test(line)) continue;
    for (const command of line.split(/&&|\|\||;|\|/)) {
      const [program = '', ...args] = commandWords(command);
      const name = program.split('/').pop() ?? '';
      if (PRINTS.has(name) || args.some((a) => READ_ONLY.test(a))) continue;
      if (SCRIPT_ACTION.test(name) && !LOOKS_ONLY.test(name)) return `runs ${name}`;
      // `reboot`, `shutdown -r now`, `systemctl reboot`: the host goes away.
      const power = POWER.test(name) ? name : name === 'systemctl' ? args.find((a) => POWER.test(a)) : undefined;
      if (power) return name === power ? `runs ${power}` : `${name} ${power}`;
      const positional = args.filter((a) => !a.startsWith('-')).slice(0, 3);
      const action = positional.find((a) => SUBCOMMAND.test(a)) ?? args.find((a) => OPTION.test(a));
      if (action && /^[a-z][\w.-]*$/.test(name)) return `${name} ${action.replace(/=.*$/, '')}`;
    }
  }
  return undefined;
}

// `sudo -iu postgres patronictl failover`: `postgres` is sudo's user, the command is `patronictl failover`.
const SUDO_OPTIONS = /(^|[;&|(]\s*|\n\s*)sudo(?:\s+(?:-[a-zA-Z]*[ugCDhprtUT]\s+\S+|--(?:user|group|chdir|host|prompt)(?:=|\s+)\S+|-[a-zA-Z]+|--[\w-]+))+(?=\s)/g;

// `redis-cli -h cache del k`, `… | xargs redis-cli -h cache unlink`: keys deleted.
const REDIS_DELETE = /\bredis-cli\b[^|;&\n]*?\s(del|unlink)(?:\s|$)/i;

// `curl -X POST es:9200/_snapshot/nightly/snap-1/_restore`: an HTTP API told to restore or fail over.
const HTTP_WRITE = /\bcurl\b[^|;&\n]*?\s(?:-X\s*|--request[\s=]+)['"]?(POST|PUT|PATCH)\b/i;
const HTTP_ACTION_PATH = new RegExp(String.raw`\S/_?(${ACTION})(?=[/?'"\s]|$)`, 'i');

function httpAction(run: string): string | undefined {
  for (const line of logicalLines(run)) {
    const method = HTTP_WRITE.exec(line)?.[1];
    const action = method ? HTTP_ACTION_PATH.exec(line)?.[1] : undefined;
    if (method && action) return `HTTP ${method.toUpperCase()} …/${action}`;
  }
  return undefined;
}

/** Why an imported command should be confirmed before it runs (destroys data, or disrupts), or undefined. */
export function needsConfirmation(run: string): string | undefined {
  const plain = run.replace(SUDO_OPTIONS, '$1sudo');
  const redis = REDIS_DELETE.exec(run)?.[1];
  return looksDestructive(run) ?? (redis ? `redis-cli ${redis.toLowerCase()}` : undefined) ?? looksDisruptive(plain) ?? httpAction(plain);
}
