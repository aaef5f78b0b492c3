// Where a run's output goes: each of stdout and stderr through its own redaction stream (so a
// carry never mixes the two), then into the log file (0600), the hash/head/tail capture, the
// expectation matcher and the live tail. Chunks are handled as raw bytes (latin1 strings): no
// UTF-8 decoding on the hot path, unless a `contains`/`matches` or a live tail needs text.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { ExpectationMatcher } from '../domain/expectation.js';
import type { RedactionStream, Redactor } from '../domain/redaction.js';
import { LogCapture, type LogSummary } from './output-capture.js';

/** Output held back waiting for the end of its line is released after this much quiet. */
const IDLE_FLUSH_MS = 250;

export async function openRunLog(path: string): Promise<WriteStream> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const log = createWriteStream(path, { flags: 'w', mode: 0o600, highWaterMark: 1024 * 1024 });
  await once(log, 'open');
  await chmod(path, 0o600);
  return log;
}

export class RunOutput {
  stdoutBytes = 0;
  stderrBytes = 0;
  writeError: Error | undefined;
  private readonly streams: Record<'stdout' | 'stderr', RedactionStream>;
  private readonly capture = new LogCapture();
  private readonly decoder = new StringDecoder('utf8');
  private readonly needsText: boolean;
  private lastDataAt = 0;
  private readonly idleTimer: NodeJS.Timeout;

  constructor(
    private readonly log: WriteStream,
    redactor: Redactor,
    private readonly matcher: ExpectationMatcher,
    private readonly onOutput: ((text: string) => void) | undefined,
  ) {
    this.streams = { stdout: redactor.stream({ bytes: true }), stderr: redactor.stream({ bytes: true }) };
    this.needsText = matcher.needsOutput || onOutput !== undefined;
    log.on('error', (error) => (this.writeError ??= error));
    this.idleTimer = setInterval(() => this.flushIdle(), IDLE_FLUSH_MS);
    this.idleTimer.unref();
  }

  /** Takes a raw chunk; false when the log is backed up and the caller should pause reading. */
  push(source: 'stdout' | 'stderr', chunk: Buffer): boolean {
    if (source === 'stdout') this.stdoutBytes += chunk.length;
    else this.stderrBytes += chunk.length;
    this.lastDataAt = Date.now();
    return this.emit(this.streams[source].push(chunk.toString('latin1')));
  }

  /** Resolves when the log has room again (or can take nothing more: a write error is recorded). */
  drained(): Promise<unknown> {
    if (!this.log.writableNeedDrain || this.writeError) return Promise.resolve();
    return once(this.log, 'drain').catch(() => undefined);
  }

  get redactions(): number {
    return this.streams.stdout.count + this.streams.stderr.count;
  }

  /** Releases held-back output, closes the log and returns its summary. */
  async close(): Promise<LogSummary> {
    clearInterval(this.idleTimer);
    this.emit(this.streams.stdout.flush());
    this.emit(this.streams.stderr.flush());
    const tail = this.decoder.end();
    if (tail) this.deliver(tail);
    if (!this.writeError) {
      this.log.end();
      await once(this.log, 'close').catch((error: Error) => (this.writeError ??= error));
    } else this.log.destroy();
    return this.capture.summary();
  }

  private flushIdle(): void {
    if (Date.now() - this.lastDataAt < IDLE_FLUSH_MS) return;
    for (const stream of Object.values(this.streams)) if (stream.pending > 0) this.emit(stream.flush());
  }

  private emit(text: string): boolean {
    if (text.length === 0 || this.writeError) return true;
    const bytes = Buffer.from(text, 'latin1');
    this.capture.add(bytes);
    if (this.needsText) this.deliver(this.decoder.write(bytes));
    return this.log.write(bytes);
  }

  private deliver(text: string): void {
    if (text.length === 0) return;
    this.matcher.push(text);
    try {
      this.onOutput?.(text);
    } catch {
      // A failing live view must never break the run or its evidence.
    }
  }
}
