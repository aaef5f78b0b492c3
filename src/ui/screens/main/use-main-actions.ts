// What each key of the main view does. Movement is the cursor's; everything that records
// something goes through the session via `perform`.
import { useSessionTui } from '../../app/tui-context.js';
import type { Action } from '../../keys/keymap.js';
import type { MainCursor, Pane } from './use-main-cursor.js';
import { useEditCommand } from './use-edit-command.js';
import { useMarkItem } from './use-mark-item.js';
import { useRunItem } from './use-run-item.js';
import { useSessionCommands } from './use-session-commands.js';

export function useMainActions(cursor: MainCursor, pageSize: number): (action: Action, pane: Pane) => void {
  const tui = useSessionTui();
  const { session, state } = tui;
  const runItem = useRunItem();
  const editCommand = useEditCommand();
  const commands = useSessionCommands();
  const mark = useMarkItem((status) => {
    if (status !== 'fail') cursor.moveItem({ type: 'down' });
  });
  const { section, item } = cursor;

  const move = (action: 'up' | 'down' | 'top' | 'bottom' | 'pageUp' | 'pageDown', pane: Pane): void => {
    const step = action === 'pageUp' ? { type: 'page' as const, delta: -pageSize } : action === 'pageDown' ? { type: 'page' as const, delta: pageSize } : { type: action };
    if (pane === 'sections') cursor.moveSection(step);
    else cursor.moveItem(step);
  };

  const needItem = (): boolean => {
    if (section && item) return true;
    tui.say('no item selected: this section has no items', 'info');
    return false;
  };

  const run = (pane: Pane): void => {
    if (pane === 'sections') return cursor.setPane('items');
    if (!needItem() || !section || !item) return;
    if (!item.run && section.kind === 'signoff') return tui.go({ name: 'signoff', roleId: item.owner, itemId: item.id });
    if (!item.run) return tui.say('manual item: mark it p (pass), f (fail) or s (skip); e runs a command of your own', 'info');
    runItem({ section, item });
  };

  const edit = (): void => {
    if (needItem() && section && item) editCommand(section, item);
  };

  const inject = (): void => {
    if (!needItem() || !section || !item) return;
    if (session.mode !== 'drill') return tui.say('faults are injected only in a drill (cutover open --drill)', 'error');
    if (!item.drill?.inject) return tui.say(`${item.id} declares no fault to inject`, 'error');
    runItem({ section, item, kind: 'inject' });
  };

  const log = (): void => {
    const runId = section && item ? state.items[`${section.id}/${item.id}`]?.lastRunId : undefined;
    if (!runId) return tui.say('this item has no run yet', 'info');
    tui.go({ name: 'pager', runId, back: 'main' });
  };

  return (action, pane) => {
    switch (action) {
      case 'up':
      case 'down':
      case 'top':
      case 'bottom':
      case 'pageUp':
      case 'pageDown':
        return move(action, pane);
      case 'switchPane':
        return cursor.setPane(cursor.pane === 'sections' ? 'items' : 'sections');
      case 'prevPane':
        return cursor.setPane('sections');
      case 'nextPane':
        return cursor.setPane('items');
      case 'run':
        return run(pane);
      case 'edit':
        return edit();
      case 'pass':
      case 'fail':
      case 'skip':
        if (needItem() && section && item) mark(section, item, action);
        return;
      case 'inject':
        return inject();
      case 'log':
        return log();
      case 'incident': {
        // On a failed item, the incident is about it: its suggested severity and title are filled in.
        // A run the operator cancelled failed nothing: the incident is still about the item, no more.
        const current = section && item ? state.items[`${section.id}/${item.id}`] : undefined;
        if (!section || !item || current?.status !== 'fail') return tui.go({ name: 'triage' });
        const cancelled = !!(current.lastRunId && state.runs[current.lastRunId]?.finished?.cancelled);
        const preset = cancelled ? { title: item.title } : { severity: item.onFail, title: `${item.title} failed` };
        return tui.go({ name: 'triage', preset: { ...preset, section: section.id, item: item.id } });
      }
      case 'decide':
        return tui.go({ name: 'decision' });
      case 'roles':
        return tui.go({ name: 'roles' });
      case 'signoff':
        return tui.go({ name: 'signoff', roleId: item?.owner });
      case 'export':
        return tui.go({ name: 'export' });
      case 'help':
        return tui.showHelp();
      case 'quit':
        return tui.requestQuit();
      default:
        return commands(action, section, item);
    }
  };
}
