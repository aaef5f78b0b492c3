// Where a run's output goes: each of stdout and stderr through its own redaction stream (so a
// carry never mixes the two), then into the log file (0600), the hash/head/tail capture, the
// expectation matcher and the live tail. Chunks are handled as raw bytes (latin1 strings): no
// UTF-8 decoding on the hot path, unless a `contains`/`matches` or a live tail needs text; where
// nothing was redacted, the command's own bytes are written.
import { StringDecoder } from 'node:string_decoder';
import type { ExpectationMatcher } from '../domain/expectation.js';
import type { Redactor } from '../domain/redaction.js';
import { ByteRedaction } from './byte-redaction.js';
import type { LogLimit } from './log-limit.js';
import { LogCapture, type LogSummary } from './output-capture.js';
import type { RunLog } from './run-log.js';

type Source = 'stdout' | 'stderr';
const SOURCES: readonly Source[] = ['stdout', 'stderr'];

/**
 * Output held back waiting for the end of its line is released after this long: after this much
 * quiet, or held this long while more keeps coming without a newline (a `\r` progress bar).
 */
const IDLE_FLUSH_MS = 250;

export class RunOutput {
  stdoutBytes = 0;
  stderrBytes = 0;
  private readonly streams: Record<Source, ByteRedaction>;
  private readonly capture = new LogCapture();
  /** One per stream: a character split by a cut in one stream must not meet bytes of the other. */
  private readonly decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
  private readonly needsText: boolean;
  private lastDataAt = 0;
  /** Since when each stream has held output back without letting any of it out. */
  private readonly heldSince: Record<Source, number | undefined> = { stdout: undefined, stderr: undefined };
  private readonly idleTimer: NodeJS.Timeout;

  constructor(
    private readonly log: RunLog,
    private readonly limit: LogLimit,
    redactor: Redactor,
    private readonly matcher: ExpectationMatcher,
    private readonly onOutput: ((text: string) => void) | undefined,
  ) {
    const stream = (): ByteRedaction => new ByteRedaction(redactor.stream({ bytes: true }));
    this.streams = { stdout: stream(), stderr: stream() };
    this.needsText = matcher.needsOutput || onOutput !== undefined;
    this.idleTimer = setInterval(() => this.flushIdle(), IDLE_FLUSH_MS);
    this.idleTimer.unref();
  }

  get writeError(): Error | undefined {
    return this.log.writeError;
  }

  /** Takes a raw chunk; false when the log is backed up and the caller should pause reading. */
  push(source: Source, chunk: Buffer): boolean {
    if (source === 'stdout') this.stdoutBytes += chunk.length;
    else this.stderrBytes += chunk.length;
    this.lastDataAt = Date.now();
    const parts = this.streams[source].push(chunk);
    // Something let out: what is held now came after it.
    if (parts.some((part) => part.length > 0)) this.heldSince[source] = undefined;
    const room = this.emit(source, parts);
    this.noteHeld(source);
    return room;
  }

  private noteHeld(source: Source): void {
    if (this.streams[source].pending === 0) this.heldSince[source] = undefined;
    else this.heldSince[source] ??= Date.now();
  }

  /** Resolves when the log has room again (or can take nothing more: a write error is recorded). */
  drained(): Promise<unknown> {
    return this.log.drained();
  }

  get redactions(): number {
    return this.streams.stdout.count + this.streams.stderr.count;
  }

  /** Releases held-back output, ends the log with `endNote` (cutover's own words, if any), closes it and returns its summary. */
  async close(endNote?: string): Promise<LogSummary> {
    clearInterval(this.idleTimer);
    for (const source of SOURCES) {
      this.emit(source, this.streams[source].flush());
      this.deliver(this.decoders[source].end());
    }
    for (const note of [endNote, this.limit.endNote()]) if (note && !this.writeError) this.keep(Buffer.from(note));
    await this.log.close();
    return this.capture.summary();
  }

  private flushIdle(): void {
    const now = Date.now();
    const quiet = now - this.lastDataAt >= IDLE_FLUSH_MS;
    for (const source of SOURCES) {
      const held = this.heldSince[source];
      const due = quiet || (held !== undefined && now - held >= IDLE_FLUSH_MS);
      if (!due || this.streams[source].pending === 0) continue;
      // not flush: a secret written in two parts with a pause between them must not be cut in two
      this.emit(source, this.streams[source].release());
      this.heldSince[source] = undefined;
      this.noteHeld(source);
    }
  }

  private emit(source: Source, parts: readonly Buffer[]): boolean {
    let room = true;
    for (const bytes of parts) {
      if (this.writeError) return true;
      // All of it is judged and shown live, whatever the log keeps.
      if (this.needsText) this.deliver(this.decoders[source].write(bytes));
      room = this.keep(this.limit.keep(bytes)) && room;
    }
    return room;
  }

  /** Into the log and its hash/excerpt together, so that the recorded sha256 is the file's. */
  private keep(bytes: Buffer): boolean {
    if (bytes.length === 0) return true;
    this.capture.add(bytes);
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
