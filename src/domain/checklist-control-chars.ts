// Every string a checklist holds is plain text. A title with an escape sequence (from a YAML
// "\e" or a JSON "\u001b") would drive the operator's terminal when drawn: clear the screen,
// retitle the window. Tab and line breaks are text; every other control character is refused.
import type { FieldIssue, PathSegment } from './diagnostic.js';
import { describeControlCharacter } from './text-checks.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;
// Bidirectional overrides and isolates reorder what the terminal shows: a command would read other
// than what runs ("Trojan Source"). Right-to-left text needs none of them.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** One error per string holding a control character, at its path. */
export function controlCharacterIssues(value: unknown, path: PathSegment[] = [], out: FieldIssue[] = []): FieldIssue[] {
  if (typeof value === 'string') {
    const found = CONTROL.exec(value);
    const bidi = found ? undefined : BIDI.exec(value);
    if (found) {
      out.push({ path, code: 'control-character', severity: 'error', message: `contains a control character (${describeControlCharacter(found[0])}): a checklist is plain text (a command that prints one can write \\033)` });
    } else if (bidi) {
      out.push({ path, code: 'control-character', severity: 'error', message: `contains a bidirectional control character (${describeControlCharacter(bidi[0])}): it reorders how the text is shown (a command would read other than what runs)` });
    }
  } else if (Array.isArray(value)) {
    value.forEach((member, i) => controlCharacterIssues(member, [...path, i], out));
  } else if (value && typeof value === 'object') {
    for (const [key, member] of Object.entries(value)) controlCharacterIssues(member, [...path, key], out);
  }
  return out;
}
