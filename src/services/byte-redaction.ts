// A redaction stream over raw output bytes. The stream scans them as latin1 text (one char per
// byte); where it changed nothing, which is nearly always, the bytes written are the command's
// own (views of its chunks), not a re-encoding of the text: that copy was a good part of the cost
// of a large output.
import type { RedactionStream } from '../domain/redaction.js';

const NOTHING: Buffer[] = [];

/** The first `length` bytes of `parts`, as views. */
function head(parts: readonly Buffer[], length: number): Buffer[] {
  const out: Buffer[] = [];
  for (const part of parts) {
    if (length <= 0) break;
    out.push(part.length <= length ? part : part.subarray(0, length));
    length -= part.length;
  }
  return out;
}

/** The last `length` bytes of `parts`, as views. */
function tail(parts: readonly Buffer[], length: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = parts.length - 1; i >= 0 && length > 0; i--) {
    const part = parts[i]!;
    out.unshift(part.length <= length ? part : part.subarray(part.length - length));
    length -= part.length;
  }
  return out;
}

export class ByteRedaction {
  /** What the stream carries over, as the bytes it came from. */
  private carry: Buffer[] = NOTHING;

  constructor(private readonly stream: RedactionStream) {}

  get count(): number {
    return this.stream.count;
  }

  get pending(): number {
    return this.stream.pending;
  }

  /**
   * The redacted bytes to write for this chunk, in order (maybe none: held back for now). They may
   * be views of this chunk or earlier ones, so chunks must not be changed after they are pushed.
   */
  push(chunk: Buffer): Buffer[] {
    return this.output(this.stream.push(chunk.toString('latin1')), chunk.length > 0 ? [...this.carry, chunk] : this.carry);
  }

  /** Everything held back. */
  flush(): Buffer[] {
    return this.output(this.stream.flush(), this.carry);
  }

  /** What is held back, but a tail that may be the start of a secret still being written. */
  release(): Buffer[] {
    return this.output(this.stream.release(), this.carry);
  }

  private output(text: string, input: readonly Buffer[]): Buffer[] {
    const out = text.length === 0 ? NOTHING : this.stream.verbatim ? head(input, text.length) : [Buffer.from(text, 'latin1')];
    this.carry = this.stream.carried === 0 ? NOTHING : tail(input, this.stream.carried);
    return out;
  }
}
