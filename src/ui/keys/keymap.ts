// Every key binding of the TUI, per screen. Screens ask `actionFor(scope, event)` instead of
// testing raw keys, and the footer and the `?` help are generated from the same table, so what
// is shown is what works.
import type { KeyEvent, KeyName } from './key-event.js';

export type Action =
  | 'up'
  | 'down'
  | 'pageUp'
  | 'pageDown'
  | 'top'
  | 'bottom'
  | 'switchPane'
  | 'nextPane'
  | 'prevPane'
  | 'run'
  | 'edit'
  | 'pass'
  | 'fail'
  | 'skip'
  | 'note'
  | 'incident'
  | 'incidents'
  | 'decide'
  | 't0'
  | 'roles'
  | 'export'
  | 'signoff'
  | 'inject'
  | 'drillSummary'
  | 'override'
  | 'newPass'
  | 'log'
  | 'resolve'
  | 'tbd'
  | 'select'
  | 'back'
  | 'cancel'
  | 'help'
  | 'quit';

export type Scope = 'home' | 'main' | 'running' | 'finished' | 'pager' | 'roles' | 'list' | 'incidents' | 'summary';

interface KeySpec {
  text?: string;
  name?: KeyName;
}

export interface Binding {
  action: Action;
  keys: KeySpec[];
  /** How the key is written in the footer and help, e.g. "↑/k". */
  label: string;
  help: string;
  /** Short word for the footer; bindings without one appear only in help. */
  footer?: string;
}

const t = (text: string): KeySpec => ({ text });
const n = (name: KeyName): KeySpec => ({ name });

const move: Binding[] = [
  { action: 'up', keys: [n('up'), t('k')], label: '↑/k', help: 'move up', footer: 'move' },
  { action: 'down', keys: [n('down'), t('j')], label: '↓/j', help: 'move down' },
  { action: 'pageUp', keys: [n('pageup')], label: 'PgUp', help: 'page up' },
  { action: 'pageDown', keys: [n('pagedown')], label: 'PgDn', help: 'page down' },
];
const help: Binding = { action: 'help', keys: [t('?')], label: '?', help: 'help: every key', footer: 'help' };
const back: Binding = { action: 'back', keys: [n('escape')], label: 'Esc', help: 'back', footer: 'back' };
const quit: Binding = { action: 'quit', keys: [t('q')], label: 'q', help: 'quit (asks; everything is already saved)', footer: 'quit' };

