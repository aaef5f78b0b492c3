// Text from checklists, flags and evidence printed to a terminal: an escape sequence in a title or
// a ticket id must not clear the screen, retitle the window or colour what follows.
import stripAnsi from 'strip-ansi';

/** One line of plain text: colours and escape sequences removed, line breaks and other control characters shown as spaces. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return stripAnsi(text).replace(/[\x00-\x1f\x7f-\x9f]/g, ' ');
}

/** Plain text that may span lines: as oneLine, but line breaks kept. */
export function plainLines(text: string): string {
  return text.split('\n').map(oneLine).join('\n');
}
