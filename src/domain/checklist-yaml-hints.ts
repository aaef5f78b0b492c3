// The YAML parser's errors in the author's terms, and YAML saved under a .json name.
import type { YAMLError } from 'yaml';
import { indentationProblem } from './checklist-indentation.js';
import { unquotedPlaceholder } from './checklist-placeholder-quotes.js';

export const YAML_IN_JSON_HINT = ' (this looks like YAML: a .json file is read as JSON, so name it .yaml)';

/** JSON starts with { or [; a file opening with a comment or a `key:` line was written as YAML. */
export function looksLikeYaml(source: string): boolean {
  return /^\s*(?:#|---|[A-Za-z_$][\w$-]*\s*:)/.test(source);
}

/** The YAML error in the author's terms: an unquoted {{placeholder}}, or which line is out of line. */
export function yamlHint(source: string, error: YAMLError): { offset: number; message: string; code: string } | undefined {
  const quotes = unquotedPlaceholder(source, error.pos[0]);
  if (quotes) return { ...quotes, code: 'yaml-syntax' };
  const indentation = isIndentationError(error) ? indentationProblem(source, error.pos[0], error.code) : undefined;
  return indentation && { ...indentation, code: 'yaml-indentation' };
}

function isIndentationError(error: YAMLError): boolean {
  if (error.code === 'MISSING_CHAR') return /without - indicator/.test(error.message);
  return error.code === 'BAD_INDENT' || error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY';
}
