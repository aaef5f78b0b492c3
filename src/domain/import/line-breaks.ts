// Joining a text's lines. `/\s*\n\s*/g` reads the same but is quadratic in a long run of spaces
// without a line break (each start scans the run, then backs off): 80,000 spaces in one list item
// took over 30 s to import. Matching whole runs of whitespace once is linear.

/** Every run of whitespace that holds a line break becomes one space. */
export function joinLines(text: string): string {
  return text.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run));
}

/** Spaces and tabs around each line break are dropped; the line breaks stay. */
export function trimAroundLineBreaks(text: string): string {
  return text.replace(/[ \t\n]+/g, (run) => (run.includes('\n') ? '\n'.repeat(run.split('\n').length - 1) : run));
}
