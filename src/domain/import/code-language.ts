// The language of a fenced code block as its author meant it. Exporters write their own labels
// in the info string: pandoc's Confluence export (```` ``` syntaxhighlighter-pre ````), pandoc's
// attributes (```` ``` {.sourceCode .bash} ````), highlighters' "no language" words. Read
// literally, a runbook's every command would be "a syntaxhighlighter-pre block", never run.
import type { Code, Nodes } from 'mdast';

// Labels that name no language: the block is judged by its look, as an untagged one.
const NO_LANGUAGE = new Set(['syntaxhighlighter-pre', 'code', 'nohighlight', 'no-highlight', 'none', 'default', 'plain', 'sourcecode']);

function classes(code: Code): string[] {
  const info = `${code.lang ?? ''} ${code.meta ?? ''}`.trim();
  const attributes = /^\{([^}]*)\}/.exec(info);
  if (!attributes) return [code.lang ?? ''];
  return (attributes[1] ?? '').split(/\s+/).filter((c) => c.startsWith('.')).map((c) => c.slice(1));
}

/** The block's language, or null for a label that names none. */
export function authoredLanguage(code: Code): string | null {
  const named = classes(code).filter((c) => c && !NO_LANGUAGE.has(c.toLowerCase()));
  return named[0] ?? null;
}

/** Rewrites the language of every code block in `node` to the one its author meant. */
export function readCodeLanguages(node: Nodes): void {
  if (node.type === 'code') {
    if (!node.lang) return;
    const attributes = node.lang.startsWith('{');
    node.lang = authoredLanguage(node);
    if (attributes) node.meta = null;
  } else if ('children' in node) for (const child of node.children) readCodeLanguages(child);
}
