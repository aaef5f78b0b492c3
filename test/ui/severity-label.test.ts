// How a severity level is named on the triage screen: never "P1 — P1".
import { describe, expect, it } from 'vitest';
import { levelLabel } from '../../src/ui/screens/triage/severity-levels.js';

const level = (id: string, title: string) => ({ id, title, criteria: [] });

describe('levelLabel', () => {
  it('puts the id before a title that does not name it, and shows a title that does on its own', () => {
    expect(levelLabel(level('SEV0', 'Rollback now'))).toBe('SEV0 — Rollback now');
    expect(levelLabel(level('P1', 'P1'))).toBe('P1');
    expect(levelLabel(level('SEV1', 'SEV1: writes failing'))).toBe('SEV1: writes failing');
    expect(levelLabel(level('sev2', 'SEV2 degraded'))).toBe('SEV2 degraded');
  });
});
