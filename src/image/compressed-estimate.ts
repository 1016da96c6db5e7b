// Estimates a layer's compressed size when the archive holds it uncompressed (docker save on the classic
// store): gzip at level 6, BuildKit's default, counting output bytes only.
//
// gzip -6 runs at ~25 MB/s per core here, slower than `docker save` streams, so the layer is cut into 1 MiB
// blocks compressed in parallel on libuv's thread pool (off the main thread), each primed with the previous
// block's last 32 KiB as its dictionary — what pigz does — so the sum matches one gzip stream to ~0.1%.
// At most MAX_IN_FLIGHT blocks are queued: the reader waits for a slot (backpressure), memory stays flat.

import { deflateRaw } from 'node:zlib';

export type CompressedSizeMode = 'auto' | 'exact' | 'off';

const BLOCK = 1 << 20;
const WINDOW = 32 * 1024;
const MAX_IN_FLIGHT = 4; // libuv's default thread-pool size
const GZIP_FRAMING = 10 + 8; // header and trailer around the deflate stream

export interface Estimator {
  /** Returns false when enough blocks are queued: wait for ready() before writing more. */
  write(chunk: Buffer): boolean;
  ready(): Promise<void>;
  end(): void;
  /** Estimated gzip size; rejects if compression failed. */
  result: Promise<number>;
}

export function startGzipEstimate(): Estimator {
  let parts: Buffer[] = [];
  let partBytes = 0;
  let dictionary: Buffer | null = null;
  let inFlight = 0;
  let total = GZIP_FRAMING;
  let failure: Error | null = null;
  const jobs: Promise<void>[] = [];
  let waiters: (() => void)[] = [];

  const submit = (block: Buffer): void => {
    const opts = { level: 6, ...(dictionary ? { dictionary } : {}) };
    dictionary = Buffer.from(block.subarray(Math.max(0, block.length - WINDOW))); // a copy: the block is freed
    inFlight++;
    jobs.push(
      new Promise<void>((resolve) => {
        deflateRaw(block, opts, (err, out) => {
          if (err) failure ??= err;
          else total += out.length;
          inFlight--;
          const ws = waiters;
          waiters = [];
          for (const w of ws) w();
          resolve();
        });
      }),
    );
  };

  const flush = (final: boolean): void => {
    while (partBytes >= BLOCK || (final && partBytes > 0)) {
      const all = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, partBytes);
      const block = all.subarray(0, Math.min(BLOCK, all.length));
      const rest = all.subarray(block.length);
      submit(Buffer.from(block)); // own copy: input chunks may be recycled by their stream
      parts = rest.length ? [rest] : [];
      partBytes = rest.length;
    }
  };

  let resolveResult: (n: number) => void = () => undefined;
  let rejectResult: (e: Error) => void = () => undefined;
  const result = new Promise<number>((res, rej) => {
    resolveResult = res;
    rejectResult = rej;
  });
  result.catch(() => undefined); // reported where awaited

  return {
    write(chunk) {
      parts.push(chunk);
      partBytes += chunk.length;
      if (partBytes >= BLOCK) flush(false);
      return inFlight < MAX_IN_FLIGHT;
    },
    ready() {
      return inFlight < MAX_IN_FLIGHT ? Promise.resolve() : new Promise<void>((r) => waiters.push(r));
    },
    end() {
      flush(true);
      if (jobs.length === 0) submit(Buffer.alloc(0)); // an empty layer still compresses to a few bytes
      void Promise.all(jobs).then(() => (failure ? rejectResult(failure) : resolveResult(total)));
    },
    result,
  };
}
