// Owns the one command that may be running: starts it through the session (which spawns, records
// and kills the process group), buffers its output in bounded memory, and tells the screen about
// it at most every `frameMs`, so that a command printing 100 MB never floods React.
import { itemKey, type RunState } from '../../domain/session-state.js';
import type { CutoverSession } from '../../services/session.js';
import { soakRunOutcome, type SoakRunOutcome } from '../../domain/soak-tally.js';
import { TailBuffer } from './tail-buffer.js';

export type RunKind = 'check' | 'inject' | 'watch';

export interface RunRequest {
  kind: RunKind;
  sectionId: string;
  itemId: string;
  title: string;
  /** An edited command; recorded as edited. */
  command?: string;
  /** What the operator typed to confirm a destructive item. */
  confirm?: string;
}

export interface RunView {
  request: RunRequest;
  phase: 'running' | 'finished' | 'error';
  startedAt: number;
  endedAt?: number;
  bytes: number;
  lines: string[];
  cancelling: boolean;
  /** The last finished run (for a soak: the last of its runs). */
  result?: RunState;
  /** A soak: the results of its runs so far, the time left, and whether it was stopped before its time was up. */
  watch?: { results: SoakRunOutcome[]; remainingMs: number; stopped?: boolean };
  /** How it ended for the item: the run's result; for a soak, the item's mark after all its runs. */
  verdict?: 'pass' | 'fail';
  error?: string;
}

const TAIL_LINES = 200;

export class RunController {
  private view: RunView | undefined;
  private buffer = new TailBuffer();
  private abort: AbortController | undefined;
  private promise: Promise<void> | undefined;
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly session: () => CutoverSession | undefined,
    private readonly frameMs = 80,
  ) {}

  /** Stable snapshot for useSyncExternalStore: a new object only when something changed. */
  snapshot = (): RunView | undefined => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get running(): boolean {
    return this.view?.phase === 'running';
  }

  start(request: RunRequest): void {
    const session = this.session();
    if (!session) throw new Error('no session to run in');
    if (this.running) throw new Error('a command is already running');
    this.buffer = new TailBuffer();
    this.abort = new AbortController();
    this.view = { request, phase: 'running', startedAt: Date.now(), bytes: 0, lines: [], cancelling: false };
    this.emit();
    this.timer = setInterval(() => this.flush(), this.frameMs);
    this.promise = this.execute(session, request, this.abort.signal);
  }

  /** `reason`, when cutover itself is stopping (the terminal closed): recorded instead of "cancelled by operator". */
  cancel(reason?: string): void {
    if (!this.running || !this.abort) return;
    this.abort.abort(reason);
    this.update({ cancelling: true });
  }

  /** Cancels a running command and waits (bounded) until its end is recorded. */
  async stop(reason?: string, timeoutMs = 5_000): Promise<void> {
    this.cancel(reason);
    if (!this.promise) return;
    await Promise.race([this.promise, new Promise((done) => setTimeout(done, timeoutMs).unref())]);
  }

  /** Forgets a finished run (back to the checklist). */
  dismiss(): void {
    if (this.running) return;
    this.view = undefined;
    this.emit();
  }

  private async execute(session: CutoverSession, request: RunRequest, signal: AbortSignal): Promise<void> {
    const onOutput = (text: string): void => {
      this.buffer.push(text);
      this.dirty = true;
    };
    const opts = { signal, onOutput, command: request.command, confirm: request.confirm };
    try {
      if (request.kind === 'inject') {
        this.finishRun(await session.injectFault(request.itemId, opts));
      } else if (request.kind === 'watch') {
        const runs = await session.runWatch(request.sectionId, request.itemId, {
          ...opts,
          onTick: (done, remainingMs) => {
            const last = done.at(-1);
            this.buffer.mark(`── run ${done.length} ${last ? soakRunOutcome(last) : ''} ──`);
            this.update({ watch: { results: done.map(soakRunOutcome), remainingMs }, result: done.at(-1) });
          },
        });
        // The soak has marked the item from all of its runs: that mark is the verdict.
        const status = session.state.items[itemKey(request.sectionId, request.itemId)]?.status;
        const watch = this.view?.watch && { ...this.view.watch, stopped: signal.aborted };
        this.finish({ result: runs.at(-1), verdict: status === 'pass' ? 'pass' : 'fail', ...(watch ? { watch } : {}) });
      } else {
        this.finishRun(await session.runItem(request.sectionId, request.itemId, opts));
      }
    } catch (error) {
      const hint = (error as { hint?: string }).hint;
      const message = error instanceof Error ? error.message : String(error);
      this.finish({ phase: 'error', error: hint ? `${message} (${hint})` : message });
    }
  }

  private finishRun(result: RunState): void {
    this.finish({ result, verdict: result.finished?.result === 'pass' ? 'pass' : 'fail' });
  }

  private finish(patch: Partial<RunView>): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.update({ phase: 'finished', endedAt: Date.now(), cancelling: false, ...patch });
  }

  private flush(): void {
    if (!this.dirty) return;
    this.update({});
  }

  private update(patch: Partial<RunView>): void {
    if (!this.view) return;
    this.dirty = false;
    this.view = { ...this.view, bytes: this.buffer.bytes, lines: this.buffer.tail(TAIL_LINES), ...patch };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
