// Which code is a shell command: fenced blocks by language (or by their look when untagged), and
// inline `code` spans that read as a command rather than a file path, flag value or identifier.
import { afterPrompt, fromPrompted, hasPrompt, typedInto, type BlockCommand } from './prompted-block.js';
import { rootPrompted } from './root-prompts.js';
import { sessionOpener } from './session-openers.js';
import { continuesOnNextLine, logicalLines } from './shell-scan.js';

export type { BlockCommand, PromptedCommand } from './prompted-block.js';

const SHELL_LANGS = new Set(['bash', 'sh', 'shell', 'zsh', 'ksh', 'console', 'shellsession', 'shell-session', 'sh-session', 'bash-session', 'terminal']);
const PROMPTED_LANGS = new Set(['console', 'shellsession', 'shell-session', 'sh-session', 'bash-session', 'terminal']);

// Programs common in runbooks; an untagged block must start its lines with one of these to run.
const KNOWN = new Set(`
kubectl helm docker podman git curl wget ssh scp rsync systemctl journalctl service sudo cd ls cat grep egrep
awk sed tail head echo printf export unset source psql mysql mysqldump pg_dump pg_restore pg_isready redis-cli
mongo mongosh aws gcloud gsutil az terraform tofu ansible ansible-playbook make npm npx yarn pnpm bun node deno
python python3 pip pip3 pytest go cargo rustc java mvn gradle dotnet ruby bundle rake rails bash sh zsh watch jq
yq openssl dig nslookup host ping nc netstat ss ps kill pkill top df du free uptime date sleep env chmod chown cp
mv rm mkdir touch ln tar gzip gunzip unzip zip find xargs wc sort uniq cut tr tee diff vault consul nomad etcdctl
istioctl argocd flux kustomize oc eksctl crontab nginx apachectl supervisorctl pm2 gh test true false timeout
time nohup screen tmux kubectx kubens stern k9s skopeo crane cosign sqlite3 cqlsh nodetool kafka-topics
kafka-consumer-groups rabbitmqctl celery gunicorn uvicorn php composer lsof iptables ip ifconfig traceroute
mtr openstack doctl heroku fly flyctl vercel netlify firebase wrangler pulumi packer vagrant minikube kind k3d
mysqladmin mysqlcheck mysqlbinlog mysqlsh mariadb mariadb-admin xtrabackup mariabackup pg_ctl pg_ctlcluster
pg_basebackup pg_upgrade pg_dumpall pg_lsclusters patronictl repmgr pgbouncer apt apt-get yum dnf rpm dpkg snap
brew mount umount fsck lvcreate lvextend zfs virsh nmcli certbot keytool logrotate useradd usermod crictl ctr
nerdctl velero restic borg rclone s3cmd tcpdump systemd-analyze update-alternatives haproxy varnishadm
kubeadm kubelet apt-mark apt-cache yum-config-manager flyway liquibase sqlcmd mongodump mongorestore
sysctl modprobe lsblk blkid fdisk parted mkfs.ext4 mkfs.xfs xfs_growfs resize2fs reboot shutdown hostnamectl
timedatectl ufw firewall-cmd setenforce getenforce chronyc update-grub
`.trim().split(/\s+/));