export const KEYMAP: Record<Scope, Binding[]> = {
  home: [
    ...move,
    { action: 'select', keys: [n('return')], label: 'Enter', help: 'start a session on the checklist / resume the session', footer: 'open' },
    { action: 'switchPane', keys: [n('tab'), n('right'), n('left'), n('backtab')], label: 'Tab', help: 'switch between checklists and sessions', footer: 'switch list' },
    help,
    { action: 'quit', keys: [t('q')], label: 'q', help: 'quit', footer: 'quit' },
  ],
  main: [
    ...move,
    { action: 'switchPane', keys: [n('tab')], label: 'Tab', help: 'switch pane (sections, items)', footer: 'pane' },
    { action: 'nextPane', keys: [n('right')], label: '→', help: 'to the items pane (narrow terminal: next section)' },
    { action: 'prevPane', keys: [n('backtab'), n('left')], label: '←', help: 'to the sections pane (narrow terminal: previous section)' },
    { action: 'top', keys: [n('home'), t('g')], label: 'g', help: 'first item' },
    { action: 'bottom', keys: [n('end'), t('G')], label: 'G', help: 'last item' },
    { action: 'run', keys: [n('return'), t('r')], label: 'Enter/r', help: 'run the selected item (sign off in a sign-off section)', footer: 'run' },
    { action: 'edit', keys: [t('e')], label: 'e', help: 'edit the command, then run it (the edited command is recorded)', footer: 'edit' },
    { action: 'pass', keys: [t('p')], label: 'p', help: 'mark pass (optional note)', footer: 'pass' },
    { action: 'fail', keys: [t('f')], label: 'f', help: 'mark fail (optional note; offers the suggested severity)', footer: 'fail' },
    { action: 'skip', keys: [t('s')], label: 's', help: 'mark skipped (optional note)', footer: 'skip' },
    { action: 'note', keys: [t('n')], label: 'n', help: 'add a note to the selected item', footer: 'note' },
    { action: 'log', keys: [t('l')], label: 'l', help: 'page through the last run’s full log' },
    { action: 'incident', keys: [t('i')], label: 'i', help: 'declare an incident (triage)', footer: 'incident' },
    { action: 'incidents', keys: [t('v')], label: 'v', help: 'view incidents (resolve one)' },
    { action: 'inject', keys: [t('I')], label: 'I', help: 'drill: inject the fault declared by the item' },
    { action: 'decide', keys: [t('d')], label: 'd', help: 'record a decision (keep, fix-forward, rollback, roll-forward, go, no-go, hold)', footer: 'decide' },
    { action: 't0', keys: [t('t')], label: 't', help: 'mark T0 (cutover executed); required roles must be filled', footer: 'T0' },
    { action: 'roles', keys: [t('o')], label: 'o', help: 'roles: who holds which role', footer: 'roles' },
    { action: 'signoff', keys: [t('S')], label: 'S', help: 'sign off for a role' },
    { action: 'override', keys: [t('O')], label: 'O', help: 'roll-forward: override unmet requirements (reason recorded), confirm its requirements' },
    { action: 'newPass', keys: [t('N')], label: 'N', help: 'run the selected section again as a new pass (earlier results kept)' },
    { action: 'export', keys: [t('x')], label: 'x', help: 'export the incident package', footer: 'export' },
    { action: 'drillSummary', keys: [t('D')], label: 'D', help: 'drill: timings of this drill against earlier drills', footer: 'summary' },
    help,
    quit,
  ],
  running: [
    { action: 'cancel', keys: [t('c')], label: 'c/Ctrl-C', help: 'cancel the command (its whole process group is killed; the run is recorded)', footer: 'cancel' },
    help,
  ],
  finished: [
    { action: 'back', keys: [n('escape'), n('return'), t('q')], label: 'Enter/Esc', help: 'back to the checklist', footer: 'back' },
    { action: 'log', keys: [t('l')], label: 'l', help: 'page through the full log', footer: 'full log' },
    { action: 'run', keys: [t('r')], label: 'r', help: 'run the item again', footer: 'run again' },
    { action: 'incident', keys: [t('i')], label: 'i', help: 'declare an incident for this failure', footer: 'incident' },
    help,
  ],
  pager: [
    ...move,
    { action: 'top', keys: [n('home'), t('g')], label: 'g', help: 'top of the log' },
    { action: 'bottom', keys: [n('end'), t('G')], label: 'G', help: 'end of the log', footer: 'end' },
    { action: 'pageDown', keys: [t(' ')], label: 'Space', help: 'page down' },
    { ...back, keys: [n('escape'), t('q')], label: 'Esc/q' },
    help,
  ],
  roles: [
    ...move,
    { action: 'select', keys: [n('return')], label: 'Enter', help: 'fill in the selected role (name, contact, backup)', footer: 'edit' },
    { action: 'tbd', keys: [t('u')], label: 'u', help: 'acknowledge the role as TBD (recorded; unblocks T0)', footer: 'TBD' },
    { action: 't0', keys: [t('t')], label: 't', help: 'mark T0', footer: 'T0' },
    back,
    help,
    quit,
  ],
  list: [...move, { action: 'select', keys: [n('return')], label: 'Enter', help: 'choose', footer: 'choose' }, back, help, quit],
  summary: [...move, { ...back, keys: [n('escape'), t('q')], label: 'Esc/q' }, help],
  incidents: [
    ...move,
    { action: 'top', keys: [n('home'), t('g')], label: 'g', help: 'first incident' },
    { action: 'bottom', keys: [n('end'), t('G')], label: 'G', help: 'last incident' },
    { action: 'incident', keys: [t('i'), t('n')], label: 'i', help: 'declare a new incident', footer: 'declare' },
    { action: 'resolve', keys: [t('R')], label: 'R', help: 'resolve the selected incident (note recorded)', footer: 'resolve' },
    back,
    help,
    quit,
  ],
};

function matches(spec: KeySpec, event: KeyEvent): boolean {
  if (event.ctrl || event.meta) return false;
  if (spec.name) return event.name === spec.name;
  return !event.name && event.text === spec.text;
}

export function actionFor(scope: Scope, event: KeyEvent): Action | undefined {
  return KEYMAP[scope].find((binding) => binding.keys.some((spec) => matches(spec, event)))?.action;
}

/** Bindings of a scope that do not apply to this session (drill-only keys outside a drill). */
export function hiddenActions(scope: Scope | 'form', drill: boolean): Action[] {
  return scope === 'main' && !drill ? ['inject', 'drillSummary'] : [];
}

/** `label word` pairs for the footer of a screen, optionally without actions that do not apply. */
export function footerHints(scope: Scope, hide: readonly Action[] = []): Array<{ label: string; word: string }> {
  return KEYMAP[scope]
    .filter((b) => b.footer && !hide.includes(b.action))
    .map((b) => ({ label: b.label, word: b.footer as string }));
}

/** Keys that work in every text form; shown in help and in form footers. */
export const FORM_KEYS: Array<{ label: string; help: string }> = [
  { label: 'Tab/↓', help: 'next field' },
  { label: 'Shift-Tab/↑', help: 'previous field' },
  { label: 'Enter', help: 'next field; on the last field: submit' },
  { label: 'Ctrl-S', help: 'submit from any field' },
  { label: 'Esc', help: 'cancel' },
];

export const GLOBAL_KEYS: Array<{ label: string; help: string }> = [
  { label: 'Ctrl-C', help: 'while a command runs: cancel it; otherwise ask to quit (a second Ctrl-C quits)' },
];
