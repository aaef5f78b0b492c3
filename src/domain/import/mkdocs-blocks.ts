// MkDocs Material admonitions and content tabs (`!!! danger "Point of no return"`, `??? note`,
// `=== "Ubuntu"`) hold their content indented by four spaces. As plain markdown that content is an
// indented code block, fences and all: the steps inside would be kept as text, never run. Each
// such block is dedented. A tab's marker line becomes a shortcode marker (hugo-shortcodes.ts) whose
// label, the tab's name, leads in its commands. An admonition's title stays at the head of its
// text ("**Danger: Never** run `redis-cli FLUSHALL`" is still a warning, not a step), and a
// warning's content becomes a block quote: what it shows is kept to read, never run.

const BLOCK = /^([ \t]*)(?:(!!!|\?\?\?\+?)\s+([\w-]+)(?:\s+"([^"]*)")?|(===\+?)\s+"([^"]*)")\s*$/;
const FENCE = /^\s*(`{3,}|~{3,})/;
const WARNING = /^(?:danger|warning|caution|attention|error|failure|fail|missing|bug)$/i;

function titleOf(match: RegExpExecArray): string {
  const kind = (match[3] ?? '').replace(/^./, (c) => c.toUpperCase());
  return match[4] ? `${kind}: ${match[4]}` : kind;
}

/** An admonition's dedented lines with its title in front, as a block quote when it warns. */
function admonition(match: RegExpExecArray, body: string[], indent: string): string[] {
  const title = `**${titleOf(match).replace(/\*/g, '')}**`;
  const first = body.findIndex((l) => l.trim());
  const lines = first >= 0 && !FENCE.test(body[first] as string) && !/^\s*(?:[-*+]|\d+[.)])\s/.test(body[first] as string)
    ? body.map((l, i) => (i === first ? `${title} — ${l.trim()}` : l))
    : [title, '', ...body];
  return WARNING.test(match[3] ?? '') ? lines.map((l) => `${indent}> ${l}`.trimEnd()) : lines.map((l) => (l ? indent + l : ''));
}

/** The text with MkDocs blocks dedented, and how many there were. */
export function readMkdocsBlocks(text: string): { text: string; count: number } {
  const lines = text.split('\n');
  const out: string[] = [];
  let fence: string | undefined;
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const opens = FENCE.exec(line)?.[1];
    if (fence || opens) {
      if (!fence) fence = opens;
      else if (opens && opens[0] === fence[0] && opens.length >= fence.length && !line.trim().slice(opens.length).trim()) fence = undefined;
      out.push(line);
      continue;
    }
    const match = BLOCK.exec(line);
    const indent = match?.[1] ?? '';
    const inside = `${indent}    `;
    if (!match || (!lines[i + 1]?.startsWith(inside) && !(lines[i + 1] === '' && lines[i + 2]?.startsWith(inside)))) {
      out.push(line);
      continue;
    }
    count++;
    const body: string[] = [];
    while (i + 1 < lines.length && (lines[i + 1]?.startsWith(inside) || !lines[i + 1]?.trim())) {
      i++;
      body.push((lines[i] as string).startsWith(inside) ? (lines[i] as string).slice(inside.length) : '');
    }
    while (body.length && !body[body.length - 1]?.trim()) body.pop();
    if (match[5]) out.push(`${indent}<!--cutover-shortcode: ${(match[6] ?? '').replace(/-->/g, '')}-->`, '', ...body.map((l) => (l ? indent + l : '')));
    else out.push(...admonition(match, body, indent));
    out.push('', `${indent}<!--cutover-shortcode-->`, '');
  }
  return { text: out.join('\n'), count };
}
