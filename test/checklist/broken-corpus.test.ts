// Every broken checklist fails `cutover validate` with exit 1 and a located, one-line reason.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { cliPath, repoRoot, type CliResult } from '../helpers/cli.js';

const DIR = 'test/fixtures/broken';

// [file, expected "file:line:col", expected field path ('' = the file as a whole), words of the reason]
const CASES: Array<[string, string, string, string]> = [
  ['yaml-bad-indent.yaml', ':11:10', '', '"run" is at column 10, deeper than "title" above it (column 9)'],
  ['yaml-unclosed-quote.yaml', ':6:12', '', 'never closed'],
  ['yaml-unclosed-flow.yaml', ':5:1', '', 'end with a ]'],
  ['yaml-tab-indent.yaml', ':9:1', '', 'tab is used for indentation'],
  ['yaml-duplicate-key.yaml', ':15:9', 'sections[0].items[0].timeout', 'duplicate key "timeout"'],
  ['yaml-multiple-documents.yaml', ':14:1', '', 'more than one YAML document'],
  ['unknown-key.yaml', ':11:9', 'sections[0].items[0].tiemout', 'unknown key "tiemout" (did you mean "timeout"?)'],
  ['unknown-top-level-key.yaml', ':4:1', 'varaibles', 'did you mean "variables"?'],
  ['unknown-key-synonym.yaml', ':11:9', 'sections[0].items[0].command', 'did you mean "run"?'],
  ['crlf-bom-unknown-key.yaml', ':13:11', 'sections[0].items[0].expect.exitcode', 'did you mean "exitCode"?'],
  ['wrong-type-boolean.yaml', ':14:19', 'sections[0].items[0].evidence', 'expected true or false, got a string'],
  ['wrong-type-items-mapping.yaml', ':9:7', 'sections[0].items', 'expected a list, got a mapping'],
  ['wrong-type-exit-code.yaml', ':13:21', 'sections[0].items[0].expect.exitCode', 'expected a number or a list, got a string'],
  ['wrong-kind.yaml', ':7:11', 'sections[0].kind', 'expected one of: gates, smoke,'],
  ['bad-id.yaml', ':9:13', 'sections[0].items[0].id', 'expected an id'],
  ['missing-item-title.yaml', ':9:9', 'sections[0].items[0].title', 'required'],
  ['duplicate-section-id.yaml', ':14:9', 'sections[1].id', 'duplicate section id "smoke"'],
  ['duplicate-item-id.yaml', ':18:13', 'sections[1].items[0].id', 'duplicate item id "health"'],
  ['duplicate-role-id.yaml', ':7:9', 'roles[1].id', 'duplicate role id "ic"'],
  ['unknown-role.yaml', ':16:16', 'sections[0].items[0].owner', 'unknown role "dba" (declared: ic, ops)'],
  ['unknown-variable.yaml', ':14:14', 'sections[0].items[0].run', 'unknown variable "{{base_ulr}}" (did you mean "base_url"?)'],
  ['unknown-variable-in-inject.yaml', ':15:19', 'sections[0].items[0].drill.inject', 'unknown variable "{{fault_file}}"'],
  ['variable-shadows-builtin.yaml', ':6:11', 'variables[1].name', '"ticket" is a builtin variable'],
  ['variable-bad-pattern-default.yaml', ':7:14', 'variables[0].default', 'does not match pattern'],
  ['bad-duration.yaml', ':12:18', 'sections[0].items[0].timeout', 'expected a duration like 30s, 5m or 24h'],
  ['bad-duration-number.yaml', ':12:18', 'sections[0].items[0].timeout', 'expected a duration like 30s, 5m or 24h, got a number'],
  ['bad-offset.yaml', ':14:13', 'sections[0].items[1].at', 'expected a timeline offset'],
  ['watch-every-longer-than-for.yaml', ':15:18', 'sections[0].items[0].watch.every', 'longer than for'],
  ['requires-on-smoke-section.yaml', ':9:7', 'sections[0].requires', 'only allowed on a rollforward section'],
  ['empty.yaml', ':1:1', '', 'the file is empty'],
  ['comments-only.yaml', ':1:1', '', 'the file is empty'],
  ['list-at-top.yaml', ':1:1', '', 'got a list'],
  ['scalar-at-top.yaml', ':1:1', '', 'got a string'],
  ['missing-sections.yaml', ':1:1', 'sections', 'required'],
  ['empty-sections.yaml', ':4:11', 'sections', 'at least one section'],
  ['onfail-unknown-level.yaml', ':20:17', 'sections[0].items[0].onFail', 'unknown severity level "SEV2"'],
  ['rule-unknown-level.yaml', ':17:19', 'severity.rules[1].when.severity', 'unknown severity level "SEV1"'],
  ['rule-unknown-section.yaml', ':10:18', 'severity.rules[0].when.section', 'unknown section "smoke-checks"'],
  ['rule-bad-recommend.yaml', ':8:18', 'severity.rules[0].recommend', 'did you mean "rollback"?'],
  ['bad-regex.yaml', ':13:20', 'sections[0].items[0].expect.matches', 'invalid regular expression'],
  ['invalid-json.json', ':7:3', '', 'trailing comma'],
  ['json-unquoted-key.json', ':3:3', '', 'expected a property name in double quotes'],
  ['json-wrong-type.json', ':11:105', 'sections[0].items[0].destructive', 'expected true or false, got a string'],
  ['json-duplicate-key.json', ':5:3', 'title', 'duplicate key "title"'],
  ['json-unknown-key.json', ':5:69', 'sections[0].itmes', 'did you mean "items"?'],
  ['binary-junk.yaml', ':1:1', '', 'not valid UTF-8'],
  ['nul-bytes.yaml', ':4:6', '', 'NUL byte'],
  ['utf16.yaml', ':1:1', '', 'UTF-16'],
];

/** Like runCli, but asynchronous so that the corpus runs a few processes at a time. */
function runCliAsync(args: string[]): Promise<CliResult> {
  return new Promise((resolvePromise) => {
    execFile(process.execPath, [cliPath, ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolvePromise({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

const results = new Map<string, CliResult>();

beforeAll(async () => {
  const queue = CASES.map(([file]) => file);
  const worker = async (): Promise<void> => {
    for (let file = queue.shift(); file; file = queue.shift()) results.set(file, await runCliAsync(['validate', `${DIR}/${file}`]));
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}, 120_000);

describe('broken checklists', () => {
  test('the corpus and the table list the same files', () => {
    expect(CASES.map(([file]) => file).sort()).toEqual(readdirSync(DIR).sort());
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  test.each(CASES)('%s', (file, position, field, reason) => {
    const { code, stdout, stderr } = results.get(file) as CliResult;
    const output = stdout + stderr;
    expect(code).toBe(1);
    const located = `${DIR}/${file}${position}${field ? ` ${field}` : ''}: `;
    const line = output.split('\n').find((l) => l.startsWith(located));
    expect(line, `no line starting with ${located} in:\n${output}`).toBeDefined();
    expect(line).toContain(reason);
    expect(output).not.toMatch(/\n\s+at |internal error/);
  });
});
