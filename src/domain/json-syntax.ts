// Finds the first syntax error in a JSON text with its offset and a plain reason. JSON.parse's own
// messages differ between Node versions and sometimes carry no position, so we scan ourselves.
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

class Fail extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let pos = 0;
  const describe = (): string => (pos >= text.length ? 'the end of the file' : `'${text[pos]}'`);
  const skipSpace = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos] as string)) pos++;
    if (text[pos] === '/' && (text[pos + 1] === '/' || text[pos + 1] === '*')) {
      throw new Fail(pos, 'JSON has no comments: remove them, or write the checklist in YAML (.yaml), where # starts a comment');
    }
  };
  const expectChar = (char: string, what: string): void => {
    skipSpace();
    if (text[pos] !== char) throw new Fail(pos, `expected ${what}, found ${describe()}`);
    pos++;
  };
  const string = (): void => {
    const start = pos++;
    while (pos < text.length && text[pos] !== '"') {
      const code = text.charCodeAt(pos);
      if (code < 0x20) throw new Fail(pos, code === 10 ? 'unterminated string (a line break inside quotes; write \\n)' : 'control character inside a string');
      if (text[pos] === '\\') {
        const escape = text[pos + 1] ?? '';
        if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) pos += 6;
        else if ('"\\/bfnrt'.includes(escape) && escape !== '') pos += 2;
        else throw new Fail(pos, `invalid escape "\\${escape}" in a string`);
      } else pos++;
    }
    if (pos >= text.length) throw new Fail(start, 'unterminated string: the closing " is missing');
    pos++;
  };
  const value = (depth: number): void => {
    skipSpace();
    if (depth > MAX_DEPTH) throw new Fail(pos, 'nested too deeply');
    const char = text[pos];
    if (char === '"') return string();
    if (char === '{' || char === '[') return container(char, depth);
    for (const pattern of [NUMBER, LITERAL]) {
      pattern.lastIndex = pos;
      if (pattern.test(text)) {
        pos = pattern.lastIndex;
        return;
      }
    }
    const hint = char === "'" ? ' (JSON strings need double quotes)' : '';
    throw new Fail(pos, `expected a value, found ${describe()}${hint}`);
  };
  const container = (open: '{' | '[', depth: number): void => {
    const close = open === '{' ? '}' : ']';
    pos++;
    skipSpace();
    if (text[pos] === close) {
      pos++;
      return;
    }
    for (;;) {
      if (open === '{') {
        skipSpace();
        if (text[pos] !== '"') {
          const hint = text[pos] === close ? ' (a trailing comma?)' : '';
          throw new Fail(pos, `expected a property name in double quotes, found ${describe()}${hint}`);
        }
        string();
        expectChar(':', '":" after the property name');
      }
      value(depth + 1);
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        if (open === '[') {
          skipSpace();
          if (text[pos] === close) throw new Fail(pos, 'trailing comma before "]"');
        }
        continue;
      }
      expectChar(close, `"," or "${close}"`);
      return;
    }
  };
  try {
    skipSpace();
    if (pos >= text.length) return { offset: 0, message: 'the file is empty' };
    value(0);
    skipSpace();
    if (pos < text.length) throw new Fail(pos, `unexpected ${describe()} after the end of the JSON value`);
    return undefined;
  } catch (error) {
    if (error instanceof Fail) return { offset: error.offset, message: error.message };
    throw error;
  }
}
