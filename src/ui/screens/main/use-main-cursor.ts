// Which section and item the operator is on, and which pane has the keys. Kept above the main
// screen so it survives visits to other screens, and remembered in the evidence (debounced
// cursor.moved) so that `cutover resume` comes back to the same place.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChecklistItem, ChecklistSection } from '../../../domain/checklist-schema.js';
import type { CutoverSession } from '../../../services/session.js';
import { selectReducer, type SelectAction } from '../../widgets/select/use-select-state.js';

export type Pane = 'sections' | 'items';

export interface MainCursor {
  sectionIndex: number;
  section: ChecklistSection | undefined;
  itemIndex: number;
  item: ChecklistItem | undefined;
  pane: Pane;
  setPane(pane: Pane): void;
  moveSection(action: SelectAction): void;
  moveItem(action: SelectAction): void;
  /** Jumps to a section (and item) by id. */
  goTo(sectionId: string, itemId?: string): void;
  /**
   * An item (`section/item`) whose next Enter is more likely habit than a request to run it again:
   * its check just passed as the last of its section, or a resume came back to it after it ran.
   * That Enter only says why (see the main screen); the one after runs it.
   */
  heldEnter: HeldEnter | undefined;
  holdEnter(held: HeldEnter | undefined): void;
}

export interface HeldEnter {
  key: string;
  /** Completes "<title> …: Enter again runs it again". */
  why: string;
}

interface Position {
  section: number;
  items: Record<string, number>;
  pane: Pane;
}

function initialPosition(session: CutoverSession | undefined): Position {
  const sections = session?.checklist.sections ?? [];
  const saved = session?.state.cursor;
  const section = Math.max(0, sections.findIndex((s) => s.id === saved?.section));
  const items: Record<string, number> = {};
  const found = sections[section];
  if (found && saved?.item) items[found.id] = Math.max(0, found.items.findIndex((i) => i.id === saved.item));
  return { section, items, pane: saved?.item ? 'items' : 'sections' };
}

/** A resumed session comes back to its last item: if that one already ran, one Enter must not run it again. */
function resumedOnARunItem(session: CutoverSession | undefined): HeldEnter | undefined {
  const saved = session?.state.cursor;
  if (!session || !saved?.item) return undefined;
  const key = `${saved.section}/${saved.item}`;
  const status = session.state.items[key]?.status;
  if (!status || status === 'pending') return undefined;
  return { key, why: `already ran before the resume (${status})` };
}

const PERSIST_DELAY_MS = 700;

export function useMainCursor(session: CutoverSession | undefined, onPersistError: (error: unknown) => void): MainCursor {
  const [pos, setPos] = useState<Position>(() => initialPosition(session));
  const [heldEnter, holdEnter] = useState<HeldEnter | undefined>(() => resumedOnARunItem(session));
  const sessionRef = useRef(session);
  useEffect(() => {
    if (session !== sessionRef.current) {
      sessionRef.current = session;
      setPos(initialPosition(session));
      holdEnter(resumedOnARunItem(session));
    }
  }, [session]);

  const sections = session?.checklist.sections ?? [];
  const section = sections[pos.section];
  const itemIndex = section ? Math.min(pos.items[section.id] ?? 0, Math.max(0, section.items.length - 1)) : 0;
  const item = section?.items[itemIndex];

  // Persist where the operator is, once they stop moving; flush at once when leaving.
  const pending = useRef<() => void>(undefined);
  useEffect(() => {
    if (!session || !section) return;
    const persist = (): void => {
      pending.current = undefined;
      session.moveCursor(section.id, item?.id).catch(onPersistError);
    };
    pending.current = persist;
    const timer = setTimeout(persist, PERSIST_DELAY_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, section?.id, item?.id]);
  useEffect(() => () => pending.current?.(), []);

  const moveSection = useCallback(
    (action: SelectAction) => setPos((p) => ({ ...p, section: selectReducer(p.section, sections.length, action) })),
    [sections.length],
  );
  const moveItem = useCallback(
    (action: SelectAction) =>
      setPos((p) => {
        const s = sections[p.section];
        if (!s) return p;
        return { ...p, items: { ...p.items, [s.id]: selectReducer(p.items[s.id] ?? 0, s.items.length, action) } };
      }),
    [sections],
  );
  const setPane = useCallback((pane: Pane) => setPos((p) => ({ ...p, pane })), []);
  const goTo = useCallback(
    (sectionId: string, itemId?: string) =>
      setPos((p) => {
        const index = sections.findIndex((s) => s.id === sectionId);
        if (index < 0) return p;
        const target = sections[index] as ChecklistSection;
        const itemAt = itemId ? Math.max(0, target.items.findIndex((i) => i.id === itemId)) : (p.items[sectionId] ?? 0);
        return { section: index, items: { ...p.items, [sectionId]: itemAt }, pane: 'items' };
      }),
    [sections],
  );
  return { sectionIndex: pos.section, section, itemIndex, item, pane: pos.pane, setPane, moveSection, moveItem, goTo, heldEnter, holdEnter };
}
