import { describe, expect, it } from 'vitest';
import { createExpectationMatcher, describeExpectation, type Expectation, type RunEnd } from '../../src/domain/expectation.js';

const exited = (exitCode: number | null, extra: Partial<RunEnd> = {}): RunEnd => ({
  exitCode,
  signal: null,
  timedOut: false,
  cancelled: false,
  ...extra,
});

function judge(expect: Expectation | undefined, chunks: string[], end: RunEnd = exited(0)) {
  const matcher = createExpectationMatcher(expect);
  for (const chunk of chunks) matcher.push(chunk);
  return matcher.finish(end);
}

describe('describeExpectation', () => {
  it.each<[Expectation | undefined, string]>([
    [undefined, 'exit 0'],
    [{ contains: 'ok' }, 'exit 0, output contains "ok"'],
    [{ exitCode: [0, 1], notContains: ['ERROR', 'FATAL'] }, 'exit 0 or 1, output does not contain "ERROR", output does not contain "FATAL"'],
    [{ exitCode: 3, matches: '^ready$' }, 'exit 3, output matches /^ready$/'],
  ])('%j', (expectation, words) => {
    expect(describeExpectation(expectation)).toBe(words);
  });
});

describe('exit codes', () => {
  it('defaults to 0', () => {
    expect(judge(undefined, [], exited(0))).toEqual({ result: 'pass', reasons: [] });
    expect(judge({}, [], exited(3))).toEqual({ result: 'fail', reasons: ['exit code 3, expected 0'] });
  });

  it("says what the shell's own codes mean: 127 command not found, 126 not executable", () => {
    expect(judge(undefined, [], exited(127)).reasons).toEqual(['exit code 127 (command not found), expected 0']);
    expect(judge(undefined, [], exited(126)).reasons).toEqual(['exit code 126 (the shell found the command but could not run it: not executable?), expected 0']);
    expect(judge({ exitCode: 127 }, [], exited(127)).result).toBe('pass');
  });

  it('accepts one code or a list', () => {
    expect(judge({ exitCode: 2 }, [], exited(2)).result).toBe('pass');
    expect(judge({ exitCode: [0, 2] }, [], exited(2)).result).toBe('pass');
    expect(judge({ exitCode: [0, 2] }, [], exited(1)).reasons).toEqual(['exit code 1, expected one of 0, 2']);
  });

  it('explains a death by signal, a timeout and a cancel', () => {
    expect(judge(undefined, [], exited(null, { signal: 'SIGKILL' })).reasons).toEqual(['killed by SIGKILL, expected exit 0']);
    expect(judge(undefined, [], exited(null, { signal: 'SIGTERM', timedOut: true, timeoutMs: 10_000 })).reasons).toEqual([
      'timed out after 10s',
    ]);
    expect(judge(undefined, [], exited(null, { timedOut: true, timeoutMs: 90_000 })).reasons).toEqual(['timed out after 1m30s']);
    expect(judge(undefined, [], exited(null, { cancelled: true })).reasons).toEqual(['cancelled by operator']);
  });
});

describe('output expectations', () => {
  it('contains / notContains, strings or lists', () => {
    expect(judge({ contains: 'ok' }, ['all ok\n']).result).toBe('pass');
    expect(judge({ contains: ['ready', 'ok'] }, ['ok\n']).reasons).toEqual(['output does not contain "ready"']);
    expect(judge({ notContains: 'ERROR' }, ['fine\n']).result).toBe('pass');
    expect(judge({ notContains: ['WARN', 'ERROR'] }, ['ERROR: disk\n']).reasons).toEqual(['output contains "ERROR"']);
  });

  it('finds text split across chunk boundaries', () => {
    expect(judge({ contains: 'replication healthy' }, ['...replica', 'tion hea', 'lthy\n']).result).toBe('pass');
    expect(judge({ notContains: 'ERROR' }, ['E', 'R', 'R', 'O', 'R']).reasons).toEqual(['output contains "ERROR"']);
  });

  it('matches per line, across chunks, with ^ and $ and a trailing CR', () => {
    expect(judge({ matches: '^status: (ok|green)$' }, ['x\nstat', 'us: green\r\n', 'y\n']).result).toBe('pass');
    expect(judge({ matches: '^status: ok$' }, ['status: okay\n']).reasons).toEqual(['output does not match /^status: ok$/']);
  });

  it('matches a multi-line pattern against a small whole output', () => {
    expect(judge({ matches: 'begin[\\s\\S]*end' }, ['begin\n', 'middle\n', 'end\n']).result).toBe('pass');
  });

  it('keeps judging a long output without keeping it', () => {
    const matcher = createExpectationMatcher({ contains: 'NEEDLE', matches: 'line 99999$' });
    for (let i = 0; i <= 99_999; i++) {
      matcher.push(`line ${i}\n`);
      if (i === 50_000) ['NEE', 'DLE', '\n'].forEach((part) => matcher.push(part));
    }
    expect(matcher.finish(exited(0))).toEqual({ result: 'pass', reasons: [] });
  });

  it('reports an invalid regular expression instead of throwing', () => {
    expect(judge({ matches: '(' }, ['x']).reasons[0]).toMatch(/^invalid regular expression \/\(\//);
  });

  it('lists every failed condition', () => {
    expect(judge({ contains: 'ok', notContains: 'ERROR' }, ['ERROR\n'], exited(1)).reasons).toEqual([
      'exit code 1, expected 0',
      'output does not contain "ok"',
      'output contains "ERROR"',
    ]);
  });
});
