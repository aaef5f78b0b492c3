// The full checklist parser (yaml, zod, positions): loaded when a checklist needs more than the
// quick JSON path, then kept (see kept-import.ts).
import { keptImport } from './kept-import.js';

export const checklistParser = keptImport(() => import('../domain/checklist-parse.js'));
