// A line-by-line reading of a shell script good enough to tell where it may be cut: whether each
// line starts at the top level (not inside a quote, a `\` continuation, a here-document, a loop,
// an `if`, a `case`, braces or parentheses), and what each line sets that later lines may use.

export interface ScannedLine {
  /** The line starts a new command at the top level of the script. */
  top: boolean;
  /** The line's code outside quotes and comments (quoted text replaced by a space). */
  code: string;
}

const OPENERS: Record<string, string> = { if: 'fi', case: 'esac', do: 'done', '{': '}', '(': ')' };
const CLOSERS = new Set(Object.values(OPENERS));
const SEPARATOR = /^(?:;;?|&&|\|\||[|&({]|then|do|else|elif|if|while|until|!)$/;
const HEREDOC = /(?<!<)<<(-?)\s*(['"]?)([A-Za-z_][\w-]*)\2/g;

/** The code of a line outside quotes and its comment; `quote` carries an open quote across lines. */
function unquoted(line: string, quote: string | undefined): { code: string; quote: string | undefined } {
  let code = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
    } else if (ch === '\\') i++;
    else if (quote === '"') {
      if (ch === '"') quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      code += ' ';
    } else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) break;
    else code += ch;
  }
  return { code, quote };
}

/** Applies the compound-command words of `code` to `stack`; false when a closer has no opener. */
function nest(code: string, stack: string[]): boolean {
  let commandStart = true;
  for (const token of code.match(/;;|&&|\|\||[;&|(){}]|[^\s;&|(){}]+/g) ?? []) {
    const open = stack[stack.length - 1];
    const keyword = commandStart || /^[(){}]$/.test(token);
    if (open === 'case' && (token === ')' || token === '(')) {
      commandStart = true;
      continue;
    }
    if (keyword && OPENERS[token]) stack.push(token);
    else if (keyword && CLOSERS.has(token)) {
      if (!open || OPENERS[open] !== token) return false;
      stack.pop();
    }
    commandStart = SEPARATOR.test(token) || token === ')' || token === '}';
  }
  return true;
}

interface ShellReading {
  lines: ScannedLine[];
  /** Nesting the scan could not follow (a closer without its opener). */
  broken: boolean;
  /** The script stops inside a quote, a here-document, a loop, `if`, braces or a `\` continuation. */
  open: boolean;
  /** As `open`, except for a `\` at the very end. */
  nestedOpen: boolean;
}

function readShell(code: string): ShellReading {
  const lines: ScannedLine[] = [];
  const stack: string[] = [];
  const heredocs: Array<{ delimiter: string; tabs: boolean }> = [];
  let heredoc: { delimiter: string; tabs: boolean } | undefined;
  let quote: string | undefined;
  let continued = false;
  for (const line of code.split('\n')) {
    if (heredoc) {
      lines.push({ top: false, code: '' });
      if ((heredoc.tabs ? line.replace(/^\t+/, '') : line) === heredoc.delimiter) heredoc = heredocs.shift();
      continue;
    }
    const top = !stack.length && !quote && !continued;
    const read = unquoted(line, quote);
    quote = read.quote;
    continued = !quote && /\\$/.test(line);
    lines.push({ top, code: read.code });
    // On the raw line: `<<'EOF'` quotes its delimiter.
    for (const m of line.matchAll(HEREDOC)) heredocs.push({ delimiter: m[3] as string, tabs: m[1] === '-' });
    heredoc ??= heredocs.shift();
    if (!nest(read.code, stack)) return { lines, broken: true, open: false, nestedOpen: false };
  }
  const nestedOpen = !!(stack.length || quote || heredoc);
  return { lines, broken: false, nestedOpen, open: nestedOpen || continued };
}

/** Each line of `code` as the shell reads it; undefined when its nesting cannot be followed. */
export function scanShell(code: string): ScannedLine[] | undefined {
  const reading = readShell(code);
  return reading.broken || reading.nestedOpen ? undefined : reading.lines;
}

/**
 * Whether the shell would read the line after `code` as part of the same command: `code` ends in
 * a `\`, a quote, a here-document or a loop left open. False when its nesting cannot be followed.
 */
export function continuesOnNextLine(code: string): boolean {
  return readShell(code).open;
}

// What a command leaves behind for the commands after it, in the same shell.
const ASSIGNMENT = /^\s*(?:(?:declare|typeset|local|readonly)\s+(?:-\w+\s+)*)?([A-Za-z_]\w*)(?:\[[^\]]*\])?\+?=/;
const EXPORTED = /^\s*export\s+(?:-\w+\s+)*([A-Za-z_]\w*)/;
const READ = /^\s*read\s+(?:-\w+\s+(?:\S+\s+)?)*([A-Za-z_]\w*)/;
const FUNCTION = /^\s*(?:function\s+([A-Za-z_][\w-]*)|([A-Za-z_][\w-]*)\s*\(\s*\))/;
const SHELL_STATE = /^\s*(?:cd|pushd|popd|source|\.|set|shopt|alias|ulimit|umask|trap|exec\s*$|exec\s+[0-9]*[<>]|eval)(?:\s|$)/;

export interface Leftover {
  /** Variables assigned (`NS=prod`, `read NS`), to look for as `$NS` later. */
  variables: string[];
  /** Functions defined, to look for as commands later. */
  functions: string[];
  /** A command that changes the shell itself (`cd`, `export`, `source`, `set -e`): why. */
  state?: string;
}

export function leftoverOf(lines: ScannedLine[]): Leftover {
  const left: Leftover = { variables: [], functions: [] };
  for (const { top, code } of lines) {
    if (!top) continue;
    const exported = EXPORTED.exec(code)?.[1];
    const fn = FUNCTION.exec(code);
    const state = SHELL_STATE.exec(code)?.[0].trim();
    if (exported) left.state ??= `export ${exported}`;
    else if (state) left.state ??= state;
    const variable = ASSIGNMENT.exec(code)?.[1] ?? READ.exec(code)?.[1];
    if (variable) left.variables.push(variable);
    const name = fn?.[1] ?? fn?.[2];
    if (name) left.functions.push(name);
  }
  return left;
}

/**
 * Lines as the shell reads them: a `\` continuation, or a quote left open (`psql -c "SELECT …`
 * over several lines), joins the next line to this one.
 */
export function logicalLines(code: string): string[] {
  const out: string[] = [];
  let pending = '';
  let quote: string | undefined;
  for (const line of code.split('\n')) {
    quote = unquoted(line, quote).quote;
    pending = pending ? `${pending}\n${line}` : line;
    if (!quote && !/\\\s*$/.test(line)) {
      out.push(pending);
      pending = '';
    }
  }
  if (pending) out.push(pending);
  return out;
}
