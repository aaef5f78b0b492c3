// A small POSIX sh lexer that only tracks the quoting context: enough to know, at each `{{var}}`
// in a command template, how a value must be escaped so that it stays data. Contexts: bare
// words, 'single', "double", `backticks`, $(subshell), $((arithmetic)), ${parameter}, comments
// and here-documents (quoted or not).
import { CutoverError, EXIT } from './errors.js';

type Frame =
  | { kind: 'plain' | 'single' | 'double' | 'backtick' | 'comment' }
  | { kind: 'subshell' | 'arith' | 'param'; depth: number }
  | { kind: 'heredoc'; delimiter: string; quoted: boolean; stripTabs: boolean };
type Heredoc = Extract<Frame, { kind: 'heredoc' }>;

const WORD_BREAK = /[\s;&|()<>]/;
const HEREDOC_START = /^<<(-?)[ \t]*((?:[^\s;&|()<>'"\\]|'[^']*'|"[^"]*"|\\.)+)/;

export function singleQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export class ShellContext {
  private readonly stack: Frame[] = [{ kind: 'plain' }];
  private readonly pendingHeredocs: Heredoc[] = [];
  private previous = '\n';
  /** The current here-document line so far (values included), to spot its delimiter line. */
  private heredocLine = '';

  private get top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  /** Advances over literal template text. */
  read(text: string): void {
    for (let i = 0; i < text.length; i++) {
      i += this.step(text, i);
      this.previous = text[i] ?? '';
    }
  }

  /** Handles the character at i; returns how many further characters it consumed. */
  private step(text: string, i: number): number {
    const ch = text[i]!;
    const top = this.top;
    switch (top.kind) {
      case 'single':
        if (ch === "'") this.stack.pop();
        return 0;
      case 'comment':
        if (ch === '\n') this.endLine();
        return 0;
      case 'heredoc':
        if (ch === '\n') {
          this.endHeredocLine(top);
          return 0;
        }
        this.heredocLine += ch;
        return top.quoted ? 0 : this.expansion(text, i);
      case 'double':
        if (ch === '"') {
          this.stack.pop();
          return 0;
        }
        return this.expansion(text, i);
      default:
        return this.unquoted(text, i, top);
    }
  }

  /** `\x`, $(...), $((...)), ${...} and backticks: active in unquoted text, "double quotes" and here-documents. */
  private expansion(text: string, i: number): number {
    const ch = text[i];
    if (ch === '\\') return 1;
    if (ch === '`') {
      if (this.top.kind === 'backtick') this.stack.pop();
      else this.stack.push({ kind: 'backtick' });
      return 0;
    }
    if (ch !== '$') return 0;
    if (text.startsWith('((', i + 1)) {
      this.stack.push({ kind: 'arith', depth: 0 });
      return 2;
    }
    const next = text[i + 1];
    if (next === '(' || next === '{') {
      this.stack.push({ kind: next === '(' ? 'subshell' : 'param', depth: 0 });
      return 1;
    }
    return 0;
  }

  private unquoted(text: string, i: number, top: Frame): number {
    const ch = text[i]!;
    if ('depth' in top) {
      const [open, close] = top.kind === 'param' ? ['{', '}'] : ['(', ')'];
      if (ch === open) top.depth++;
      if (ch === close && top.depth-- === 0) {
        this.stack.pop();
        return top.kind === 'arith' && text[i + 1] === ')' ? 1 : 0;
      }
    }
    if (ch === "'") this.stack.push({ kind: 'single' });
    else if (ch === '"') this.stack.push({ kind: 'double' });
    else if (ch === '#' && WORD_BREAK.test(this.previous)) this.stack.push({ kind: 'comment' });
    else if (ch === '\n') this.endLine();
    else if (ch === '<' && text.startsWith('<', i + 1) && top.kind !== 'arith') return this.heredocStart(text, i);
    else return this.expansion(text, i);
    return 0;
  }

  private heredocStart(text: string, i: number): number {
    if (text[i + 2] === '<') return 2; // <<< here-string: an ordinary word follows
    const match = HEREDOC_START.exec(text.slice(i));
    if (!match) return 1;
    const word = match[2]!;
    this.pendingHeredocs.push({
      kind: 'heredoc',
      delimiter: word.replace(/['"\\]/g, ''),
      quoted: /['"\\]/.test(word),
      stripTabs: match[1] === '-',
    });
    return match[0].length - 1;
  }

  /** A newline outside quotes: a comment ends, and pending here-documents begin. */
  private endLine(): void {
    if (this.top.kind === 'comment') this.stack.pop();
    const next = this.pendingHeredocs.shift();
    if (next) this.stack.push(next);
  }

  private endHeredocLine(doc: Heredoc): void {
    const line = doc.stripTabs ? this.heredocLine.replace(/^\t+/, '') : this.heredocLine;
    this.heredocLine = '';
    if (line !== doc.delimiter) return;
    this.stack.pop();
    const next = this.pendingHeredocs.shift();
    if (next) this.stack.push(next);
  }

  /** The value escaped for the current context, so that the shell reads it back unchanged. */
  quote(name: string, value: string): string {
    const top = this.top;
    let quoted: string;
    if (top.kind === 'single') quoted = value.replace(/'/g, `'\\''`);
    else if (top.kind === 'double') quoted = value.replace(/[\\$`"]/g, '\\$&');
    else if (top.kind === 'arith') quoted = this.number(name, value);
    else if (top.kind === 'heredoc') quoted = this.heredocValue(name, value, top);
    // In a comment nothing is special but a newline, which would end it: the rest would run.
    else if (top.kind === 'comment') quoted = value.replace(/[\r\n]+/g, ' ');
    else if (top.kind === 'param' && this.stack.some((frame) => frame.kind === 'double')) {
      quoted = value.replace(/[\\$`"}]/g, '\\$&');
    } else quoted = singleQuote(value);
    // Each enclosing backtick level strips one level of backslashes before the shell parses it.
    for (const frame of this.stack) {
      if (frame.kind === 'backtick') quoted = quoted.replace(/[\\`$]/g, '\\$&');
    }
    this.previous = 'x';
    return quoted;
  }

  private number(name: string, value: string): string {
    if (/^-?\d+$/.test(value)) return value;
    throw new CutoverError(`variable "${name}" is used in $((...)) but its value is not a whole number: ${value}`, EXIT.usage);
  }

  private heredocValue(name: string, value: string, doc: Heredoc): string {
    const escaped = doc.quoted ? value : value.replace(/[\\$`]/g, '\\$&');
    const lines = (this.heredocLine + escaped).split('\n');
    this.heredocLine = lines.pop()!;
    if (lines.some((line) => (doc.stripTabs ? line.replace(/^\t+/, '') : line) === doc.delimiter)) {
      throw new CutoverError(
        `variable "${name}" contains a line "${doc.delimiter}", which would end the here-document it is used in`,
        EXIT.usage,
      );
    }
    return escaped;
  }
}
