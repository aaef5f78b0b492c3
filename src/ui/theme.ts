// Colors and status marks. NO_COLOR (https://no-color.org) turns every color off; bold and inverse
// stay, so the selection is still visible. Status marks differ by glyph, not only by color.
import type { ItemStatusView } from '../domain/session-state.js';

export type ColorName = 'red' | 'green' | 'yellow' | 'blue' | 'cyan' | 'magenta' | 'gray' | 'white';

export function colorEnabled(): boolean {
  const value = process.env.NO_COLOR;
  return value === undefined || value === '';
}

export function color(name: ColorName): ColorName | undefined {
  return colorEnabled() ? name : undefined;
}

export const STATUS_MARK: Record<ItemStatusView, { mark: string; color: ColorName; word: string }> = {
  pass: { mark: '✓', color: 'green', word: 'pass' },
  fail: { mark: '✗', color: 'red', word: 'FAIL' },
  skip: { mark: '–', color: 'yellow', word: 'skipped' },
  'not-run': { mark: '○', color: 'gray', word: 'not run' },
  pending: { mark: '·', color: 'gray', word: 'pending' },
  running: { mark: '▶', color: 'cyan', word: 'running' },
  interrupted: { mark: '!', color: 'magenta', word: 'interrupted' },
};

export function recommendationColor(recommendation: string): ColorName | undefined {
  if (recommendation === 'rollback') return color('red');
  if (recommendation === 'consider-rollback' || recommendation === 'hold') return color('yellow');
  if (recommendation === 'fix-forward') return color('cyan');
  return color('green');
}
