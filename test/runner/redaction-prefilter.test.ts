// The literal prefilter must change nothing but the speed: for varied text, random chunkings and
// idle flushes, the prefiltered stream gives byte for byte what a plain global-regex scan over the
// same compiled rules gives (`prefilter: false`, the oracle).
import { describe, expect, it } from 'vitest';
import { renderCommand } from '../../src/domain/command-template.js';
import { createMatchScanner } from '../../src/domain/redaction-scan.js';
import { createRedactor, type Redactor, type RedactorOptions } from '../../src/domain/redaction.js';

/** Deterministic random numbers, so that a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----';
const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const SECRETS = [
  { name: 'pw', value: `p'a"s$s w@rd` },
  { name: 'db_password', value: 'Päss wörd 42!' },
  { name: 'amp', value: 'Tr0ub4dor&3' },
  { name: 'token', value: `s3cr'et "pa$$" \\x` },
  { name: 'short', value: 'abcdef' },
  { name: 'long', value: 'abcdefghij' },
  { name: 'multi', value: 'first line\nsecond-line-secret' },
  { name: 'shaped', value: 'Bearer-zz9-literal' },
  { name: 'emoji', value: 'k€y🔑value' },
  // Starts one character after a slack-token prefix that fails there: the next candidate must not be skipped.
  { name: 'overlap', value: 'oxb-secret1' },
];
const OPTIONS: RedactorOptions = { env: { DEPLOY_TOKEN: 'dep-tok-0123456789', GITHUB_TOKEN: `ghp_${'x'.repeat(36)}` }, secrets: SECRETS };

const PIECES = [
  // every example of the redaction tests
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'key ASIAY34FZKBOKMUTVV7A used', `token ghp_${'A1b2C3d4E5'.repeat(3)}abcdef ok`,
  `gho_${'x'.repeat(36)}`, `ghs_${'Y7'.repeat(18)}`, `ghu_${'a'.repeat(36)} ghr_${'b'.repeat(36)}`, `github_pat_11ABCDEFG0_${'z'.repeat(59)}`,
  'PRIVATE-TOKEN: glpat-xxxxXXXXxxxx1234yyyy', 'xoxb-1234567890-0987654321-AbCdEfGhIjKl', `cookie=${JWT}; Path=/`,
  'Authorization: Bearer abc123.def-456_ghi', 'authorization: bearer 0123456789abcdef', 'AUTHORIZATION: BEARER tok.tok.tok.tok',
  'Authorization: Basic dXNlcjpwYXNzd29yZA==', 'AUTHORIZATION:BASIC dXNlcjpwYXNzd29yZA', 'connecting to postgres://app:s3cret@db.internal:5432/app',
  'redis://:hunter22@cache:6379', 'https://u:p@ss@host/x', PEM, `x\n${PEM}\ny`,
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----',
  '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0123456789ABCDEF\n\nMIIEow==\n-----END RSA PRIVATE KEY-----',
  '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF1x\n=abcd\n-----END PGP PRIVATE KEY BLOCK-----',
  `{"key": "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIIrY\\n-----END EC PRIVATE KEY-----\\n", "id": 1}`,
  '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\nERROR: truncated output, exit 1\nnext line',
  `  tls.key: ${Buffer.from(`${PEM}\n`).toString('base64')}`,
  `  tls.crt: ${Buffer.from('-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBa\n-----END CERTIFICATE-----\n').toString('base64')}`,
  'Bearer authentication is required', 'GET https://example.com:8443/health?x=1 200', 'ssh://git@github.com:22/org/repo.git',
  'commit 9fceb02d0ae598e95dc970b74767f19372d61af8', 'id 123e4567-e89b-12d3-a456-426614174000 at 2024-05-01T02:13:07Z',
  'KEYBOARD layout us; deploy ghp_short', '-----BEGIN CERTIFICATE-----', 'token dep-tok-0123456789 accepted',
  'pw=Tr0ub4dor&3;', 'abcdefghij abcdef', `'p'\\''a"s$s w@rd'`, `"p'a\\"s\\$s w@rd"`, JSON.stringify({ password: `p'a"s$s w@rd` }),
  `https://x/?pw=${encodeURIComponent(`p'a"s$s w@rd`)}`, `data: ${Buffer.from(`p'a"s$s w@rd`).toString('base64')}`,
  ...['curl -u {{t}} x', 'curl -H "X-Token: {{t}}" x', "echo 'k={{t}}'", 'cat <<EOF\n{{t}}\nEOF'].map((t) => renderCommand(t, { t: `s3cr'et "pa$$" \\x` })),
  'db: postgres://app:Päss wörd 42!@db/app and Päss wörd 42! again', 'AKIAIOSFODNN7EXAMPLE done ✓', 'k€y🔑value', 'first line\nsecond-line-secret', 'xoxb-secret1',
  '[REDACTED:bearer] Bearer [REDACTED:bearer] https://u:[REDACTED:pw]@h',
  // near misses
  'gh', 'high', 'through the night', 'ghp_', 'ghx_abcdefghijklmnopqrstuvwxyz', 'github_pat_short', 'Bearer authentication', 'BEARER ',
  'bearer token', 'XAKIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLEX', 'AKIA', 'ASIAN markets', 'MALAKIA1234567890123456', 'https://example.com/a/b',
  'file:///etc/hosts', 'a://b', '://:@', 'eyJ', 'eyJhbGci.x', 'xox', 'xoxz-1234567890', 'glpat-', 'glpat-short', 'Authorization: Basic',
  'authorization:basic abc', 'LS0tLS1CRUdJTi', 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t', '-----BEGIN', '-----BEGIN ', 'abcde', 'Bearer-zz9',
  'Päss wör', 'p\'a"s', 'dep-tok-01234', 'Tr0ub4dor', 'first line\n', 'k€y', '🔑', '\t', ':', '/', '@', '=', '"', "'",
];
const JUNK = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \n\t:/@=._-+"\'€ü';

function corpus(next: () => number, size: number): string {
  let text = '';
  while (text.length < size) {
    const roll = next();
    if (roll < 0.6) text += PIECES[Math.floor(next() * PIECES.length)];
    else if (roll < 0.9) text += JUNK[Math.floor(next() * JUNK.length)]!.repeat(1 + Math.floor(next() * 3));
    else text += '\n';
  }
  return text;
}

type Step = { push: string } | { flush: true };

function chunked(next: () => number, text: string): Step[] {
  const steps: Step[] = [];
  for (let at = 0; at < text.length; ) {
    const size = next() < 0.1 ? Math.floor(next() * 3000) : 1 + Math.floor(next() * 60);
    steps.push({ push: text.slice(at, at + size) });
    at += size;
    if (next() < 0.05) steps.push({ flush: true });
  }
  return steps;
}

function run(redactor: Redactor, steps: Step[], bytes: boolean): { text: string; count: number } {
  const stream = redactor.stream({ bytes });
  let text = '';
  for (const step of steps) text += 'push' in step ? stream.push(step.push) : stream.flush();
  return { text: text + stream.flush(), count: stream.count };
}

const fast = createRedactor(OPTIONS);
const oracle = createRedactor({ ...OPTIONS, prefilter: false });
const asBytes = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

describe('the literal prefilter', () => {
  it('redacts exactly as the plain regex scan: every piece alone and in one text', () => {
    for (const piece of [...PIECES, PIECES.join('\n'), PIECES.join(' '), PIECES.join('')]) {
      expect(fast.redact(piece), piece).toEqual(oracle.redact(piece));
    }
    expect(fast.redact(PIECES.join('\n')).count).toBeGreaterThan(40);
  });

  it('gives the same output and count for random text, chunkings and idle flushes (text and bytes)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const text = corpus(next, 2_000 + Math.floor(next() * 6_000));
      for (const bytes of [false, true]) {
        const steps = chunked(next, bytes ? asBytes(text) : text);
        const got = run(fast, steps, bytes);
        expect(got, `seed ${seed}, bytes ${bytes}`).toEqual(run(oracle, steps, bytes));
        if (seed === 1) expect(got.count).toBeGreaterThan(0);
      }
    }
  });

  it('catches each shape and secret wherever a chunk boundary falls in or around it', () => {
    const pieces = PIECES.filter((piece) => oracle.redact(piece).count > 0);
    for (const piece of pieces) {
      const text = `lead ${piece} trail\nnext ${piece}`;
      const expected = oracle.redact(text);
      for (let at = 0; at <= text.length; at++) {
        const steps: Step[] = [{ push: text.slice(0, at) }, { push: text.slice(at) }];
        expect(run(fast, steps, false), `${piece} split at ${at}`).toEqual(expected);
      }
    }
  });

  it('matches the plain scan on long lines forced to cut, and on long runs of near misses', () => {
    const next = random(99);
    const long = Array.from({ length: 30 }, () => `${'q'.repeat(Math.floor(next() * 9_000))} ${PIECES[Math.floor(next() * PIECES.length)]} `).join('');
    const misses = ['gh', 'AKIA', 'eyJ', '://', 'Bearer ', 'xox', 'glpat-', 'Authorization: ', 'LS0tLS1CRUdJTi', '-----BEGIN ', 'abcde', 'Päss']
      .map((miss) => miss.repeat(500))
      .join(' ');
    for (const text of [long, misses]) {
      const steps = chunked(next, text);
      expect(run(fast, steps, false)).toEqual(run(oracle, steps, false));
    }
  });

  it('scans like the plain regex with an empty prefix (it occurs everywhere), and when searching backwards', () => {
    const text = 'a1 xx b22 a333 b4444';
    const plain = createMatchScanner(/[ab]\d+/g, []);
    for (const prefixes of [[''], ['a', 'b']]) {
      const scanner = createMatchScanner(/[ab]\d+/g, prefixes);
      for (const s of [plain, scanner]) s.reset(text);
      for (const from of [0, 3, 10, 4, 0, 19, 20, 25]) expect(scanner.exec(from)?.index, `${prefixes} from ${from}`).toBe(plain.exec(from)?.index);
    }
  });
});
