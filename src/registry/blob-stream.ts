// One blob, streamed and verified: the sha256 (or sha512) and the size of what arrives must be the
// descriptor's, or the read fails naming the digest. A connection dropped mid-blob is resumed with a
// Range request (or, when the server ignores Range, restarted with the bytes already delivered checked
// against the new copy), so consumers see one gapless stream.

import { DigestVerifier } from '../oci/digest.js';
import { RegistryError } from './errors.js';
import { isTransient } from './http.js';

export interface BlobBody {
  /** Offset the body starts at (0 when the server ignored the Range request). */
  offset: number;
  body: AsyncIterable<Buffer> & { destroy?: (err?: Error) => unknown };
}

/** Opens the blob from offset (a Range request when offset > 0). */
export type OpenBlob = (offset: number) => Promise<BlobBody>;

const MAX_RESUMES = 5;

export class BlobStream implements AsyncIterable<Buffer> {
  private readonly hash: DigestVerifier;
  private received = 0;
  private current: { iterator: AsyncIterator<Buffer>; body: BlobBody['body'] } | null = null;
  private resumes = 0;
  private done = false;
  /** Bytes received over the network, resumed copies included (for progress). */
  onBytes: ((n: number) => void) | null = null;

  constructor(
    private readonly open: OpenBlob,
    readonly digest: string,
    readonly size: number,
    private readonly what: string,
  ) {
    this.hash = new DigestVerifier(digest);
  }

  /** The next verified chunk, or null at the end once size and digest have been checked. */
  async next(): Promise<Buffer | null> {
    if (this.done) return null;
    for (;;) {
      if (!this.current) await this.connect();
      const cur = this.current as NonNullable<typeof this.current>;
      let step: IteratorResult<Buffer>;
      try {
        step = await cur.iterator.next();
      } catch (err) {
        if (!isTransient(err) && !isPrematureClose(err)) throw err;
        await this.dropped(err);
        continue;
      }
      if (step.done) {
        if (this.received < this.size) {
          await this.dropped(new Error(`connection closed after ${this.received} of ${this.size} bytes`));
          continue;
        }
        this.finish();
        return null;
      }
      const chunk = step.value;
      this.onBytes?.(chunk.length);
      if (this.received + chunk.length > this.size) {
        this.close();
        throw new RegistryError(`blob ${this.digest} of ${this.what} is larger than its manifest says (${this.size} bytes): the registry sent different content`);
      }
      this.received += chunk.length;
      this.hash.update(chunk);
      this.resumes = 0; // progress: a later drop may be resumed again
      return chunk;
    }
  }

  /** Reads the rest without handing it on (after a consumer failed), so a corrupt blob is named as such. */
  async drain(): Promise<void> {
    while ((await this.next()) !== null);
  }

  close(): void {
    this.done = true;
    this.current?.body.destroy?.();
    this.current = null;
  }

  [Symbol.asyncIterator](): AsyncIterator<Buffer> {
    return {
      next: async () => {
        const chunk = await this.next();
        return chunk ? { value: chunk, done: false } : { value: undefined, done: true };
      },
      // Stopping iteration does not close the connection: the owner drains or closes it.
      return: async () => ({ value: undefined, done: true }),
    };
  }

  private finish(): void {
    this.done = true;
    this.current = null;
    const actual = this.hash.actual();
    if (actual !== this.digest) {
      throw new RegistryError(`digest mismatch for blob ${this.digest} of ${this.what}: the registry sent content with digest ${actual}`);
    }
  }

  private async dropped(err: unknown): Promise<void> {
    this.current?.body.destroy?.();
    this.current = null;
    if (++this.resumes > MAX_RESUMES) {
      throw new RegistryError(`downloading blob ${this.digest} of ${this.what} failed after ${MAX_RESUMES} retries: ${(err as Error).message}`);
    }
    await new Promise((r) => setTimeout(r, 200 * this.resumes));
  }

  private async connect(): Promise<void> {
    const { offset, body } = await this.open(this.received);
    const iterator = body[Symbol.asyncIterator]();
    this.current = { iterator, body };
    if (offset === this.received) return;
    if (offset !== 0) {
      this.close();
      throw new RegistryError(`the registry resumed blob ${this.digest} of ${this.what} at the wrong offset`);
    }
    // Restarted from 0: the bytes already handed on must be the same as the new copy's first bytes.
    const prefix = new DigestVerifier(this.digest);
    let skipped = 0;
    while (skipped < this.received) {
      const step = await iterator.next();
      if (step.done) throw new RegistryError(`blob ${this.digest} of ${this.what} came back shorter on retry`);
      const take = Math.min(step.value.length, this.received - skipped);
      prefix.update(step.value.subarray(0, take));
      skipped += take;
      this.onBytes?.(step.value.length);
      if (take < step.value.length) {
        // The rest of this chunk is new: verify the prefix, then continue with it.
        this.checkPrefix(prefix);
        const rest = step.value.subarray(take);
        const inner = iterator;
        let first: Buffer | null = rest;
        this.current = {
          body,
          iterator: {
            next: () => {
              if (first) {
                const value = first;
                first = null;
                return Promise.resolve({ value, done: false });
              }
              return inner.next();
            },
          },
        };
        return;
      }
    }
    this.checkPrefix(prefix);
  }

  private checkPrefix(prefix: DigestVerifier): void {
    if (prefix.actual() !== this.hash.actual()) {
      this.close();
      throw new RegistryError(`blob ${this.digest} of ${this.what} changed between download attempts`);
    }
  }
}

function isPrematureClose(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'UND_ERR_ABORTED' || /other side closed|terminated/i.test((err as Error).message ?? '');
}
