// Plain-text tables for command output (CI logs, pipes): aligned columns, no colour, no control characters.
import { columnsOf, oneLine, padColumns } from '../domain/plain-text.js';

export function formatTable(rawRows: Array<Record<string, string>>, columns: string[]): string {
  const rows = rawRows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, oneLine(value)])));
  const widths = columns.map((col) => Math.max(columnsOf(col), ...rows.map((row) => columnsOf(row[col] ?? ''))));
  const line = (cells: string[]): string => cells.map((cell, i) => padColumns(cell, widths[i] ?? 0)).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((row) => line(columns.map((c) => row[c] ?? '')))].join('\n');
}
