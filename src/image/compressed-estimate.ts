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

// Block buffers are recycled: allocating a fresh 1 MiB per block would leave hundreds of MiB of garbage
// for the collector on a large image (and in the RSS until it runs).
const pool: Buffer[] = [];
const takeBlock = (): Buffer => pool.pop() ?? Buffer.allocUnsafe(BLOCK);
const giveBack = (b: Buffer): void => {
  if (pool.length < MAX_IN_FLIGHT + 2) pool.push(b);
};

export function startGzipEstimate(): Estimator {
  let block = takeBlock();
  let fill = 0;
  let dictionary: Buffer | null = null;
  let inFlight = 0;
  let total = GZIP_FRAMING;
  let failure: Error | null = null;
  const jobs: Promise<void>[] = [];
  let waiters: (() => void)[] = [];

  const submit = (buf: Buffer, length: number): void => {
    const input = buf.subarray(0, length);
    const opts = { level: 6, ...(dictionary ? { dictionary } : {}) };
    dictionary = Buffer.from(input.subarray(Math.max(0, length - WINDOW))); // a copy: the block is recycled
    inFlight++;
    jobs.push(
      new Promise<void>((resolve) => {
        deflateRaw(input, opts, (err, out) => {
          if (err) failure ??= err;
          else total += out.length;
          giveBack(buf);
          inFlight--;
          const ws = waiters;
          waiters = [];
          for (const w of ws) w();
          resolve();
        });
      }),
    );
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
      let off = 0;
      while (off < chunk.length) {
        const n = Math.min(BLOCK - fill, chunk.length - off);
        chunk.copy(block, fill, off, off + n);
        fill += n;
        off += n;
        if (fill === BLOCK) {
          submit(block, fill);
          block = takeBlock();
          fill = 0;
        }
      }
      return inFlight < MAX_IN_FLIGHT;
    },
    ready() {
      return inFlight < MAX_IN_FLIGHT ? Promise.resolve() : new Promise<void>((r) => waiters.push(r));
    },
    end() {
      if (fill > 0 || jobs.length === 0) submit(block, fill); // an empty layer still compresses to a few bytes
      else giveBack(block);
      void Promise.all(jobs).then(() => (failure ? rejectResult(failure) : resolveResult(total)));
    },
    result,
  };
}
