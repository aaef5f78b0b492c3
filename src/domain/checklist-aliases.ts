// Aliases checked in one pass before the document is turned into values.
import { isAlias, visit, type Document } from 'yaml';

// yaml's toJS resolves each alias by walking the document up to it: n aliases in a big file cost
// n times the file (45,000 aliases took 42 s). The walks are bounded; a real checklist is far below.
const MAX_ALIAS_WALK = 20_000_000;

/** An alias used before any node declares its anchor, or one past the bound on alias walks (one pass). */
export function badAlias(doc: Document): { offset: number; message: string } | undefined {
  const anchors = new Set<string>();
  let nodes = 0;
  let walked = 0;
  let found: { offset: number; message: string } | undefined;
  visit(doc, {
    Node(_key, node) {
      nodes++;
      if (!isAlias(node)) {
        if (node.anchor) anchors.add(node.anchor);
        return undefined;
      }
      const offset = node.range?.[0] ?? 0;
      if (!anchors.has(node.source)) found = { offset, message: `unknown anchor "*${node.source}" (define &${node.source} before using it)` };
      else if ((walked += nodes) > MAX_ALIAS_WALK) found = { offset, message: 'too many *aliases for a file this size (write the values out, or use fewer aliases)' };
      return found ? visit.BREAK : undefined;
    },
  });
  return found;
}
