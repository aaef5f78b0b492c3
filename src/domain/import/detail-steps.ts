// Plain bullets under a step are its details: their text joins its description and their
// commands its run. Unless that run would join several commands: "1. Fail over the database" with
// "- Check replication lag first: ```psql …```" and "- Then promote the replica: ```patronictl
// failover```" under it is not one step that checks and fails over on one Enter. Then each bullet
// that holds a command is a step of its own, titled by its text, in order, and the step itself
// keeps only its own command (or none: a manual step, or a lead-in when it ends with ":").
import type { List, ListItem, Nodes, PhrasingContent } from 'mdast';
import { codeSpans } from './inline-text.js';
import { commandFromCode, isCommandSpan } from './commands.js';
import type { ItemDraft } from './items.js';

// "`systemctl restart nginx` (or `service nginx restart` on older hosts)", "`curl …` or, if
// that fails, `journalctl …`", "on Linux run `…`": a command offered instead of the one before.
const ALTERNATIVE = /(?:^|[\s(,;])(?:or|otherwise|alternatively|instead)\b|\bif (?:that|this|it) (?:fails|does(?:n[’']?t| not) work)\b|\bon (?:older|newer|legacy|mac ?os|os ?x|linux|windows|rhel|centos|ubuntu|debian|alpine|fedora)\b/i;

/** Adds the commands among `code` spans (of the title or of detail bullets) to the draft. */
export function collectSpans(nodes: PhrasingContent[], draft: Pick<ItemDraft, 'spans' | 'alternatives'>): void {
  for (const { code, before, after } of codeSpans(nodes)) {
    if (!isCommandSpan(code, before, after)) continue;
    const command = code.trim().replace(/^\$\s+/, '');
    if (draft.spans.length && ALTERNATIVE.test(before)) (draft.alternatives ??= []).push(command);
    else draft.spans.push(command);
  }
}

/** The commands of detail bullets (fenced blocks that run, and command spans), into `draft`. */
export function detailCommands(nodes: Nodes[], draft: Pick<ItemDraft, 'blocks' | 'spans'>): void {
  for (const node of nodes) {
    if (node.type === 'paragraph') collectSpans(node.children, draft);
    else if (node.type === 'code') {
      const command = commandFromCode(node.lang, node.value);
      if (command.run) draft.blocks.push(command.run);
    } else if ('children' in node) detailCommands(node.children as Nodes[], draft);
  }
}

export interface DetailSplit {
  /** Each detail list without the bullets that became steps (empty when none is left). */
  details: List[];
  /** The bullets that are steps of their own, as one list, in order. */
  steps: List;
}

/**
 * How a step's detail lists split, or undefined when their commands join its run as before
 * (at most one command among them and the step's own). Commands count as the run counts them:
 * blocks when there is any block, else `code` spans.
 */
export function splitDetails(lists: List[], own: Pick<ItemDraft, 'blocks' | 'spans'>): DetailSplit | undefined {
  const held = new Map<ListItem, { blocks: string[]; spans: string[] }>();
  for (const entry of lists.flatMap((l) => l.children)) {
    const commands = { blocks: [], spans: [] };
    detailCommands([entry], commands);
    held.set(entry, commands);
  }
  const blocks = own.blocks.length > 0 || [...held.values()].some((c) => c.blocks.length);
  // A bullet with only a `code` span command beside one with a block is a step too: counting
  // blocks alone would leave its command as text nobody runs.
  const runs = (entry: ListItem): boolean => !!(held.get(entry)?.blocks.length || held.get(entry)?.spans.length);
  const steps = [...held.keys()].filter(runs);
  const ownRun = blocks ? own.blocks.length : own.spans.length;
  if (steps.length + (ownRun ? 1 : 0) < 2) return undefined;
  const first = lists[0] as List;
  return {
    details: lists.map((l) => ({ ...l, children: l.children.filter((e) => !runs(e)) })),
    steps: { ...first, ordered: false, children: steps },
  };
}
