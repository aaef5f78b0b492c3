// A command to edit, shown as the screen shows commands: secret values as [REDACTED:name] (a
// screen may be shared on a bridge call). What the operator confirms gets the values back where
// the markers were left as they were; the edited command itself is run as typed.
const MARKER = /\[REDACTED:[^\]\s]+\]/g;

export interface MaskedCommand {
  shown: string;
  /** `edited` with the secret values back in place of untouched markers; undefined if that cannot be done safely. */
  restore(edited: string): string | undefined;
}

export function maskCommand(rendered: string, redact: (text: string) => string): MaskedCommand {
  const shown = redact(rendered);
  const literals = shown.split(MARKER);
  const markers = shown.match(MARKER) ?? [];
  const originals = new Map<string, string>();
  let at = literals[0]?.length ?? 0;
  let aligned = rendered.startsWith(literals[0] ?? '');
  for (const [i, marker] of markers.entries()) {
    const next = literals[i + 1] ?? '';
    const end = next ? rendered.indexOf(next, at) : i === markers.length - 1 ? rendered.length : -1;
    if (!aligned || end < 0) {
      aligned = false;
      break;
    }
    const original = rendered.slice(at, end);
    if ((originals.get(marker) ?? original) !== original) aligned = false;
    originals.set(marker, original);
    at = end + next.length;
  }
  const put = (text: string): string => text.replace(MARKER, (marker) => originals.get(marker) ?? marker);
  // The alignment is checked the only way that is sure: the shown text must give back the command.
  const safe = aligned && put(shown) === rendered;
  return { shown, restore: (edited) => (safe || edited.search(MARKER) < 0 ? put(edited) : undefined) };
}
