// Key handling, the key map, and the bounded buffers behind the screens.
import { describe, expect, it, vi } from 'vitest';
import type { Key } from 'ink';
import { toKeyEvents } from '../../src/ui/keys/key-event.js';
import { actionFor, footerHints, KEYMAP } from '../../src/ui/keys/keymap.js';
import { TailBuffer } from '../../src/ui/run/tail-buffer.js';
import { fitWidths } from '../../src/ui/widgets/table.js';
import { textInputReducer } from '../../src/ui/widgets/text-input/use-text-input-state.js';
import { packHints } from '../../src/ui/layout/footer.js';
import { displayLine, wrapText } from '../../src/ui/format.js';

const noKey = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false } as Key;

describe('key events', () => {
  it('splits a chunk of typed keys into one event per key', () => {
    const events = toKeyEvents('jj\rok\x7f', noKey);
    expect(events.map((e) => e.name ?? e.text)).toEqual(['j', 'j', 'return', 'o', 'k', 'backspace']);
  });
  it('reports Ctrl combinations with their letter', () => {
    expect(toKeyEvents('c', { ...noKey, ctrl: true })).toEqual([{ text: 'c', ctrl: true, meta: false }]);
    expect(toKeyEvents('x\u0003', noKey)[1]).toEqual({ text: 'c', ctrl: true, meta: false });
  });
  it('maps DEL (what Backspace sends) to backspace, and shift-tab to backtab', () => {
    expect(toKeyEvents('', { ...noKey, delete: true })[0]?.name).toBe('backspace');
    expect(toKeyEvents('', { ...noKey, tab: true, shift: true })[0]?.name).toBe('backtab');
  });
});

describe('key map', () => {
  it('finds actions by key and ignores Ctrl and pastes', () => {
    expect(actionFor('main', { text: 'j', ctrl: false, meta: false })).toBe('down');
    expect(actionFor('main', { name: 'return', text: '', ctrl: false, meta: false })).toBe('run');
    expect(actionFor('main', { text: 'I', ctrl: false, meta: false })).toBe('inject');
    expect(actionFor('main', { text: 'c', ctrl: true, meta: false })).toBeUndefined();
  });
  it('gives every main-view key of the issue a binding', () => {
    const keys = KEYMAP.main.flatMap((b) => b.keys.map((k) => k.text ?? k.name));
    for (const key of ['up', 'down', 'j', 'k', 'tab', 'right', 'left', 'return', 'r', 'e', 'p', 'f', 's', 'n', 'i', 'd', 't', 'o', 'x', '?', 'q']) expect(keys).toContain(key);
  });
  it('has no key bound twice on one screen', () => {
    for (const [scope, bindings] of Object.entries(KEYMAP)) {
      const keys = bindings.flatMap((b) => b.keys.map((k) => k.text ?? `<${k.name}>`));
      expect(new Set(keys).size, scope).toBe(keys.length);
    }
  });
  it('builds footers from the same table and hides what does not apply', () => {
    const words = footerHints('main', ['inject']).map((h) => h.word);
    expect(words).toContain('run');
    expect(words).not.toContain('inject');
    expect(packHints(footerHints('main'), 40, 2).every((line) => line.length <= 40)).toBe(true);
  });
  it('a narrow footer drops "move" first, then hints from the end, but keeps help and quit', () => {
    const lines = packHints(footerHints('main'), 59, 1);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.length).toBeLessThanOrEqual(59);
    expect(lines[0]).toMatch(/^Tab pane  Enter\/r run .*\? help  q quit$/);
    expect(packHints(footerHints('main'), 200, 1)[0]).toContain('x export');
    // 40 columns on the home screen: what Enter does stays, the arrows go
    expect(packHints(footerHints('home'), 39, 1)[0]).toBe('Enter open  ? help  q quit');
  });
});

describe('tail buffer', () => {
  it('keeps only the last lines, however much is pushed', () => {
    const tail = new TailBuffer(50, 100);
    for (let i = 0; i < 20_000; i++) tail.push(`line ${i}\n`);
    expect(tail.tail(3)).toEqual(['line 19997', 'line 19998', 'line 19999']);
    expect(tail.bytes).toBeGreaterThan(150_000);
    expect((tail as unknown as { lines: string[] }).lines.length).toBeLessThanOrEqual(50);
  });
  it('bounds a single huge chunk and a line without newline', () => {
    const tail = new TailBuffer(10, 20);
    tail.push('x'.repeat(5_000_000));
    expect(tail.tail(10).every((l) => l.length <= 20)).toBe(true);
    tail.push('\nlast\n');
    expect(tail.tail(1)).toEqual(['last']);
  });
  it('shows what a progress bar drew last and strips colors', () => {
    expect(displayLine('10%\r50%\r100%')).toBe('100%');
    expect(displayLine('\u001B[31mred\u001B[0m\tx')).toBe('red    x');
  });
});

describe('layout helpers', () => {
  it('shrinks the widest table columns first, never below 3', () => {
    expect(fitWidths([10, 40, 5], 35)).toEqual([10, 20, 5]);
    expect(fitWidths([10, 10], 100)).toEqual([10, 10]);
    expect(Math.min(...fitWidths([30, 30, 30], 5))).toBe(3);
  });
  it('wraps words and marks cut text', () => {
    const lines = wrapText('one two three four five six seven eight', 10, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
  });
  it('edits text with a cursor', () => {
    let s = { value: 'abc', cursor: 3 };
    s = textInputReducer(s, { type: 'left' });
    s = textInputReducer(s, { type: 'insert', text: 'X' });
    expect(s).toEqual({ value: 'abXc', cursor: 3 });
    s = textInputReducer(s, { type: 'backspace' });
    s = textInputReducer(s, { type: 'deleteWord' });
    expect(s.value).toBe('c');
  });
});

describe('tail buffer under a flood', () => {
  it('splits only the end of a chunk that can still be shown', () => {
    const tail = new TailBuffer(10, 100);
    const chunk = 'y\n'.repeat(32 * 1024);
    const split = vi.spyOn(String.prototype, 'split');
    for (let i = 0; i < 100; i++) tail.push(chunk);
    const pieces = split.mock.results.reduce((n, r) => n + (r.value as string[]).length, 0);
    split.mockRestore();
    expect(pieces).toBeLessThanOrEqual(100 * 10);
    expect(tail.bytes).toBe(100 * chunk.length);
    expect(tail.tail(2)).toEqual(['y', 'y']);
  });
  it('keeps lines across chunk boundaries and empty lines', () => {
    const tail = new TailBuffer(5, 50);
    tail.push('a\n\nb');
    tail.push('c\nd\n');
    expect(tail.tail(5)).toEqual(['a', '', 'bc', 'd']);
  });
});
