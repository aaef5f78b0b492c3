// An item's `expect`, described in words and evaluated over output as it streams: nothing here
// keeps the whole output, so a check that prints gigabytes is judged in bounded memory.
import type { z } from 'zod';
import type { Expectation as ExpectationSchema } from './checklist-schema.js';

export type Expectation = z.output<typeof ExpectationSchema>;

/** Below this size the whole output is also searched, so a multi-line `matches` works. */
const WHOLE_OUTPUT_LIMIT = 1024 * 1024;
/** A longer line is tested in pieces of this size. */
const MAX_LINE = 64 * 1024;

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export function expectedExitCodes(expect: Expectation | undefined): number[] {
  const codes = expect?.exitCode;
  return codes === undefined ? [0] : Array.isArray(codes) ? codes : [codes];
}

function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

export function describeExpectation(expect: Expectation | undefined): string {
  const parts = [`exit ${orList(expectedExitCodes(expect).map(String))}`];
  for (const text of list(expect?.contains)) parts.push(`output contains ${JSON.stringify(text)}`);
  for (const text of list(expect?.notContains)) parts.push(`output does not contain ${JSON.stringify(text)}`);
  if (expect?.matches !== undefined) parts.push(`output matches /${expect.matches}/`);
  return parts.join(', ');
}

export interface RunEnd {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  /** What cancelled it, when not the operator: recorded as the reason. */
  cancelReason?: string;
  timeoutMs?: number;
}

export interface ExpectationMatcher {
  /** True when the output must be fed (contains / notContains / matches are set). */
  readonly needsOutput: boolean;
  push(text: string): void;
  finish(end: RunEnd): { result: 'pass' | 'fail'; reasons: string[] };
}

/** "10s", "5m", "1h30m", "1500ms": how a timeout reads in a reason. */
function timeoutWords(ms: number): string {
  if (ms % 1000 !== 0) return `${ms}ms`;
  const s = ms / 1000;
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${sec ? `${sec}s` : ''}`;
}

/** What the shell's own exit codes mean: at 2 a.m. "exit code 127" alone sends nobody to the typo. */
const SHELL_EXIT_MEANING: Readonly<Record<number, string>> = {
  126: ' (the shell found the command but could not run it: not executable?)',
  127: ' (command not found)',
};

export function createExpectationMatcher(expect: Expectation | undefined): ExpectationMatcher {
  const contains = list(expect?.contains);
  const notContains = list(expect?.notContains);
  const needles = [...contains, ...notContains];
  const found = new Set<string>();
  const overlap = Math.max(0, ...needles.map((needle) => needle.length - 1));
  let pattern: RegExp | undefined;
  let patternError: string | undefined;
  if (expect?.matches !== undefined) {
    try {
      pattern = new RegExp(expect.matches, 'm');
    } catch (error) {
      patternError = `invalid regular expression /${expect.matches}/: ${(error as Error).message}`;
    }
  }
  let carry = '';
  let line = '';
  let whole: string | undefined = '';
  let matched = false;

  const testLine = (text: string): void => {
    if (pattern && !matched && pattern.test(text.endsWith('\r') ? text.slice(0, -1) : text)) matched = true;
  };

  return {
    needsOutput: needles.length > 0 || pattern !== undefined,
    push(text) {
      if (needles.length > 0) {
        const window = carry + text;
        for (const needle of needles) if (!found.has(needle) && window.includes(needle)) found.add(needle);
        carry = overlap > 0 ? window.slice(-overlap) : '';
      }
      if (!pattern || matched) return;
      if (whole !== undefined) whole = whole.length + text.length <= WHOLE_OUTPUT_LIMIT ? whole + text : undefined;
      const lines = (line + text).split('\n');
      line = lines.pop()!;
      for (const complete of lines) testLine(complete);
      if (line.length > MAX_LINE) {
        testLine(line);
        line = line.slice(-MAX_LINE / 2);
      }
    },
    finish(end) {
      testLine(line);
      if (pattern && !matched && whole !== undefined && pattern.test(whole)) matched = true;
      const reasons: string[] = [];
      if (end.timedOut) reasons.push(end.timeoutMs ? `timed out after ${timeoutWords(end.timeoutMs)}` : 'timed out');
      else if (end.cancelled) reasons.push(end.cancelReason ?? 'cancelled by operator');
      else if (end.exitCode === null) {
        reasons.push(`killed by ${end.signal ?? 'a signal'}, expected exit ${orList(expectedExitCodes(expect).map(String))}`);
      } else if (!expectedExitCodes(expect).includes(end.exitCode)) {
        const codes = expectedExitCodes(expect);
        reasons.push(`exit code ${end.exitCode}${SHELL_EXIT_MEANING[end.exitCode] ?? ''}, expected ${codes.length > 1 ? 'one of ' : ''}${codes.join(', ')}`);
      }
      for (const needle of contains) if (!found.has(needle)) reasons.push(`output does not contain ${JSON.stringify(needle)}`);
      for (const needle of notContains) if (found.has(needle)) reasons.push(`output contains ${JSON.stringify(needle)}`);
      if (patternError) reasons.push(patternError);
      else if (pattern && !matched) reasons.push(`output does not match /${expect?.matches}/`);
      return { result: reasons.length === 0 ? 'pass' : 'fail', reasons };
    },
  };
}
