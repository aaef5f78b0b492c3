// `run: {{dir}}/check` is a YAML flow mapping, not a command: YAML reads an unquoted "{" as the
// start of one. The parser's own words for it ("unexpected scalar at node end", "a key must be a
// name") do not say that; this does.

const PLACEHOLDER = /\{\{\s*([A-Za-z_]\w*)\s*\}\}/;
const KEY = /([A-Za-z_$][\w$.-]*)["']?\s*:\s/g;

const count = (text: string, char: string): number => text.split(char).length - 1;

/** The error's line holds a {{placeholder}} outside quotes after `key:`: where, and what to do. */
export function unquotedPlaceholder(source: string, offset: number): { offset: number; message: string } | undefined {
  const lineStart = source.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const end = source.indexOf('\n', lineStart);
  const line = source.slice(lineStart, end === -1 ? undefined : end);
  const placeholder = PLACEHOLDER.exec(line);
  if (!placeholder) return undefined;
  const before = line.slice(0, placeholder.index);
  if (count(before, '"') % 2 === 1 || count(before, "'") % 2 === 1) return undefined;
  const key = [...before.matchAll(KEY)].pop();
  if (!key) return undefined;
  return {
    offset: lineStart + key.index,
    message: `the value of "${key[1]}" holds {{${placeholder[1]}}} outside quotes, and YAML reads "{" as the start of a mapping: put the whole value in double quotes`,
  };
}
