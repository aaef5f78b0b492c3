// Problems visible in the raw text before any parsing: binary content, invalid UTF-8, emptiness;
// and one-line wording for the YAML parser's own errors.
import type { YAMLError } from 'yaml';
import { utf16Of } from './utf16.js';

export interface TextProblem {
  offset: number;
  message: string;
  code: string;
}

// Control characters other than tab, LF and CR; U+FFFD is what invalid UTF-8 decodes to.
const NOT_TEXT = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFD]/;

/** "U+0007", or "U+001B, an escape sequence": a control character named for a message. */
export function describeControlCharacter(char: string): string {
  const code = char.charCodeAt(0);
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return code === 0x1b ? `U+${hex}, an escape sequence` : `U+${hex}`;
}

/** UTF-16 without a byte order mark decodes (as UTF-8) to ASCII with a NUL in every other place. */
function looksUtf16WithoutBom(text: string): boolean {
  const codes = Array.from(text.slice(0, 4096), (char) => char.charCodeAt(0));
  return utf16Of(codes) !== undefined;
}

export function findNonText(text: string): TextProblem | undefined {
  const match = NOT_TEXT.exec(text);
  if (!match) return undefined;
  const char = match[0];
  if (char === '\0' && looksUtf16WithoutBom(text)) return { offset: 0, code: 'encoding', message: 'is UTF-16 text (without a byte order mark); save it as UTF-8' };
  if (char === '\0') return { offset: match.index, code: 'binary', message: 'contains a NUL byte: this looks like a binary file, not a YAML or JSON checklist' };
  // A byte order mark (FF FE or FE FF) decodes as two U+FFFD; UTF-16 text follows it, not just any NUL.
  if (char === '\uFFFD' && /^\uFFFD\uFFFD/.test(text) && looksUtf16WithoutBom(text.slice(2))) {
    return { offset: 0, code: 'encoding', message: 'is UTF-16 text; save it as UTF-8' };
  }
  if (char === '\uFFFD') return { offset: match.index, code: 'encoding', message: 'is not valid UTF-8 text (save the file as UTF-8)' };
  return { offset: match.index, code: 'binary', message: `contains a control character (${describeControlCharacter(char)}); a checklist is plain text` };
}

// The YAML parser keeps a node with its source range for every value: ~1 KB each, so a 5 MB file of
// short values took 17 s and 2.3 GB. The largest bundled checklist has 500 lines and 2 levels of brackets.
export const MAX_VALUES = 100_000;
const MAX_BRACKET_DEPTH = 200;

/**
 * Too many values (counted as line breaks, commas, "-", ":" and opening brackets: a generous
 * over-count) or brackets nested too deeply, found in one pass before any parsing.
 */
export function findOversize(text: string): TextProblem | undefined {
  let values = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 91 || code === 123) {
      if (++depth > MAX_BRACKET_DEPTH) return { offset: i, code: 'too-deep', message: 'nested too deeply for a checklist' };
    } else if (code === 93 || code === 125) {
      depth = Math.max(0, depth - 1);
    } else if (code !== 10 && code !== 44 && code !== 45 && code !== 58) {
      continue;
    }
    if (++values > MAX_VALUES) {
      return { offset: i, code: 'too-many-values', message: `too big for a checklist: over ${MAX_VALUES.toLocaleString('en')} values, lines and list entries (split it into several checklists)` };
    }
  }
  return undefined;
}

export const EMPTY_MESSAGE = 'the file is empty; a checklist needs at least id, title, version and sections';

const YAML_WORDING: Record<string, string> = {
  TAB_AS_INDENT: 'a tab is used for indentation; YAML needs spaces',
  MULTIPLE_DOCS: 'more than one YAML document (a second "---"); a checklist file holds exactly one',
  BLOCK_AS_IMPLICIT_KEY: 'unexpected "key: value" here or on the next line: check the indentation, or quote a value that contains ": "',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line: check the indentation, or quote a value that contains ": "',
  TAG_RESOLVE_FAILED: 'unknown YAML tag (remove the "!..." or quote the value)',
};

export function yamlErrorMessage(error: YAMLError, source: string): string {
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^["']?([^"':\n]+?)["']?\s*:/.exec(source.slice(error.pos[0]))?.[1];
    return `duplicate key${key ? ` "${key}"` : ''}: a key may appear only once in a mapping`;
  }
  if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) return 'this quoted string is never closed (a missing closing quote)';
  if (error.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(error.message)) return 'nested too deeply for a checklist';
  const known = YAML_WORDING[error.code];
  if (known) return known;
  const first = error.message.split('\n')[0] ?? error.message;
  const plain = first.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
  return plain.charAt(0).toLowerCase() + plain.slice(1);
}
