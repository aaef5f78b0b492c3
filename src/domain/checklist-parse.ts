// Text of a checklist (YAML or JSON) -> a validated Checklist, or diagnostics that each name
// file:line:column and the field path. Never throws on bad input.
import { isCollection, isMap, isScalar, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import { controlCharacterIssues } from './checklist-control-chars.js';
import { badAlias } from './checklist-aliases.js';
import { flowCommaHint } from './checklist-flow-comma.js';
import { cutShortMessage, cutsText, documentHashComments, emptiedValueHint, type HashComment } from './checklist-hash-comments.js';
import { unquotedPlaceholder } from './checklist-placeholder-quotes.js';
import { looksLikeYaml, yamlHint, YAML_IN_JSON_HINT } from './checklist-yaml-hints.js';
import { findYamlNodeFlood } from './checklist-yaml-tokens.js';
import { checkReferences } from './checklist-refs.js';
import { lintChecklist } from './checklist-lint.js';
import { formatOf, quickParseChecklist } from './checklist-quick.js';
import { ChecklistBase, type Checklist } from './checklist-schema.js';
import { byPosition, formatPath, type Diagnostic, type FieldIssue, type PathSegment } from './diagnostic.js';
import { findJsonSyntaxError } from './json-syntax.js';
import { positionIndex } from './source-position.js';
import { EMPTY_MESSAGE, findNonText, findOversize, yamlErrorMessage } from './text-checks.js';
import { locateOffset, pathAtOffset } from './yaml-locate.js';
import { describeValue, zodIssuesToFieldIssues } from './zod-issues.js';

export type { Diagnostic } from './diagnostic.js';
export type ParseResult = { ok: true; checklist: Checklist; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

export { formatOf };

/** The plain data of a checklist text known to parse: what the snapshot redacts value by value. */
export function checklistData(text: string, format: 'yaml' | 'json'): unknown {
  return format === 'json' ? JSON.parse(text) : parseDocument(text, { merge: true }).toJS({ maxAliasCount: 1000 });
}

export function parseChecklistText(text: string, file: string): ParseResult {
  // Positions cost a YAML parse; a valid JSON checklist with nothing to warn about needs none.
  const quick = findOversize(text) ? undefined : quickParseChecklist(text, file);
  if (quick && lintChecklist(quick).length === 0) return { ok: true, checklist: quick, diagnostics: [] };
  return parseChecklistLocated(text, file);
}

/** The full parse: every problem (and every warning) located at file:line:column. */
export function parseChecklistLocated(text: string, file: string): ParseResult {
  try {
    return parse(text, file);
  } catch (error) {
    // Pathological input (e.g. alias bombs, extreme nesting) must still give one located line.
    const message = error instanceof Error ? error.message : String(error);
    const stack = error instanceof RangeError && /call stack/i.test(message);
    const aliases = /excessive alias count/i.test(message);
    const reason = stack ? 'nested too deeply' : aliases ? 'its *aliases expand to too many values (over 1000; a YAML "billion laughs")' : message.split('\n')[0];
    return fail([{ file, line: 1, column: 1, path: '', message: `cannot be read as a checklist: ${reason}`, severity: 'error', code: 'unreadable' }]);
  }
}

function fail(diagnostics: Diagnostic[]): ParseResult {
  return { ok: false, diagnostics: diagnostics.sort(byPosition) };
}

function parse(text: string, file: string): ParseResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const format = formatOf(file);
  const position = positionIndex(source);
  const at = (offset: number, message: string, code: string, path: PathSegment[] = []): Diagnostic => ({
    file, ...position(offset), path: formatPath(path), message, severity: 'error', code,
  });

  // JSON needs a comma or colon per value (counted by findOversize); YAML does not.
  const nonText = findNonText(source) ?? findOversize(source) ?? (format === 'yaml' ? findYamlNodeFlood(source) : undefined);
  if (nonText) return fail([at(nonText.offset, nonText.message, nonText.code)]);
  if (source.trim() === '') return fail([at(0, EMPTY_MESSAGE, 'empty')]);
  if (format === 'json') {
    const syntax = findJsonSyntaxError(source);
    if (syntax) return fail([at(syntax.offset, `${syntax.message}${looksLikeYaml(source) ? YAML_IN_JSON_HINT : ''}`, 'json-syntax')]);
  }

  const doc = parseWithoutStacks(source, format);
  // Valid JSON is authoritative from JSON.parse; from YAML's view of it we only take duplicate keys.
  const syntaxErrors = format === 'json' ? doc.errors.filter((e) => e.code === 'DUPLICATE_KEY') : [...doc.errors, ...doc.warnings];
  const syntaxError = firstSyntaxError(syntaxErrors);
  if (syntaxError) {
    // Only a duplicate key has a reliable field path; elsewhere the tree around the error is broken.
    const duplicate = syntaxError.code === 'DUPLICATE_KEY';
    const path = duplicate ? pathAtOffset(doc, syntaxError.pos[0]) : [];
    const hint = format === 'yaml' && !duplicate ? yamlHint(source, syntaxError) : undefined;
    if (hint) return fail([at(hint.offset, hint.message, hint.code)]);
    const offset = syntaxError.code === 'MISSING_CHAR' ? unclosedQuoteStart(doc, syntaxError.pos[0], source) : syntaxError.pos[0];
    return fail([at(offset, yamlErrorMessage(syntaxError, source), duplicate ? 'duplicate-key' : `${format}-syntax`, path)]);
  }

  const key = oddKey(doc);
  const quotes = key && format === 'yaml' ? unquotedPlaceholder(source, key.offset) : undefined;
  if (key) return fail([at((quotes ?? key).offset, (quotes ?? key).message, `${format}-syntax`)]);
  const alias = format === 'yaml' ? badAlias(doc) : undefined;
  if (alias) return fail([at(alias.offset, alias.message, 'yaml-syntax')]);

  const data: unknown = format === 'json' ? JSON.parse(source) : doc.toJS({ maxAliasCount: 1000 });
  if (data === undefined || (data === null && doc.contents === null)) return fail([at(0, EMPTY_MESSAGE, 'empty')]);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const mapping = format === 'json' ? 'a JSON object' : 'a mapping';
    const message = `expected ${mapping} with id, title, version and sections at the top, got ${describeValue(data, format)}`;
    return fail([at(locateOffset(doc, []), message, 'not-a-mapping')]);
  }
  if (format === 'yaml') keepVersionAsWritten(doc, data as Record<string, unknown>, source);

  const comments = format === 'yaml' ? documentHashComments(doc, source) : [];
  const commentOnLine = (line: number): HashComment | undefined => comments.find((c) => position(c.offset).line === line);
  const locateIssue = (issue: FieldIssue): Diagnostic => {
    const at = position(locateOffset(doc, issue.path, issue.at));
    const comment = issue.severity === 'error' ? commentOnLine(at.line) : undefined;
    const comma = issue.code === 'unknown-key' && format === 'yaml' ? flowCommaHint(doc, issue.path) : undefined;
    const message = comma ?? (comment ? `${issue.message}${emptiedValueHint(comment)}` : issue.message);
    return { file, ...at, path: formatPath(issue.path), message, severity: issue.severity, code: issue.code };
  };
  const commentWarnings = (): Diagnostic[] => comments.filter(cutsText).map((c) => ({
    file, ...position(c.offset), path: formatPath(pathAtOffset(doc, c.valueOffset)), message: cutShortMessage(c), severity: 'warning', code: 'yaml-comment-in-value',
  }));
  const parsed = ChecklistBase.safeParse(data);
  if (!parsed.success) return fail(zodIssuesToFieldIssues(parsed.error.issues, data, ChecklistBase, format).map(locateIssue));
  const refErrors = checkReferences(parsed.data);
  if (refErrors.length) return fail(refErrors.map(locateIssue));
  const controls = controlCharacterIssues(parsed.data);
  if (controls.length) return fail(controls.map(locateIssue));
  return { ok: true, checklist: parsed.data, diagnostics: [...lintChecklist(parsed.data).map(locateIssue), ...commentWarnings()].sort(byPosition) };
}

