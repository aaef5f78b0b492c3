// The edit prompt's command: secret values shown as markers, and put back where the operator left
// the markers as they were.
import { describe, expect, it } from 'vitest';
import { maskCommand } from '../../src/ui/screens/main/masked-command.js';

const redactor = (secrets: Record<string, string>) => (text: string) =>
  Object.entries(secrets).reduce((out, [name, value]) => out.split(value).join(`[REDACTED:${name}]`), text);

describe('maskCommand', () => {
  it('shows markers and gives the values back, also around edits and for a secret used twice', () => {
    const rendered = "curl -H 'Authorization: s3cr3t' https://x/a?t=s3cr3t";
    const masked = maskCommand(rendered, redactor({ tok: 's3cr3t' }));
    expect(masked.shown).toBe("curl -H 'Authorization: [REDACTED:tok]' https://x/a?t=[REDACTED:tok]");
    expect(masked.restore(masked.shown)).toBe(rendered);
    expect(masked.restore(`${masked.shown} -v`)).toBe(`${rendered} -v`);
    expect(masked.restore('echo [REDACTED:tok] | rev')).toBe('echo s3cr3t | rev');
  });

  it('a value that holds the text after its marker: put back only when that is sure, else refused', () => {
    const sure = maskCommand('x=bab a', redactor({ v: 'bab' }));
    expect(sure.restore(sure.shown)).toBe('x=bab a');
    // "-b" follows the marker and also occurs inside the value "x-by": the alignment cannot be trusted
    const unsure = maskCommand('a x-by-b', redactor({ v: 'x-by' }));
    expect(unsure.shown).toBe('a [REDACTED:v]-b');
    expect(unsure.restore(unsure.shown)).toBeUndefined();
    expect(unsure.restore('echo retyped')).toBe('echo retyped');
  });

  it('an unknown marker typed by the operator stays as typed; a command without secrets is unchanged', () => {
    const masked = maskCommand('echo ok', redactor({}));
    expect(masked.shown).toBe('echo ok');
    expect(masked.restore('echo [REDACTED:other]')).toBe('echo [REDACTED:other]');
  });
});