const DOC_EXTENSION = /\.(?:md|markdown|ya?ml|json|txt|log|toml|ini|cfg|conf|csv|html?|pdf|png|svg|lock)$/i;
const SCRIPT_PATH = /^(?:\.{0,2}\/)?[\w@.+-]+(?:\/[\w@.+-]+)*\.(?:sh|bash|zsh|py|rb|pl|js|mjs|cjs|ts)$|^\.{1,2}\/[\w.+-]+(?:\/[\w.+-]+)*$/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const RUN_VERB = /\b(?:run|execute|invoke|launch|call)\b[^.!?]*$/i;
// "Never run `redis-cli FLUSHALL`", "Do not use `--force`": a warning, not a step to run.
const NEGATION = String.raw`\b(?:never|do\s+not|don[’']?t|must\s+not|mustn[’']?t|should\s+not|shouldn[’']?t|avoid|not\s+to)\b`;
const NEGATED = new RegExp(
  String.raw`${NEGATION}(?:\W+\w+){0,3}?\W+(?:run(?:ning)?|execut\w*|use|using|call|invok\w*|type|typing|apply|issue|enter)\b[^.!?]*$|${NEGATION}\W*$|\binstead\s+of\W*$`,
  'i',
);
/** Whether text just before a command forbids it. */
export function forbids(before: string): boolean {
  return NEGATED.test(before);
}

// "`etcdctl` commands", "the `kubectl` CLI": the span names a program, it is not a step to run.
const NOUN_AFTER = /^\s*(?:commands?|sub-?commands?|containers?|binar(?:y|ies)|tools?|cli|process(?:es)?|daemon|package|flags?|options?)\b/i;
// "… `sudo kubeadm upgrade plan` is not needed."
const NOT_NEEDED_AFTER = /^\s*(?:(?:is|are)\s+(?:not|no\s+longer|never)|isn['’]t|aren['’]t)\s+(?:needed|required|necessary|used)\b/i;
// "`kubeadm upgrade` does not touch your workloads": at the start of a sentence, a span followed
// by a verb is the sentence's subject.
const SUBJECT_AFTER = /^\s*(?:does|doesn['’]t|did|is|isn['’]t|are|aren['’]t|was|were|will|would|also|automatically|has|have|cannot|can['’]t|only\s+\w+s)\b/i;
const SENTENCE_START = /(?:^|[.!?]\s+|\}\}\s*)$/;

/** Whether the words around a `code` span say it names a program rather than asks to run it. */
export function namesProgram(before: string, after: string): boolean {
  return NOUN_AFTER.test(after) || NOT_NEEDED_AFTER.test(after) || (SENTENCE_START.test(before) && SUBJECT_AFTER.test(after));
}
const ENGLISH = new Set(['a', 'an', 'the', 'to', 'if', 'and', 'or', 'no', 'not', 'is', 'are', 'was', 'be', 'see', 'use', 'with', 'for', 'of', 'in', 'on', 'at', 'this', 'that', 'it', 'we', 'you', 'all']);
const CRONTAB = /^\s*(?:@(?:reboot|hourly|daily|weekly|monthly|yearly|annually)|(?:[\d*/,-]+\s+){4}[\d*/,-]+)\s+\S/;

export function isShellLang(lang: string | null | undefined): boolean {
  return SHELL_LANGS.has((lang ?? '').toLowerCase());
}

function firstProgram(line: string): string | undefined {
  const tokens = line.trim().replace(/^\$\s+/, '').split(/\s+/);
  let i = 0;
  while (i < tokens.length && ASSIGNMENT.test(tokens[i] as string)) i++;
  if (tokens[i] === 'sudo' && tokens[i + 1] && !tokens[i + 1]?.startsWith('-')) i++;
  return tokens[i];
}

/** `xtrabackup --backup …`: an unknown lower-case program followed by an option reads as a command. */
const PROGRAM_WITH_OPTION = /^([a-z][a-z0-9_.+-]*)\s+(?:\S+\s+){0,3}--?[a-zA-Z]/;