/**
 * yaml makes an Error for every problem it records, and capturing their stack traces (never shown)
 * was most of the time of a file of tens of thousands of misplaced nodes.
 */
function parseWithoutStacks(source: string, format: 'yaml' | 'json'): Document {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseDocument(source, { uniqueKeys: true, merge: format === 'yaml', prettyErrors: false });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** One error, since later YAML errors are mostly echoes of the first; a tab indent is the usual root cause. */
function firstSyntaxError(errors: YAMLError[]): YAMLError | undefined {
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  return sorted.find((e) => e.code === 'TAB_AS_INDENT') ?? sorted[0];
}

/** yaml reports an unclosed quote where the file ends; the opening quote is where to look. */
function unclosedQuoteStart(doc: Document, errorOffset: number, source: string): number {
  const start = locateOffset(doc, pathAtOffset(doc, errorOffset));
  return source[start] === '"' || source[start] === "'" ? start : errorOffset;
}

/** A list or mapping as a key (`? [a, b]`), or an empty or null key: no field can have that name. */
function oddKey(doc: Document): { offset: number; message: string } | undefined {
  let found: { offset: number; message: string } | undefined;
  visit(doc, {
    Pair(_key, pair) {
      const key = pair.key as Node | null;
      const offset = (key && 'range' in key ? key.range?.[0] : undefined) ?? (pair.value as Node | null)?.range?.[0] ?? 0;
      if (isCollection(key)) found = { offset, message: 'a key must be a name, not a list or mapping' };
      else if (key === null || (isScalar(key) && key.value === null)) found = { offset, message: 'a key must be a name (this one is empty or null)' };
      return found ? visit.BREAK : undefined;
    },
  });
  return found;
}

/** `version: 1.10` is the text "1.10", not the number 1.1. */
function keepVersionAsWritten(doc: Document, data: Record<string, unknown>, source: string): void {
  if (!isMap(doc.contents) || typeof data.version !== 'number') return;
  const node = doc.contents.get('version', true);
  if (isScalar(node) && node.range) data.version = source.slice(node.range[0], node.range[1]).trim();
}
