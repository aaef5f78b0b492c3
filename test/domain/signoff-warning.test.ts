// The sign-off prompt says what is not finished: checks not done or failed, incidents open. Sections
// walked only when needed (rollback, roll-forward, triage, playbooks) count once they are started.
import { describe, expect, it } from 'vitest';
import type { EventBody } from '../../src/domain/events.js';
import { foldEvents } from '../../src/domain/session-state.js';
import { signoffWarning } from '../../src/domain/signoff-warning.js';
import { checklist, events, header } from './fixtures.js';

const mark = (section: string, item: string, status: 'pass' | 'fail' | 'skip'): EventBody => ({ type: 'item.marked', section, item, pass: 1, status });
const allDone: EventBody[] = [mark('gates', 'g1', 'pass'), ...['t-60', 't-10', 'tp10', 'tp30'].map((id) => mark('timeline', id, 'pass')), mark('smoke', 's1', 'pass'), mark('smoke', 's2', 'skip')];
const warn = (bodies: EventBody[]): string | undefined => signoffWarning(checklist(), foldEvents(header, events(bodies)));

describe('the sign-off warning', () => {
  it('is silent when everything is done and the rollback was never needed', () => {
    expect(warn(allDone)).toBeUndefined();
  });

  it('names what is not done, what failed and the incidents still open', () => {
    const bodies: EventBody[] = [mark('gates', 'g1', 'pass'), mark('smoke', 's1', 'fail'), { type: 'incident.declared', incidentId: 'INC-1', severity: 'SEV1', title: 'slow', description: '' }];
    expect(warn(bodies)).toBe('⚠ Not finished: 5 items not done, 1 failed, 1 incident open. The sign-off is recorded with the cutover as it stands.');
  });

  it('counts a rollback once it is started', () => {
    expect(warn([...allDone, mark('rollback', 'rb1', 'skip')])).toBeUndefined();
    const started: EventBody[] = [...allDone, { type: 'command.started', runId: 'r1', section: 'rollback', item: 'rb1', pass: 1, command: 'true', purpose: 'check', cwd: '/', log: 'runs/r1.log' }];
    expect(warn(started)).toBe('⚠ Not finished: 1 item not done. The sign-off is recorded with the cutover as it stands.');
  });
});
