// Durations in checklists are written as 500ms, 30s, 5m, 24h or 2d.
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export const DURATION_PATTERN = /^(\d+)(ms|s|m|h|d)$/;

export function parseDuration(text: string): number | undefined {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** Compact human form: 850ms, 12.3s, 4m05s, 2h10m. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '-';
  if (ms < 1_000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)}s`;
  const totalSeconds = Math.floor(ms / 1_000);
  const hours = Math.floor(totalSeconds / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h${String(minutes).padStart(2, '0')}m`;
  return `${minutes}m${String(seconds).padStart(2, '0')}s`;
}

/** Timeline offsets: T-60, T0, T+10 (minutes by default), or with a unit: T+2h, T-30s. */
export const OFFSET_PATTERN = /^T(?:0|([+-])(\d+)(s|m|h|d)?)?$/;

export function parseOffset(text: string): number | undefined {
  const match = OFFSET_PATTERN.exec(text.trim());
  if (!match) return undefined;
  if (!match[1]) return 0;
  const value = Number(match[2]) * UNIT_MS[(match[3] ?? 'm') as keyof typeof UNIT_MS];
  return match[1] === '-' ? -value : value;
}

/** "T+12:05" style clock for an offset in ms from T0. */
export function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const abs = Math.abs(ms);
  const totalSeconds = Math.floor(abs / 1_000);
  const hours = Math.floor(totalSeconds / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  const seconds = totalSeconds % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return `T${sign}${hours > 0 ? `${hours}:` : ''}${mmss}`;
}
