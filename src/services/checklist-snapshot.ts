// The checklist exactly as a session used it: the snapshot file beside its evidence.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { quickParseChecklist } from '../domain/checklist-quick.js';
import type { Checklist } from '../domain/checklist-schema.js';
import type { EvidenceHeader } from '../domain/events.js';

export async function readChecklistSnapshot(dir: string, header: EvidenceHeader): Promise<{ checklist?: Checklist; problem?: string }> {
  const name = header.checklist?.snapshot;
  if (!name) return { problem: 'the header names no checklist snapshot' };
  const path = join(dir, name);
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return { problem: `checklist snapshot ${path} is missing` };
  const quick = quickParseChecklist(text, path);
  if (quick) return { checklist: quick };
  const { parseChecklistText } = await import('../domain/checklist-parse.js');
  const parsed = parseChecklistText(text, path);
  return parsed.ok ? { checklist: parsed.checklist } : { problem: `checklist snapshot ${path} no longer parses` };
}
