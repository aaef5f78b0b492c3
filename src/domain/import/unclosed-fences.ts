// A fenced code block whose closing fence is missing runs to the end of the file (CommonMark): the
// steps after it would become one long command. Such a block is never run: it is kept as text,
// marked "(never closed)", and the summary names the line it opens on.
import type { Code, Nodes, Root } from 'mdast';

const OPENING = /^[ \t]*(`{3,}|~{3,})/;

function isUnclosed(code: Code, source: string): boolean {
  const start = code.position?.start.offset;
  const end = code.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  const raw = source.slice(start, end);
  const fence = OPENING.exec(raw)?.[1];
  if (!fence) return false; // an indented block has no fence to close
  const lines = raw.split('\n');
  // Inside a block quote the closing fence line starts with its `>` markers.
  const last = lines[lines.length - 1]?.replace(/^(?:[ \t]*>)+/, '').trim() ?? '';
  const closes = lines.length > 1 && last.startsWith(fence.charAt(0).repeat(fence.length)) && new RegExp(`^\\${fence.charAt(0)}+$`).test(last);
  return !closes;
}

/** Marks every unclosed fence in the tree; returns the lines they open on. */
export function markUnclosedFences(root: Root, source: string): number[] {
  const lines: number[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'code' && isUnclosed(node, source)) {
      node.lang = `${node.lang ?? ''} (never closed)`.trim();
      lines.push(node.position?.start.line ?? 0);
    }
    if ('children' in node) (node.children as Nodes[]).forEach(walk);
  };
  walk(root);
  return lines;
}
