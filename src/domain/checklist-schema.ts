// The checklist (runbook definition) format. Every object is strict: a typo in a key is an error.
import { z } from 'zod';
import { DURATION_PATTERN, OFFSET_PATTERN } from './duration.js';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const VARIABLE_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const Id = z
  .string()
  .regex(ID_PATTERN, 'expected an id of letters, digits, ".", "_" or "-" (no spaces)');
const DURATION_MESSAGE = 'expected a duration like 30s, 5m or 24h';
const OFFSET_MESSAGE = 'expected a timeline offset like T-60, T0 or T+10 (minutes) or T+2h';
// The same message for a wrong type (`timeout: 30`) as for a wrong shape (`timeout: 5 min`).
export const Duration = z.string({ error: DURATION_MESSAGE }).regex(DURATION_PATTERN, DURATION_MESSAGE);
export const Offset = z.string({ error: OFFSET_MESSAGE }).regex(OFFSET_PATTERN, OFFSET_MESSAGE);

/** Names that every command may use without declaring them. */
export const BUILTIN_VARIABLES = [
  'ticket',
  'env',
  'operator',
  'session',
  'checklist_dir',
  'evidence_dir',
] as const;

export const Variable = z.strictObject({
  name: z.string().regex(VARIABLE_PATTERN, 'expected a variable name like db_url (letters, digits, _)'),
  description: z.string().optional(),
  default: z.string().optional(),
  required: z.boolean().default(true),
  secret: z.boolean().default(false).describe('Redacted from evidence wherever its value appears'),
  pattern: z.string().optional().describe('Regular expression the value must match'),
});

export const Role = z.strictObject({
  id: Id,
  title: z.string().min(1),
  description: z.string().optional(),
  required: z.boolean().default(false).describe('Required roles must be filled (or acknowledged TBD) before T0'),
  name: z.string().optional(),
  contact: z.string().optional(),
  backup: z.string().optional(),
});

export const Link = z.strictObject({
  title: z.string().min(1),
  url: z.string().min(1).describe('URL or repository path'),
});

export const SeverityLevel = z.strictObject({
  id: Id.describe('e.g. SEV0, SEV1, P0'),
  title: z.string().min(1),
  description: z.string().optional(),
  criteria: z.array(z.string().min(1)).default([]),
});

export const RECOMMENDATIONS = ['rollback', 'consider-rollback', 'hold', 'fix-forward'] as const;
export const Recommendation = z.enum(RECOMMENDATIONS);

export const RuleCondition = z.strictObject({
  severity: z.union([Id, z.array(Id).min(1)]).optional().describe('Incident levels counted by this rule'),
  atLeast: z.number().int().min(1).default(1),
  within: Duration.optional().describe('Only incidents declared within this window of each other'),
  includeResolved: z.boolean().default(false).describe('Count resolved incidents too'),
  failedChecks: z.number().int().min(1).optional().describe('Fires when this many checks have failed'),
  section: z.union([Id, z.array(Id).min(1)]).optional().describe('With failedChecks: count failures in this section (or these sections) only'),
});

export const SeverityRule = z.strictObject({
  id: Id,
  text: z.string().min(1).describe("The rule in the runbook's own words"),
  when: RuleCondition.optional().describe('Without when, the rule is a manual trigger the operator judges'),
  recommend: Recommendation,
  unless: z.string().optional().describe('Stated exception, shown with the recommendation'),
});

export const Severity = z.strictObject({
  levels: z.array(SeverityLevel).default([]),
  rules: z.array(SeverityRule).default([]),
});

export const Expectation = z.strictObject({
  exitCode: z.union([z.number().int(), z.array(z.number().int()).min(1)]).optional(),
  contains: z.union([z.string(), z.array(z.string())]).optional(),
  notContains: z.union([z.string(), z.array(z.string())]).optional(),
  matches: z.string().optional().describe('Regular expression the output must match'),
  description: z.string().optional().describe('Pass condition in words'),
});

export const Watch = z.strictObject({
  every: Duration,
  for: Duration,
  until: z.enum(['pass', 'fail']).optional().describe('Stop early at the first pass or the first fail'),
});

export const Drill = z.strictObject({
  inject: z.string().min(1).optional().describe('Command run before the item when this fault is injected in a drill'),
  description: z.string().optional(),
});

export const Item = z.strictObject({
  id: Id,
  title: z.string().min(1),
  description: z.string().optional(),
  run: z.string().min(1).optional().describe('Suggested shell command; {{var}} placeholders are shell-quoted'),
  cwd: z.string().optional(),
  expect: Expectation.optional(),
  timeout: Duration.optional(),
  owner: Id.optional().describe('A declared role id'),
  evidence: z.boolean().default(false).describe('A note or command output is required as evidence'),
  destructive: z.boolean().default(false).describe('Needs the item id typed to run; refused in drills'),
  watch: Watch.optional(),
  onFail: Id.optional().describe('Suggested severity level when this check fails'),
  at: Offset.optional().describe('Timeline offset from T0'),
  drill: Drill.optional(),
});

export const SECTION_KINDS = [
  'gates',
  'smoke',
  'triage',
  'playbook',
  'rollback',
  'rollforward',
  'timeline',
  'signoff',
  'steps',
] as const;
export const SectionKind = z.enum(SECTION_KINDS);

export const RollforwardRequirements = z.strictObject({
  gatesPassed: z.boolean().default(false).describe('Latest result of every gates item is pass'),
  noOpenIncidents: z.boolean().default(false).describe('No incident is still open'),
  text: z.array(z.string()).default([]).describe('Further requirements the operator confirms'),
});

export const Section = z.strictObject({
  id: Id,
  title: z.string().min(1),
  kind: SectionKind,
  description: z.string().optional(),
  requires: RollforwardRequirements.optional(),
  items: z.array(Item).default([]),
});

export const ChecklistBase = z.strictObject({
  $schema: z.string().optional(),
  id: Id,
  title: z.string().min(1),
  version: z.union([z.string(), z.number()]).transform(String),
  description: z.string().optional(),
  owner: z.string().optional(),
  variables: z.array(Variable).default([]),
  roles: z.array(Role).default([]),
  links: z.array(Link).default([]),
  severity: Severity.default({ levels: [], rules: [] }),
  sections: z.array(Section).min(1, 'a checklist needs at least one section'),
  evidenceTemplate: z.array(z.string()).optional().describe('Fields the evidence package must answer'),
});

export type Checklist = z.output<typeof ChecklistBase>;
export type ChecklistInput = z.input<typeof ChecklistBase>;
export type ChecklistItem = z.output<typeof Item>;
export type ChecklistSection = z.output<typeof Section>;
export type ChecklistRole = z.output<typeof Role>;
export type ChecklistVariable = z.output<typeof Variable>;
export type SeverityRuleDef = z.output<typeof SeverityRule>;
export type SeverityLevelDef = z.output<typeof SeverityLevel>;
export type RecommendationKind = z.output<typeof Recommendation>;
export type SectionKindName = z.output<typeof SectionKind>;
