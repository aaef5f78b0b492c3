// Hugo's TOML front matter (`+++` ... `+++`): only what a runbook's header needs is read,
// `key = value` pairs with strings, numbers, dates, booleans and arrays of those. Keys under a
// `[table]` are read as `table.key`. A line that is none of these is counted, not guessed at.

export const TOML_BLOCK = /^\+\+\+[ \t]*\n([\s\S]*?)\n?\+\+\+[ \t]*(?:\n|$)/;

const PAIR = /^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\s*=\s*(.*?)\s*$/;
const TABLE = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/;

/** `"a \"b\""` -> `a "b"`; `'c'` -> `c`; `[ "x", 'y' ]` -> ['x', 'y']; anything else as written. */
function tomlValue(raw: string): unknown {
  const value = raw.replace(/\s+#[^"']*$/, '').trim();
  if (/^"(?:[^"\\]|\\.)*"$/.test(value)) {
    try {
      return JSON.parse(value) as string;
    } catch {
      return value.slice(1, -1);
    }
  }
  if (/^'[^']*'$/.test(value)) return value.slice(1, -1);
  if (/^\[.*\]$/.test(value)) {
    const items = value.slice(1, -1).match(/"(?:[^"\\]|\\.)*"|'[^']*'|[^,\s]+/g) ?? [];
    return items.map((item) => tomlValue(item));
  }
  return value;
}

export function readToml(text: string): { entries: Array<[string, unknown]>; skipped: number } {
  const entries: Array<[string, unknown]> = [];
  let table = '';
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const header = TABLE.exec(line);
    if (header) {
      table = `${(header[1] ?? '').trim()}.`;
      continue;
    }
    const pair = PAIR.exec(line);
    if (!pair || /^("""|''')/.test(pair[2] ?? '')) {
      skipped++;
      continue;
    }
    entries.push([table + (pair[1] ?? '').replace(/^["']|["']$/g, ''), tomlValue(pair[2] ?? '')]);
  }
  return { entries, skipped };
}
