import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { placeholders, renderCommand, shellQuote } from '../../src/domain/command-template.js';
import { CutoverError } from '../../src/domain/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'cutover-quote-'));
const marker = join(dir, 'pwned');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a rendered command under /bin/sh and returns its stdout. */
const sh = (command: string): string => execFileSync('/bin/sh', ['-c', command], { encoding: 'utf8' });

const HOSTILE = [
  `$(touch ${marker})`,
  `\`touch ${marker}\``,
  `'; touch ${marker}; '`,
  `"; touch ${marker}; "`,
  `x && touch ${marker}`,
  `a\nEOF\ntouch ${marker}`,
  `\\`,
  `it's "quoted" $HOME \\n`,
  `}; touch ${marker}; {`,
  '',
];

describe('shellQuote', () => {
  it.each([
    ['abc', "'abc'"],
    ['', "''"],
    ["it's", "'it'\\''s'"],
    ['$(x) `y` "z"', `'$(x) \`y\` "z"'`],
  ])('%j -> %s', (value, quoted) => {
    expect(shellQuote(value)).toBe(quoted);
    expect(sh(`printf %s ${quoted}`)).toBe(value);
  });
});

describe('placeholders', () => {
  it('lists names in order, once, allowing inner spaces, ignoring Go templates', () => {
    expect(placeholders("curl {{ host }}/{{path}} -H {{host}} --format '{{.Names}}{{end}}' {{ json . }}")).toEqual([
      'host',
      'path',
    ]);
  });
});

describe('renderCommand', () => {
  it('single-quotes bare words and keeps double-quoted strings readable', () => {
    const vars = { host: 'api.example.com', ticket: 'CHG-1234' };
    expect(renderCommand('curl -fsS https://{{host}}/health', vars)).toBe("curl -fsS https://'api.example.com'/health");
    expect(renderCommand('curl "https://{{ host }}/health?t={{ticket}}"', vars)).toBe('curl "https://api.example.com/health?t=CHG-1234"');
    expect(renderCommand("echo '{{ticket}}'", vars)).toBe("echo 'CHG-1234'");
  });

  it('leaves Go templates and unknown-looking braces alone', () => {
    expect(renderCommand("docker ps --format '{{.Names}} {{end}}' {{x}}", { x: 'y' })).toBe("docker ps --format '{{.Names}} {{end}}' 'y'");
  });

  it('throws a usage error naming an unknown variable', () => {
    const attempt = (): string => renderCommand('echo {{ missing_var }}', {});
    expect(attempt).toThrow(CutoverError);
    expect(attempt).toThrow(/missing_var/);
    try {
      attempt();
    } catch (error) {
      expect((error as CutoverError).exitCode).toBe(2);
    }
  });

  it('refuses a value that would end the here-document it sits in', () => {
    expect(() => renderCommand('cat <<EOF\n{{v}}\nEOF', { v: 'a\nEOF\nrm -rf /' })).toThrow(/here-document/);
  });

  it('keeps a value inside a comment from ending the comment', () => {
    const command = renderCommand('# ticket {{t}}\nprintf ok', { t: `x\ntouch ${marker}\n` });
    expect(sh(command)).toBe('ok');
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses a non-number inside $((...))', () => {
    expect(renderCommand('echo $(({{n}} + 1))', { n: '41' })).toBe('echo $((41 + 1))');
    expect(() => renderCommand('echo $(({{n}} + 1))', { n: '1); touch x; ((' })).toThrow(/whole number/);
  });

  // Each template prints the value exactly once: the shell must read it back unchanged.
  const TEMPLATES = [
    'printf %s {{v}}',
    'printf %s "{{v}}"',
    'printf %s "<{{v}}>" | tr -d "<>"',
    "printf %s '{{v}}'",
    'printf %s "$(printf %s {{v}})"',
    'printf %s "$(printf %s "{{v}}")"',
    'printf %s "`printf %s {{v}}`"',
    'printf %s ${UNSET_CUTOVER_VAR:-{{v}}}',
    "# it's a comment with a quote\nprintf %s {{v}}",
    'cat <<EOF\n{{v}}\nEOF',
    "cat <<'EOF'\n{{v}}\nEOF",
    'cat <<-EOF\n\t{{v}}\n\tEOF',
    'cat <<EOF | tr -d "\\n"\n$(printf %s {{v}})\nEOF',
  ];

  it.each(TEMPLATES)('never executes a value and passes it through intact: %j', (template) => {
    for (const value of HOSTILE) {
      let command: string;
      try {
        command = renderCommand(template, { v: value });
      } catch (error) {
        // Refusing is safe too (a value ending a here-document); it must be a clear user error.
        expect(error).toBeInstanceOf(CutoverError);
        continue;
      }
      const out = sh(command);
      expect(existsSync(marker), `${JSON.stringify(value)} executed via ${JSON.stringify(command)}`).toBe(false);
      const expected = template.startsWith('cat <<') && !template.includes('tr -d') ? `${value}\n` : value;
      if (!template.includes('tr -d')) expect(out, command).toBe(expected);
    }
  });
});
