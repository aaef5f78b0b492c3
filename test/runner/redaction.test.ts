import { describe, expect, it } from 'vitest';
import { renderCommand } from '../../src/domain/command-template.js';
import { createRedactor } from '../../src/domain/redaction.js';
import { isSecretEnvName } from '../../src/domain/secret-patterns.js';

const shapes = createRedactor({});
const redact = (text: string): string => shapes.redact(text).text;

const AWS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const GITHUB = `ghp_${'A1b2C3d4E5'.repeat(3)}abcdef`;
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const PEM = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
  '-----END RSA PRIVATE KEY-----',
].join('\n');

describe('token shapes', () => {
  it.each([
    ['AWS access key id', `aws_access_key_id = ${AWS_KEY}`, 'aws_access_key_id = [REDACTED:aws-access-key]'],
    ['AWS session key id', 'key ASIAY34FZKBOKMUTVV7A used', 'key [REDACTED:aws-access-key] used'],
    ['GitHub classic token', `token ${GITHUB} ok`, 'token [REDACTED:github-token] ok'],
    ['GitHub app token', `gho_${'x'.repeat(36)}`, '[REDACTED:github-token]'],
    ['GitHub server token', `ghs_${'Y7'.repeat(18)}`, '[REDACTED:github-token]'],
    ['GitHub user and refresh tokens', `ghu_${'a'.repeat(36)} ghr_${'b'.repeat(36)}`, '[REDACTED:github-token] [REDACTED:github-token]'],
    ['GitHub fine-grained token', `github_pat_11ABCDEFG0_${'z'.repeat(59)}`, '[REDACTED:github-token]'],
    ['GitLab token', 'PRIVATE-TOKEN: glpat-xxxxXXXXxxxx1234yyyy', 'PRIVATE-TOKEN: [REDACTED:gitlab-token]'],
    ['Slack token', 'xoxb-1234567890-0987654321-AbCdEfGhIjKl', '[REDACTED:slack-token]'],
    ['JWT', `cookie=${JWT}; Path=/`, 'cookie=[REDACTED:jwt]; Path=/'],
    ['Bearer token keeps the word', 'Authorization: Bearer abc123.def-456_ghi', 'Authorization: Bearer [REDACTED:bearer]'],
    ['bearer in lower case', 'authorization: bearer 0123456789abcdef', 'authorization: bearer [REDACTED:bearer]'],
    ['Basic auth keeps the scheme', 'Authorization: Basic dXNlcjpwYXNzd29yZA==', 'Authorization: Basic [REDACTED:basic-auth]'],
    ['URL password', 'connecting to postgres://app:s3cret@db.internal:5432/app', 'connecting to postgres://app:[REDACTED:url-password]@db.internal:5432/app'],
    ['URL password without user', 'redis://:hunter22@cache:6379', 'redis://:[REDACTED:url-password]@cache:6379'],
    ['URL password containing @', 'https://u:p@ss@host/x', 'https://u:[REDACTED:url-password]@host/x'],
  ])('%s', (_name, input, output) => {
    expect(redact(input)).toBe(output);
  });

  it('replaces a whole PEM private key block and keeps the lines around it', () => {
    const text = `before\n${PEM}\nafter\n`;
    expect(shapes.redact(text)).toEqual({ text: 'before\n[REDACTED:private-key]\nafter\n', count: 1 });
  });

  it('handles OpenSSH, PKCS#8, encrypted (with headers) and PGP key blocks', () => {
    const blocks = [
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----',
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----',
      '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0123456789ABCDEF\n\nMIIEow==\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF1x\n=abcd\n-----END PGP PRIVATE KEY BLOCK-----',
    ];
    for (const block of blocks) expect(redact(`x\n${block}\ny`)).toBe('x\n[REDACTED:private-key]\ny');
  });

  it('redacts a key block written as one JSON string with escaped newlines', () => {
    const json = `{"key": "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIIrY\\n-----END EC PRIVATE KEY-----\\n", "id": 1}`;
    expect(redact(json)).toBe('{"key": "[REDACTED:private-key]\\n", "id": 1}');
  });

  it('stops swallowing at the first line that cannot be part of a key when END never comes', () => {
    const text = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\nERROR: truncated output, exit 1\nnext line\n';
    expect(redact(text)).toBe('[REDACTED:private-key]\nERROR: truncated output, exit 1\nnext line\n');
  });

  it('redacts a base64-encoded private key (kubectl get secret) but not a certificate', () => {
    const key = Buffer.from(`${PEM}\n`).toString('base64');
    const cert = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBa\n-----END CERTIFICATE-----\n').toString('base64');
    expect(redact(`  tls.key: ${key}\n  tls.crt: ${cert}\n`)).toBe(`  tls.key: [REDACTED:private-key]\n  tls.crt: ${cert}\n`);
  });

  it('leaves a base64 run that starts like a key but is cut at any length as it is (never throws)', () => {
    const key = Buffer.from(`${PEM}\n`).toString('base64');
    for (let length = 50; length <= 90; length++) {
      const run = key.slice(0, length);
      expect(() => redact(`x ${run}\n`), `length ${length}`).not.toThrow();
    }
    expect(redact(`x ${key.slice(0, 57)}\n`)).toBe('x [REDACTED:private-key]\n');
  });

  it('leaves ordinary output alone', () => {
    const text = [
      'Bearer authentication is required',
      'GET https://example.com:8443/health?x=1 200',
      'ssh://git@github.com:22/org/repo.git',
      'commit 9fceb02d0ae598e95dc970b74767f19372d61af8',
      'id 123e4567-e89b-12d3-a456-426614174000 at 2024-05-01T02:13:07Z',
      'KEYBOARD layout us; deploy ghp_short',
      '-----BEGIN CERTIFICATE-----',
    ].join('\n');
    expect(shapes.redact(text)).toEqual({ text, count: 0 });
  });

  it('scans pathological input in linear time', () => {
    const inputs = [
      `eyJ${'a'.repeat(200_000)}.`,
      `://${'a'.repeat(100_000)}:${'b'.repeat(100_000)}`,
      'Bearer '.repeat(30_000),
      `-----BEGIN ${'A '.repeat(50_000)}`,
      'AKIA'.repeat(50_000),
    ];
    const start = performance.now();
    for (const input of inputs) shapes.redact(input);
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});

describe('secret environment variables', () => {
  it.each([
    'GITHUB_TOKEN', 'DB_PASSWORD', 'AWS_SECRET_ACCESS_KEY', 'API_KEY', 'NPM_AUTH_TOKEN', 'PGPASSWORD', 'MYSQL_PWD',
    'SLACK_CLIENT_SECRET', 'githubToken', 'TF_VAR_db_password', 'GPG_PASSPHRASE', 'VAULT_TOKEN', 'PRIVATE_KEY',
    'GOOGLE_CREDENTIALS', 'REDIS_AUTH', 'SECRET_KEY_BASE', 'X_APIKEY',
  ])('%s is secret', (name) => {
    expect(isSecretEnvName(name)).toBe(true);
  });

  it.each([
    'KEYBOARD', 'MONKEY_PATCH', 'KEYBOARD_LAYOUT', 'SSH_AUTH_SOCK', 'PWD', 'OLDPWD', 'PATH', 'HOME', 'TOKEN_FILE', 'PRIVATE_KEY_PATH',
    'AUTH_TYPE', 'AUTH_PROVIDER', 'AWS_ACCESS_KEY_ID', 'AUTHOR', 'PASSENGER_ENV', 'KEYCLOAK_URL', 'GIT_AUTHOR_NAME',
    'PARTITION_KEY', 'ROUTING_KEY', 'SSH_PUBLIC_KEY', 'XAUTHORITY',
  ])('%s is not secret', (name) => {
    expect(isSecretEnvName(name)).toBe(false);
  });

  it('redacts values of 6+ characters under the variable name, and only those', () => {
    const redactor = createRedactor({
      env: { GITHUB_TOKEN: 'tok-1234567', DB_PASSWORD: 'short', SSH_AUTH_SOCK: '/tmp/ssh-abc/agent.1', EDITOR: 'vim-secret-no' },
    });
    expect(redactor.secretCount).toBe(1);
    expect(redactor.secretNames).toEqual(['GITHUB_TOKEN']);
    const text = 'token tok-1234567 pw short sock /tmp/ssh-abc/agent.1 editor vim-secret-no';
    expect(redactor.redact(text)).toEqual({
      text: 'token [REDACTED:GITHUB_TOKEN] pw short sock /tmp/ssh-abc/agent.1 editor vim-secret-no',
      count: 1,
    });
  });
});

describe('declared secret values', () => {
  it('redacts each occurrence under the variable name, keeping the surrounding text', () => {
    const redactor = createRedactor({ secrets: [{ name: 'db_password', value: 'Tr0ub4dor&3' }] });
    expect(redactor.redact('pw=Tr0ub4dor&3;\nagain Tr0ub4dor&3\n')).toEqual({
      text: 'pw=[REDACTED:db_password];\nagain [REDACTED:db_password]\n',
      count: 2,
    });
  });

  it('prefers the longest literal when one secret contains another', () => {
    const redactor = createRedactor({
      secrets: [
        { name: 'short', value: 'abcdef' },
        { name: 'long', value: 'abcdefghij' },
      ],
    });
    expect(redactor.redact('abcdefghij abcdef').text).toBe('[REDACTED:long] [REDACTED:short]');
  });

  it('catches the value in shell-quoted, JSON, URL-encoded and base64 forms', () => {
    const value = `p'a"s$s w@rd`;
    const redactor = createRedactor({ secrets: [{ name: 'pw', value }] });
    const forms = [
      `'p'\\''a"s$s w@rd'`,
      `"p'a\\"s\\$s w@rd"`,
      JSON.stringify({ password: value }),
      `https://x/?pw=${encodeURIComponent(value)}`,
      `data: ${Buffer.from(value).toString('base64')}`,
    ];
    for (const form of forms) {
      const { text } = redactor.redact(form);
      expect(text).toContain('[REDACTED:pw]');
      expect(text).not.toContain('w@rd');
      expect(text).not.toContain(Buffer.from(value).toString('base64'));
    }
  });

  it('finds the value in a command it was rendered into, whatever the quoting context', () => {
    const value = `s3cr'et "pa$$" \\x`;
    const redactor = createRedactor({ secrets: [{ name: 'token', value }] });
    for (const template of ['curl -u {{t}} x', 'curl -H "X-Token: {{t}}" x', "echo 'k={{t}}'", 'cat <<EOF\n{{t}}\nEOF']) {
      const { text, count } = redactor.redact(renderCommand(template, { t: value }));
      expect(count, template).toBe(1);
      expect(text).not.toContain('cr');
    }
  });

  it('ignores declared secrets too short to redact without mangling all output', () => {
    expect(createRedactor({ secrets: [{ name: 'x', value: 'ab' }] }).secretCount).toBe(0);
  });
});
