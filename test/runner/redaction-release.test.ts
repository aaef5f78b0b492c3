// Output that goes quiet mid-line is released before its line ends (the runner does so after
// 250 ms of quiet). A secret whose first part was written before the pause must not be let out
// half: `release()` keeps back a tail that may be the start of one; `flush()` (end of output) does not.
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/domain/redaction.js';

const redactor = createRedactor({
  env: { AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  secrets: [{ name: 'db_password', value: 'Hunter2Hunter2xyz' }],
});

/** Pushes the first part, releases (the pause), pushes the rest and flushes: what reaches the log. */
function withPause(first: string, rest: string, bytes = false): { released: string; all: string } {
  const stream = redactor.stream({ bytes });
  const released = stream.push(first) + stream.release();
  return { released, all: released + stream.push(rest) + stream.flush() };
}

describe('release() after a pause mid-line', () => {
  it.each([
    ['a GitHub token', 'token: ghp_abcdefghij', 'klmnopqrstuvwxyz0123456789AB\n', 'token: [REDACTED:github-token]\n'],
    ['an AWS access key id', 'AKIAIOSF', 'ODNN7EXAMPLE\n', '[REDACTED:aws-access-key]\n'],
    ['a bearer token after its scheme word', 'Authorization: Bearer ', 'abc.def0123456789\n', 'Authorization: Bearer [REDACTED:bearer]\n'],
    ['a password in a URL', 'connecting to postgres://app:', 's3cr3t-pw@db:5432/app\n', 'connecting to postgres://app:[REDACTED:url-password]@db:5432/app\n'],
    ['a secret env value', 'key=wJalrXUt', 'nFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n', 'key=[REDACTED:AWS_SECRET_ACCESS_KEY]\n'],
    ['a declared secret', 'pw=Hunt', 'er2Hunter2xyz\n', 'pw=[REDACTED:db_password]\n'],
    ['a token cut inside its prefix', 'progress gh', 'p_abcdefghijklmnopqrstuvwxyz0123456789AB\n', 'progress [REDACTED:github-token]\n'],
  ])('%s split by the pause is redacted whole', (_what, first, rest, expected) => {
    for (const bytes of [false, true]) {
      const { all } = withPause(first, rest, bytes);
      expect(all).toBe(expected);
    }
  });

  it('lets out the quiet text before the possible secret, so a prompt or progress line still shows', () => {
    expect(withPause('Downloading 45% done', '\n').released).toBe('Downloading 45% done');
    expect(withPause('Enter the password:', ' ok\n').released).toBe('Enter the password:');
    expect(withPause('step 2 of 3 token ghp_abc', 'defghijklmnopqrstuvwxyz0123456789\n').released).toBe('step 2 of 3 token ');
  });

  it('a secret already complete before the pause is released redacted, and a flush lets out everything', () => {
    const stream = redactor.stream();
    expect(stream.push('pw=Hunter2Hunter2xyz then ') + stream.release()).toBe('pw=[REDACTED:db_password] then ');
    expect(stream.push('ghp_abc') + stream.release()).toBe('');
    expect(stream.flush()).toBe('ghp_abc');
  });
});
