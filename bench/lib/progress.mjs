// Progress goes to stderr so that stdout stays the result (BENCH lines, the table or JSON).

export function progress(message) {
  process.stderr.write(`  ${message}\n`);
}
