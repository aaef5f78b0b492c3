// A command pasted through a word processor: `kubectl get pods –n cache` (an en dash for "-"),
// `reason=“flush”` (curly quotes for '"'). The shell reads those characters literally, so the
// command does something else than the runbook meant, or fails. They are named, not rewritten:
// `–n` may have been `-n` or `--n`, and inside quotes they may be the text wanted.
import { scanShell } from './shell-scan.js';

const CURLY = /[“”„‘’‚]/;
const DASH_OPTION = /(?:^|\s)[–—]{1,2}[A-Za-z]/;

/** What in `run`, outside its quotes, a word processor put in place of shell punctuation. */
export function typographicPunctuation(run: string): string | undefined {
  const scanned = scanShell(run);
  const code = scanned ? scanned.map((l) => l.code).join('\n') : run;
  const found: string[] = [];
  const dash = DASH_OPTION.exec(code)?.[0].trim();
  if (dash) found.push(`"${dash}" (a typographic dash for "-")`);
  const quote = CURLY.exec(code)?.[0];
  if (quote) found.push(`${quote} (a typographic quote for ${/[‘’‚]/.test(quote) ? "'" : '"'})`);
  return found.length ? found.join(' and ') : undefined;
}
