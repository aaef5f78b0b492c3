// A run's output as the report shows it: a short head and tail of what the run printed, with a
// clear marker where output was left out. The full output stays in the run log.
import { printable, type RunOutput } from './report-context.js';
import { fence, formatBytes } from './report-markdown.js';

const HEAD_LINES = 20;
const HEAD_CHARS = 2_000;
const TAIL_LINES = 40;
const TAIL_CHARS = 4_000;

function firstLines(text: string, lines: number, chars: number): { text: string; cut: boolean } {
  const kept = text.split('\n').slice(0, lines).join('\n').slice(0, chars);
  return { text: kept, cut: kept.length < text.replace(/\n$/, '').length };
}

function lastLines(text: string, lines: number, chars: number): { text: string; cut: boolean } {
  const trimmed = text.replace(/\n$/, '');
  const kept = trimmed.split('\n').slice(-lines).join('\n').slice(-chars);
  return { text: kept, cut: kept.length < trimmed.length };
}

/** The excerpt fenced, or a short note when the run printed nothing. */
export function renderOutput(output: RunOutput, logName: string): string {
  const head = printable(output.head);
  const tail = printable(output.tail);
  if (output.bytes === 0 && !head && !tail) return '_No output._';
  const about = `Output (${formatBytes(output.bytes)}; full log: \`${logName}\`):`;
  // Head and tail are contiguous unless truncated: then the excerpt is the whole output (still
  // trimmed for the document).
  const whole = output.truncated ? undefined : head + tail;
  const first = firstLines(whole ?? head, HEAD_LINES, HEAD_CHARS);
  if (whole !== undefined && !first.cut) return `${about}\n\n${fence(first.text, 'text')}`;
  const last = lastLines(whole ?? tail, TAIL_LINES, TAIL_CHARS);
  const overlap = whole !== undefined && first.text.length + last.text.length >= whole.length;
  if (overlap) return `${about}\n\n${fence(whole as string, 'text')}`;
  const marker = `… output omitted here (${formatBytes(output.bytes)} in all: see ${logName}) …`;
  return `${about}\n\n${fence(`${first.text}\n${marker}\n${last.text}`, 'text')}`;
}
