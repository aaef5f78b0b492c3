// The checklist exactly as a session used it: the snapshot file beside its evidence. A secret
// written into the checklist itself (a token pasted into a command) is redacted from the snapshot
// like from everything else stored; the header then records the snapshot's own sha256, and a
// resume reads the original file, whose sha256 the header also holds.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { quickParseChecklist } from '../domain/checklist-quick.js';
import type { Checklist } from '../domain/checklist-schema.js';
import type { EvidenceHeader } from '../domain/events.js';
import { isSafeRelativePath } from '../domain/sha256sums.js';
import { redactDeep } from '../domain/redact-event.js';
import type { Redactor } from '../domain/redaction.js';
import type { ChecklistFile } from './checklist-loader.js';
import { readSmallRegularFile } from './regular-file.js';
import { checklistParser } from './checklist-parser.js';

/** Far above any real checklist; a snapshot larger than this is not one cutover wrote. */
export const MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024;

export async function readChecklistSnapshot(dir: string, header: EvidenceHeader): Promise<{ checklist?: Checklist; problem?: string }> {
  const name = header.checklist?.snapshot;
  if (!name) return { problem: 'the header names no checklist snapshot' };
  if (!isSafeRelativePath(name)) return { problem: `the header names its checklist snapshot ${JSON.stringify(name)}, outside the evidence folder` };
  const path = join(dir, name);
  let text: string | undefined;
  try {
    text = readSmallRegularFile(path, MAX_SNAPSHOT_BYTES);
  } catch {
    text = undefined;
  }
  if (text === undefined) return { problem: `checklist snapshot ${path} is missing (or not a readable regular file)` };
  const quick = quickParseChecklist(text, path);
  if (quick) return { checklist: quick };
  const { parseChecklistText } = await checklistParser();
  const parsed = parseChecklistText(text, path);
  return parsed.ok ? { checklist: parsed.checklist } : { problem: `checklist snapshot ${path} no longer parses` };
}

export interface Snapshot {
  source: string;
  format: ChecklistFile['format'];
  /** Secrets redacted from the checklist file; 0 when the snapshot is the file itself. */
  redactions: number;
  /** The snapshot's own sha256, when it differs from the file's (something was redacted). */
  sha256?: string;
}

/** What to store as the snapshot: the file as it is, or with its secrets redacted (still a valid checklist). */
export async function snapshotOf(file: ChecklistFile, redactor: Redactor): Promise<Snapshot> {
  const { text, count } = redactor.redact(file.source);
  if (count === 0) return { source: file.source, format: file.format, redactions: 0 };
  const { parseChecklistText, checklistData } = await checklistParser();
  let source = text;
  let format = file.format;
  if (!parseChecklistText(text, file.path).ok) {
    // A placeholder where a plain YAML value starts reads as a list: store the redacted document as JSON.
    // (Through the parser module, already loaded: in the bundle a lazy import('yaml') had no `parse`.)
    source = `${JSON.stringify(redactDeep(redactor, checklistData(file.source, file.format) as Record<string, unknown>), null, 2)}\n`;
    format = 'json';
  }
  return { source, format, redactions: count, sha256: createHash('sha256').update(source).digest('hex') };
}