// Compound commands: `for c in …; do …; done`, `if [ … ]; then`, `while true; do`.
const SHELL_KEYWORD = /^(?:for\s+\w+\s+in\b|(?:if|while|until)\s+(?:\[|!|\w)|case\s+\S+\s+in\b|(?:do|done|then|fi|else|esac)\b)/;

export function isShellLine(line: string): boolean {
  const trimmed = line.trim();
  if (hasPrompt(trimmed) || SHELL_KEYWORD.test(trimmed)) return true;
  // `sudo <anything>` is a command, whatever the program.
  if (/^sudo\s+(?:-\S+\s+)*[\w./-]+/.test(trimmed)) return true;
  const program = firstProgram(trimmed) ?? '';
  if (KNOWN.has(program) || SCRIPT_PATH.test(program) || /^[\w.-]+\s*=\s*\$\(/.test(trimmed)) return true;
  const optioned = PROGRAM_WITH_OPTION.exec(trimmed.replace(/^sudo\s+/, ''));
  return !!optioned && !ENGLISH.has(optioned[1] ?? '');
}

/** A `$ ` prompt line whose command starts with a program (not `$ 5.00 per month`). */
function isPromptCommand(line: string): boolean {
  if (!hasPrompt(line)) return false;
  const command = (afterPrompt(line) ?? '').trim();
  return isShellLine(command) || /^(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s*)+$/.test(command) || /^[a-z][\w.+-]*(?:\s|$)/.test(command);
}

/**
 * An untagged block reads as shell when most of its non-comment lines start with a command, or
 * when it is a terminal session: `$ ` prompt lines followed by what the commands printed.
 */
export function looksLikeShell(code: string): boolean {
  if (rootPrompted(code, false, isShellLine)) return true;
  const lines = logicalLines(code).filter((l) => l.trim() && !/^\s*#/.test(l));
  if (!lines.length) return false;
  if (lines.some(isPromptCommand) && hasPrompt(lines[0] ?? '')) return true;
  const shell = lines.filter(isShellLine).length;
  return shell / lines.length >= 0.6;
}

export function looksLikeCrontab(code: string): boolean {
  return code.split('\n').some((l) => !/^\s*#/.test(l) && CRONTAB.test(l));
}

// `NAME   READY   STATUS   RESTARTS   AGE`: the header of a table a command printed, pasted under
// it in the same block. Neither it nor its rows (up to a blank line or the next command) are
// commands: run, `NAME` and `api-7d9 1/1 Running` would each fail as "command not found".
const PRINTED_HEADER = /^[A-Z][A-Z0-9_.%()/-]*(?: [A-Z0-9_.%()/-]+)*(?: {2,}|\t)[A-Z][A-Z0-9_.%()/-]*(?:(?: {1,}|\t)[A-Z0-9_.%()/-]+)*\s*$/;

function withoutPrintedTables(code: string): BlockCommand {
  const lines = code.split('\n');
  const run: string[] = [];
  const output: string[] = [];
  let printed = false;
  lines.forEach((line, i) => {
    if (!line.trim() || (printed && isShellLine(line))) printed = false;
    else if (!printed && PRINTED_HEADER.test(line.trim()) && !continuesOnNextLine(lines.slice(0, i).join('\n'))) printed = true;
    (printed ? output : run).push(line);
  });
  const out: BlockCommand = { run: run.join('\n').replace(/\s+$/, '') };
  if (output.length) out.output = output.join('\n');
  return out;
}

export function commandFromCode(lang: string | null | undefined, written: string): BlockCommand {
  const language = (lang ?? '').toLowerCase();
  const shellLanguage = !language || isShellLang(language);
  const code = (shellLanguage && rootPrompted(written, PROMPTED_LANGS.has(language), isShellLine)) || written;
  const shell = isShellLang(language) || (!language && looksLikeShell(code));
  if (!shell) return { reason: language ? `${language} block` : 'untagged block that does not look like shell' };
  if (!code.trim()) return { reason: 'empty code block' };
  if (looksLikeCrontab(code)) return { reason: 'crontab entry, not a command' };
  const prompted = PROMPTED_LANGS.has(language) || code.split('\n').some(hasPrompt);
  const opener = prompted ? undefined : sessionOpener(code);
  if (opener) return { reason: typedInto(opener), byHand: true };
  const result: BlockCommand = prompted ? fromPrompted(code) : withoutPrintedTables(code);
  return result.run || result.reason ? result : { reason: 'no command lines', output: result.output };
}

/**
 * Whether an inline `code` span is a command: `forge doctor`, `bun run build && bun test`,
 * `DB_URL=<url> ./verify.sh`, or a script path after "run"/"execute". Not `docs/x.md`,
 * `decision=allow`, `410 write_path_frozen` or `prompt_guard`.
 */
export function isCommandSpan(span: string, before = '', after = ''): boolean {
  const text = span.trim().replace(/^\$\s+/, '');
  if (!text || text.includes('\n') || /^<[^>]*>$/.test(text) || forbids(before) || namesProgram(before, after)) return false;
  const tokens = shellWords(text);
  let i = 0;
  while (i < tokens.length && ASSIGNMENT.test(tokens[i] as string)) i++;
  if (i === tokens.length) return false;
  const sudo = tokens[i] === 'sudo' && i + 1 < tokens.length;
  if (sudo) i = afterSudoOptions(tokens, i + 1);
  if (i >= tokens.length) return false;
  const program = tokens[i] as string;
  const args = tokens.slice(i + 1);
  if (SCRIPT_PATH.test(program)) return args.length > 0 || i > 0 || RUN_VERB.test(before);
  const programLike = /^[a-z][a-z0-9._+-]*$/.test(program) && !ENGLISH.has(program) && !DOC_EXTENSION.test(program);
  // `sudo chef-client-disable`, "Execute the command: `chef-client-disable`": said to be a command.
  if (programLike && (sudo || COMMAND_LABEL.test(before))) return true;
  if (!args.length) return KNOWN.has(program) && RUN_VERB.test(before);
  if (KNOWN.has(program)) return true;
  if (!programLike) return false;
  // An unknown program: its arguments must look like CLI arguments, not a phrase.
  return args.every((a) => /^(?:-{1,2}[\w-]|[a-z0-9][\w./:=@+-]*$|[/~.][\w./~@+-]*$|["'$<{])/.test(a) && !/[,;:]$/.test(a));
}

/** Where the command after `sudo`'s options starts: `sudo -u postgres psql`, `sudo -iu app ./x`. */
function afterSudoOptions(tokens: string[], start: number): number {
  let i = start;
  while (i < tokens.length && /^-/.test(tokens[i] as string)) i += /^-[a-zA-Z]*[ugCDhprtUT]$|^--(?:user|group|chdir|host|prompt)$/.test(tokens[i] as string) ? 2 : 1;
  return i;
}

const COMMAND_LABEL = /\b(?:the|this|following)\s+command\s*:?\s*$|\bcommand:\s*$/i;

/** Words of a one-line command, a quoted argument kept whole (`"Removing node: ref #1"`). */
function shellWords(text: string): string[] {
  return text.match(/(?:[^\s"']+|"(?:[^"\\]|\\.)*"?|'[^']*'?)+/g) ?? [];
}

/**
 * `watch -n 10 dig +short x` never exits: as a checklist item it is `dig +short x` re-run every
 * 10s (a soak). Only a one-line command whose options are all understood is rewritten.
 */
export function unwrapWatch(run: string): { run: string; every: string } | undefined {
  const match = /^\s*watch\s+((?:(?:-n\s*|--interval[=\s])[\d.]+\s+|-[dtcbegxp]+\s+|--(?:differences|no-title|color|beep|errexit|exec|precise)\s+)*)(.+)$/.exec(run);
  if (!match || run.includes('\n')) return undefined;
  const seconds = Math.max(1, Math.round(Number(/(?:-n\s*|--interval[=\s])([\d.]+)/.exec(match[1] ?? '')?.[1] ?? 2)));
  const command = (match[2] ?? '').trim().replace(/^'([^']*)'$|^"([^"]*)"$/, (_, a?: string, b?: string) => a ?? b ?? '');
  return command ? { run: command, every: `${seconds}s` } : undefined;
}
