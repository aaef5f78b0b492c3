// Evidence events: the append-only log a session is folded from. Schemas are zod so that a
// loaded evidence file is checked event by event, not trusted.
import { z } from 'zod';

const Mode = z.enum(['live', 'drill']);
export type SessionMode = z.output<typeof Mode>;

export const ItemStatus = z.enum(['pass', 'fail', 'skip', 'not-run']);
export type ItemMark = z.output<typeof ItemStatus>;

export const DECISIONS = ['keep', 'fix-forward', 'rollback', 'roll-forward', 'go', 'no-go', 'hold'] as const;
export const Decision = z.enum(DECISIONS);
export type DecisionKind = z.output<typeof Decision>;

/** The immutable header of an evidence file; the first event's hash chains from its hash. */
export const EvidenceHeader = z.strictObject({
  format: z.literal('cutover-evidence/1'),
  sessionId: z.string(),
  toolVersion: z.string(),
  createdAt: z.string(),
  checklist: z.strictObject({
    id: z.string(),
    title: z.string(),
    version: z.string(),
    sha256: z.string(),
    path: z.string(),
    snapshot: z.string().describe('File name of the checklist snapshot beside the evidence file'),
    snapshotSha256: z.string().optional().describe('Only when secrets were redacted from the snapshot: its own sha256'),
    snapshotRedactions: z.number().int().nonnegative().optional().describe('Secrets redacted from the snapshot'),
  }),
  host: z.string(),
  operator: z.string(),
  ticket: z.string(),
  environment: z.string(),
  mode: Mode,
  variables: z.record(z.string(), z.string()),
});
export type EvidenceHeader = z.output<typeof EvidenceHeader>;

const Excerpt = z.strictObject({
  head: z.string(),
  tail: z.string(),
  truncated: z.boolean(),
});

export const EventBody = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('session.started'), pid: z.number(), argv: z.array(z.string()).optional() }),
  z.strictObject({ type: z.literal('session.resumed'), pid: z.number() }),
  z.strictObject({
    type: z.literal('role.assigned'),
    role: z.string(),
    name: z.string(),
    contact: z.string().default(''),
    backup: z.string().default(''),
    tbd: z.boolean().default(false),
  }),
  z.strictObject({ type: z.literal('t0.marked'), at: z.string(), note: z.string().optional() }),
  z.strictObject({ type: z.literal('pass.started'), section: z.string(), pass: z.number().int(), reason: z.string() }),
  z.strictObject({
    type: z.literal('command.started'),
    runId: z.string(),
    section: z.string(),
    item: z.string(),
    pass: z.number().int(),
    command: z.string(),
    edited: z.boolean().default(false),
    purpose: z.enum(['check', 'inject', 'watch']).default('check'),
    cwd: z.string(),
    log: z.string().describe('Run log path relative to the evidence file'),
    timeoutMs: z.number().optional(),
    shell: z.string().optional().describe('The program and flags the command text was passed to: `/bin/sh -e -c`. Absent in evidence recorded before errexit, which ran it with `/bin/sh -c`'),
  }),
  z.strictObject({
    type: z.literal('command.finished'),
    runId: z.string(),
    exitCode: z.number().int().nullable(),
    signal: z.string().nullable(),
    durationMs: z.number(),
    timedOut: z.boolean(),
    cancelled: z.boolean(),
    outputLeftOpen: z.literal(true).optional().describe('Processes the command started still held its output when the run was closed, after it exited'),
    stdoutBytes: z.number(),
    stderrBytes: z.number(),
    logBytes: z.number(),
    logSha256: z.string(),
    excerpt: Excerpt,
    redactions: z.number().int(),
    result: z.enum(['pass', 'fail']),
    reasons: z.array(z.string()).describe('Why the expectation failed, empty on pass'),
  }),
  z.strictObject({
    type: z.literal('command.interrupted'),
    runId: z.string(),
    logBytes: z.number(),
    logSha256: z.string(),
    excerpt: Excerpt,
    reason: z.string(),
  }),
  z.strictObject({
    type: z.literal('item.marked'),
    section: z.string(),
    item: z.string(),
    pass: z.number().int(),
    status: ItemStatus,
    note: z.string().default(''),
    runId: z.string().optional(),
    /** Not run because its section's requirements were unmet (headless): the run counted it as failed. */
    locked: z.literal(true).optional(),
  }),
  z.strictObject({ type: z.literal('note.added'), section: z.string().optional(), item: z.string().optional(), text: z.string() }),
  z.strictObject({
    type: z.literal('incident.declared'),
    incidentId: z.string(),
    severity: z.string(),
    title: z.string(),
    description: z.string().default(''),
    section: z.string().optional(),
    item: z.string().optional(),
  }),
  z.strictObject({ type: z.literal('incident.resolved'), incidentId: z.string(), note: z.string().default('') }),
  z.strictObject({
    type: z.literal('rule.fired'),
    rule: z.string(),
    recommend: z.string(),
    text: z.string(),
    reason: z.string(),
  }),
  z.strictObject({ type: z.literal('rule.cleared'), rule: z.string(), reason: z.string() }),
  z.strictObject({ type: z.literal('decision.taken'), decision: Decision, reason: z.string() }),
  z.strictObject({
    type: z.literal('signoff.recorded'),
    role: z.string(),
    name: z.string(),
    item: z.string().optional(),
    note: z.string().default(''),
  }),
  z.strictObject({
    type: z.literal('destructive.confirmed'),
    section: z.string(),
    item: z.string(),
    typed: z.string(),
  }),
  z.strictObject({ type: z.literal('destructive.refused'), section: z.string(), item: z.string(), reason: z.string() }),
  z.strictObject({ type: z.literal('override.recorded'), section: z.string(), reason: z.string(), unmet: z.array(z.string()) }),
  z.strictObject({
    type: z.literal('requirements.confirmed').describe("The operator confirmed a roll-forward section's `requires.text` (an unattended run: its --confirm-requirements flag)"),
    section: z.string(),
    texts: z.array(z.string()),
    unattended: z.literal(true).optional(),
  }),
  z.strictObject({ type: z.literal('cursor.moved'), section: z.string(), item: z.string().optional() }),
  z.strictObject({ type: z.literal('exported'), path: z.string(), format: z.enum(['dir', 'tar.gz']) }),
  z.strictObject({ type: z.literal('session.closed'), reason: z.string().default('') }),
  z.strictObject({ type: z.literal('session.left').describe('The process recording the session stopped without finishing it (a quit, a signal): it may be resumed'), reason: z.string() }),
]);
export type EventBody = z.input<typeof EventBody>;
export type EventBodyOut = z.output<typeof EventBody>;
export type EventType = EventBodyOut['type'];

/** Fields every stored event carries around its body. */
export const EventEnvelope = z.object({
  seq: z.number().int().min(1),
  ts: z.string(),
  by: z.string(),
  prev: z.string(),
  hash: z.string(),
});

export type EvidenceEvent = EventBodyOut & z.output<typeof EventEnvelope>;
export type EventOf<T extends EventType> = Extract<EvidenceEvent, { type: T }>;

export interface EvidenceDocument {
  header: EvidenceHeader;
  events: EvidenceEvent[];
}

/** The sha256 the checklist snapshot must have: the checklist's own, unless secrets were redacted from it. */
export function snapshotSha256(header: EvidenceHeader): string {
  return header.checklist.snapshotSha256 ?? header.checklist.sha256;
}
