// Drills that walked different steps are not timed alike: a headless drill records the manual steps
// as not run, a drill in the TUI walks them. Over a set of steps (the whole drill, the rollback, a
// section) two drills are compared only when neither walked a manual step there that the other
// recorded as not run. (A refused destructive step already makes its drill FAILED: not looked at here.)
import type { Checklist, ChecklistSection } from './checklist-schema.js';
import type { DrillTimings } from './drill-timings.js';
import { plural } from './plural.js';

type Walked = Pick<DrillTimings, 'items' | 'notRun'>;
/** Which steps (item ids) a measure holds. */
export type StepScope = (item: string) => boolean;

export const everyStep: StepScope = () => true;

/** The steps of the sections `pick` selects; every step when the checklist is not known. */
export function stepsOf(checklist: Checklist | undefined, pick: (section: ChecklistSection) => boolean): StepScope {
  if (!checklist) return everyStep;
  const ids = new Set(checklist.sections.filter(pick).flatMap((s) => s.items.map((item) => item.id)));
  return (item) => ids.has(item);
}

/** Steps in scope that `a` walked and `b` recorded as not run. */
const walkedNotRunBy = (a: Walked, b: Walked, inScope: StepScope): string[] => (b.notRun ?? []).filter((item) => inScope(item) && a.items[item] !== undefined);

export function walkedAlike(a: Walked, b: Walked, inScope: StepScope = everyStep): boolean {
  return walkedNotRunBy(a, b, inScope).length === 0 && walkedNotRunBy(b, a, inScope).length === 0;
}

/** "step cleanup-stop", "3 steps (a, b, c)", "5 steps (a, b, c, …)". */
function namedSteps(items: ReadonlySet<string>): string {
  const names = [...items];
  if (names.length === 1) return `step ${names[0]}`;
  return `${plural(names.length, 'step')} (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`;
}

/**
 * Says plainly that earlier drills walked other steps than this one ("this drill walked step x that
 * the earlier drill did not run (…)"), or undefined when every earlier drill walked alike.
 */
export function walkedStepsNote(current: Walked, earlier: readonly Walked[]): string | undefined {
  const unlike = earlier.filter((d) => !walkedAlike(current, d));
  if (unlike.length === 0) return undefined;
  const walkedMore = new Set(unlike.flatMap((d) => walkedNotRunBy(current, d, everyStep)));
  const ranFewer = new Set(unlike.flatMap((d) => walkedNotRunBy(d, current, everyStep)));
  const they = unlike.length === earlier.length ? (earlier.length === 1 ? 'the earlier drill' : `the ${earlier.length} earlier drills`) : `${unlike.length} of the ${earlier.length} earlier drills`;
  const what = [
    ...(walkedMore.size ? [`walked ${namedSteps(walkedMore)} that ${they} did not run`] : []),
    ...(ranFewer.size ? [`did not run ${namedSteps(ranFewer)} that ${walkedMore.size ? 'they' : they} walked`] : []),
  ];
  return `this drill ${what.join(', and ')}: times that include them are compared only with drills that walked the same steps (a headless drill does not run manual steps)`;
}
