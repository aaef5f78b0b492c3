// The YAML parser records an error object for every node it cannot place, and each costs about as
// much as a node: `a: [""""""…]` (adjacent quoted scalars), or a run of anchors, tags, aliases or
// `?` keys, makes one per pair of characters. A 1 MB file of them took 12 s and 570 MB, a 5 MB one
// over 30 s and 1.7 GB. findOversize counts the separators that make values; this counts the
// characters that start a node without one, with the same generous over-count.
import { MAX_VALUES, type TextProblem } from './text-checks.js';

// " ' & ! * ?: two quotes per quoted value, and a checklist of MAX_VALUES values may quote all of them.
const MAX_NODE_STARTS = 2 * MAX_VALUES;

export function findYamlNodeFlood(text: string): TextProblem | undefined {
  let starts = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 34 && code !== 39 && code !== 38 && code !== 33 && code !== 42 && code !== 63) continue;
    if (++starts > MAX_NODE_STARTS) {
      return { offset: i, code: 'too-many-values', message: `too big for a checklist: over ${MAX_NODE_STARTS.toLocaleString('en')} quotes, anchors, aliases, tags and ? keys (split it into several checklists)` };
    }
  }
  return undefined;
}
