// The zstd level-1 size of one unit compressed on its own (the cheap measure of the compressed-size estimate,
// compressed-estimate.ts), and its fast path through Node's private zlib internals.
//
// zstd runs synchronously, on the reader's thread: for 64 KiB inputs Node's asynchronous one-shot calls cost
// about twice the CPU of the compression itself (a stream set up per call), and on a worker thread the
// gigabyte of output buffers it discards grew the process by 100 MB (allocator arenas). zstd ships with
// Node ≥ 22.15 (this package's minimum); without it, plain byte counts stand in (a less accurate estimate,
// never a failure).
//
// The fast path compresses every unit as its own frame (ZSTD_e_end) from one reused context, into one reused
// output buffer, through the native handle Node's one-shot function drives too. Setting up a stream object
// per unit was a third of the estimate's CPU (its constructor, and the garbage of a fresh output buffer per
// unit): on 400 MB of the bench image 0.30 s of CPU against 0.75 s, with the same size for every unit. The
// handle (`_handle.writeSync`, `_writeState`) is not a public API: it is used only when it is there and agrees
// with the one-shot function on a probe; otherwise, and after any error, the one-shot function is used, and
// fastPath() says why (its unit test fails when the fast path stopped being used on a Node that has zstd).

import { isUint32Array } from 'node:util/types';
import * as zlib from 'node:zlib';

/**
 * Node versions on which the fast path was checked: taken, and equal to zstdCompressSync on the test's data
 * (__tests__/unit/zstd-size.test.ts passed on each). Node 20.20.2 has no zstd at all: byte counts, no fast
 * path to take. Add a version once that test passes on it.
 */
export const VERIFIED_NODE_VERSIONS: readonly string[] = ['v22.15.0', 'v22.23.5', 'v24.22.3', 'v26.12.1'];

/** Output buffer size: one holds a 64 KiB unit's worst case. */
const OUT_CHUNK = 64 * 1024 + 1024;
const zstdOptions = { params: { [zlib.constants.ZSTD_c_compressionLevel]: 1 }, chunkSize: OUT_CHUNK };

/** The one-shot call: a zstd stream set up and torn down per unit. */
export const zstdOneShot = (unit: Buffer): number => zlib.zstdCompressSync(unit, { ...zstdOptions, pledgedSrcSize: unit.length }).length;

/** What a zlib stream object holds inside (Node's own fields, not a public API: checked before use). */
export interface ZstdEngineInternals {
  _handle?: { writeSync?: (flush: number, input: Buffer, inOff: number, inLen: number, out: Buffer, outOff: number, outLen: number) => void };
  _writeState?: Uint32Array;
  on(event: 'error', listener: (err: unknown) => void): unknown;
}

type Sizer = (unit: Buffer) => number;

/**
 * A sizer on one reused context, or why there is none. `engine` makes the zlib stream whose internals are
 * driven (a parameter so that a test can hand it one whose internals are missing or wrong).
 */
export function reusedContext(engine: () => ZstdEngineInternals = () => zlib.createZstdCompress(zstdOptions) as unknown as ZstdEngineInternals): Sizer | string {
  try {
    const stream = engine();
    const handle = stream._handle;
    const state = stream._writeState;
    const writeSync = handle?.writeSync;
    if (typeof writeSync !== 'function') return 'the zstd stream has no _handle.writeSync';
    if (!isUint32Array(state) || state.length < 2) return 'the zstd stream has no _writeState of two counters'; // (a realm-proof check)
    let failure: unknown = null;
    stream.on('error', (err: unknown) => (failure = err));
    const out = Buffer.allocUnsafe(OUT_CHUNK);
    const size = (unit: Buffer): number => {
      let inOff = 0;
      let availIn = unit.length;
      let total = 0;
      for (;;) {
        writeSync.call(handle, zlib.constants.ZSTD_e_end, unit, inOff, availIn, out, 0, out.length);
        if (failure) throw failure;
        total += out.length - (state[0] as number);
        if (state[0] !== 0) return total; // the output buffer was not filled: the frame is complete
        inOff += availIn - (state[1] as number);
        availIn = state[1] as number;
      }
    };
    const probe = Buffer.from('image-size-guard zstd probe '.repeat(100));
    for (const p of [probe, probe.subarray(0, 1), Buffer.alloc(0)]) {
      if (size(p) !== zstdOneShot(p)) return `the reused context disagreed with zstdCompressSync on a ${p.length}-byte probe`;
    }
    return size;
  } catch (err) {
    return `setting up the reused context failed: ${(err as Error).message}`;
  }
}

export const NO_ZSTD = 'this Node has no zstd (byte counts stand in)';
const hasZstd = typeof zlib.zstdCompressSync === 'function';

/** zstd unit sizes on the fast path while it works, on the one-shot function after. */
export class ZstdSizer {
  private fast: Sizer | undefined;
  private fallback: string | null = hasZstd ? null : NO_ZSTD;

  constructor(private readonly engine?: () => ZstdEngineInternals) {}

  /** The zstd level-1 size of one unit compressed on its own. */
  size(unit: Buffer): number {
    if (!hasZstd) return unit.length;
    this.setUp();
    if (this.fast) {
      try {
        return this.fast(unit);
      } catch (err) {
        // the handle is in an unknown state: the one-shot function from here on
        this.fast = undefined;
        this.fallback = `the reused context failed in use: ${(err as Error).message}`;
      }
    }
    return zstdOneShot(unit);
  }

  /** Whether size() runs on the fast path (set up if it was not yet), and if not, why not. */
  fastPath(): { inUse: boolean; reason: string | null } {
    if (hasZstd) this.setUp();
    return { inUse: this.fast !== undefined, reason: this.fallback };
  }

  /** At the first unit, not at start-up: runs that read only compressed blobs (registries, OCI exports) never estimate. */
  private setUp(): void {
    if (this.fast || this.fallback) return;
    const got = reusedContext(this.engine);
    if (typeof got === 'string') this.fallback = got;
    else this.fast = got;
  }
}

const sizer = new ZstdSizer();

/** The zstd level-1 size of one unit compressed on its own (the process's one sizer). */
export const zstdSize = (unit: Buffer): number => sizer.size(unit);

/** Whether zstdSize runs on the fast path on this Node, and if not, why not. */
export const fastPath = (): { inUse: boolean; reason: string | null } => sizer.fastPath();
