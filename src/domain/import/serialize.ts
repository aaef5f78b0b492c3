// The imported checklist as file text: YAML (multi-line strings as `|` blocks, no folding) with a
// schema hint and provenance comment on top, or JSON with the provenance in the description.
import { stringify } from 'yaml';
import type { ChecklistOut } from './assemble.js';

export interface SerializeOptions {
  format: 'yaml' | 'json';
  source: string;
  importedAt: Date;
  /** Path of checklist.schema.json relative to the output file, when known. */
  schemaPath?: string;
}

export function provenance(options: SerializeOptions): string {
  return `Imported from ${options.source} by cutover import at ${options.importedAt.toISOString()}`;
}

export function serializeChecklist(checklist: ChecklistOut, options: SerializeOptions): string {
  if (options.format === 'json') {
    const description = [checklist.description, `(${provenance(options)}.)`].filter(Boolean).join('\n\n');
    const { id, title, version, description: _old, ...rest } = checklist;
    const ordered = { ...(options.schemaPath ? { $schema: options.schemaPath } : {}), id, title, version, description, ...rest };
    return `${JSON.stringify(ordered, null, 2)}\n`;
  }
  const header = [
    ...(options.schemaPath ? [`# yaml-language-server: $schema=${options.schemaPath}`] : []),
    `# ${provenance(options)}`,
  ];
  const body = stringify(checklist, { lineWidth: 0, blockQuote: 'literal', aliasDuplicateObjects: false });
  return `${header.join('\n')}\n${body}`;
}
