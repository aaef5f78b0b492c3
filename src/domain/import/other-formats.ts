// Runbooks in neighbouring formats. AsciiDoc reads as markdown only as garbage, so it is refused
// with a way to convert it. reStructuredText mostly reads as markdown already (its underlined
// headings and lists are markdown's too); only its code blocks (`.. code-block:: bash` and the
// `::` literal block) need rewriting as fenced blocks, or their commands would be lost.
import { CutoverError, EXIT } from '../errors.js';

const ADOC_HEADING = /^={1,6} \S/m;
const ADOC_MARKS = /^(?:\[source(?:,[^\]]*)?\]|-{4,}|:[\w-]+:(?:\s.*)?|\. \S.*|\+)$/m;

export function refuseAsciiDoc(text: string, source: string): void {
  const named = /\.(?:adoc|asciidoc|asc)$/i.test(source);
  const looks = ADOC_HEADING.test(text) && ADOC_MARKS.test(text) && !/^#{1,6} \S/m.test(text);
  if (named || looks) {
    throw new CutoverError(`${source} is AsciiDoc, not a markdown runbook`, EXIT.failed, 'convert it first, e.g. asciidoctor -b docbook -o - runbook.adoc | pandoc -f docbook -t gfm -o runbook.md');
  }
}

const DIRECTIVE = /^(\s*)\.\.\s+(?:code-block|code|sourcecode)::\s*([\w+-]*)\s*$/;
const LITERAL = /^(\s*)(.*?)(\s?)::\s*$/;

function isRst(text: string): boolean {
  return /^\s*\.\.\s+[\w-]+::/m.test(text) || /^\S.*::\s*\n\s*\n\s+\S/m.test(text);
}

/** The indented block after line `start` (blank lines inside it included), and where it ends. */
function indentedBlock(lines: string[], start: number, base: number): { body: string[]; end: number } {
  let end = start;
  while (end < lines.length && !(lines[end] ?? '').trim()) end++;
  const first = lines[end] ?? '';
  const indent = /^\s*/.exec(first)?.[0].length ?? 0;
  if (!first.trim() || indent <= base) return { body: [], end: start };
  const body: string[] = [];
  while (end < lines.length) {
    const line = lines[end] ?? '';
    if (line.trim() && (/^\s*/.exec(line)?.[0].length ?? 0) < indent) break;
    body.push(line.slice(indent));
    end++;
  }
  while (body.length && !body[body.length - 1]?.trim()) body.pop();
  return { body, end };
}

export function rstCodeToFences(text: string): string {
  if (!isRst(text)) return text;
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const directive = DIRECTIVE.exec(line);
    const literal = directive || /^\s*\.\./.test(line) ? undefined : LITERAL.exec(line);
    const base = (directive?.[1] ?? literal?.[1] ?? '').length;
    const block = directive || literal ? indentedBlock(lines, i + 1, base) : undefined;
    if (!block?.body.length) {
      out.push(line);
      continue;
    }
    // Inside a list item the fence goes where the item's text starts, so that it stays the item's.
    const pad = ' '.repeat(/^\s*(?:[-*+]|\d+[.)])\s+/.exec(line)?.[0].length ?? base);
    // "Ping the primary::" reads "Ping the primary:"; a lone "::" line says nothing.
    if (literal?.[2]?.trim()) out.push(line.replace(/\s?::\s*$/, literal[3] ? '' : ':'), '');
    out.push(`${pad}\`\`\`${directive?.[2] ?? ''}`, ...block.body.map((l) => (l ? pad + l : l)), `${pad}\`\`\``);
    i = block.end - 1;
  }
  return out.join('\n');
}
