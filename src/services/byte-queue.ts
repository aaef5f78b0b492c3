// A stream read a requested number of bytes at a time (a tar reader takes 512-byte headers, then
// bodies piece by piece), with a bound on how much it will read.
import type { Readable } from 'node:stream';

/** The bytes of one stream, taken a requested number at a time. */
export class ByteQueue {
  private chunks: Buffer[] = [];
  private length = 0;
  private readonly iterator: AsyncIterator<Buffer>;
  private total = 0;

  /** `tooMuch` is thrown once more than `maxBytes` have come out of the stream. */
  constructor(
    stream: Readable,
    private readonly maxBytes: number,
    private readonly tooMuch: () => Error,
  ) {
    this.iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }

  /** Up to `max` bytes (fewer at the end of a chunk), or undefined at the end of the stream. */
  async take(max: number): Promise<Buffer | undefined> {
    if (this.length === 0) {
      const next = await this.iterator.next();
      if (next.done) return undefined;
      this.total += next.value.length;
      if (this.total > this.maxBytes) throw this.tooMuch();
      this.chunks.push(next.value);
      this.length += next.value.length;
    }
    const first = this.chunks[0] as Buffer;
    const piece = first.subarray(0, max);
    if (piece.length === first.length) this.chunks.shift();
    else this.chunks[0] = first.subarray(piece.length);
    this.length -= piece.length;
    return piece;
  }

  /** Exactly `size` bytes, each piece handed to `sink`; false if the stream ends first. */
  async pass(size: number, sink: (piece: Buffer) => void): Promise<boolean> {
    for (let left = size; left > 0; ) {
      const piece = await this.take(left);
      if (!piece) return false;
      sink(piece);
      left -= piece.length;
    }
    return true;
  }

  async exactly(size: number): Promise<Buffer | undefined> {
    const bytes = await this.upTo(size);
    return bytes.length === size ? bytes : undefined;
  }

  /** `size` bytes, or fewer (down to none) if the stream ends first. */
  async upTo(size: number): Promise<Buffer> {
    const pieces: Buffer[] = [];
    let length = 0;
    for (let piece = size > 0 ? await this.take(size) : undefined; piece; ) {
      pieces.push(piece);
      length += piece.length;
      piece = length < size ? await this.take(size - length) : undefined;
    }
    return Buffer.concat(pieces, length);
  }

  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}
