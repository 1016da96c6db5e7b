// Where the wasted bytes of an image are: every regular-file write a layer made that the final filesystem does
// not show, with the layer that deleted it (a whiteout, an opaque directory, a file or link put where its
// directory was) or overwrote it. Kept as typed arrays beside the final filesystem's path table (the paths of
// deleted files stay in that table), so a build directory of 100,000 files removed later costs ~20 bytes each.

import type { PathTable } from './path-table.js';
import type { WastedWrite } from './types.js';

export const WASTE_DELETED = 0;
export const WASTE_OVERWRITTEN = 1;

export interface WasteColumns {
  /** Path ids in the final filesystem's PathTable. */
  ids: Int32Array;
  bytes: Float64Array;
  /** The layer that wrote the bytes. */
  layers: Uint32Array;
  /** The layer that deleted or overwrote them. */
  removers: Uint32Array;
  /** WASTE_DELETED or WASTE_OVERWRITTEN. */
  kinds: Uint8Array;
}

/** The wasted writes of one image, read-only; iterating makes one WastedWrite per write. */
export class WasteLedger implements Iterable<WastedWrite> {
  readonly count: number;

  constructor(
    readonly paths: PathTable,
    private readonly c: WasteColumns,
  ) {
    this.count = c.ids.length;
  }

  /** The arrays behind the ledger (read-only: for serialising it, see model-codec.ts). */
  get columns(): Readonly<WasteColumns> {
    return this.c;
  }

  *[Symbol.iterator](): Iterator<WastedWrite> {
    const { ids, bytes, layers, removers, kinds } = this.c;
    for (let i = 0; i < this.count; i++) {
      yield {
        path: this.paths.path(ids[i] as number),
        bytes: bytes[i] as number,
        layer: layers[i] as number,
        removedBy: removers[i] as number,
        how: kinds[i] === WASTE_OVERWRITTEN ? 'overwritten' : 'deleted',
      };
    }
  }
}

/** The writes retired while the layers are applied; `stamps` say which write (a hardlink may still carry it). */
export class WasteLog {
  count = 0;
  private ids = new Int32Array(64);
  private stamps = new Int32Array(64);
  private bytes = new Float64Array(64);
  private layers = new Uint32Array(64);
  private removers = new Uint32Array(64);
  private kinds = new Uint8Array(64);

  push(id: number, stamp: number, bytes: number, layer: number, remover: number, kind: number): void {
    const i = this.count;
    if (i === this.ids.length) this.grow(i * 2);
    this.ids[i] = id;
    this.stamps[i] = stamp;
    this.bytes[i] = bytes;
    this.layers[i] = layer;
    this.removers[i] = remover;
    this.kinds[i] = kind;
    this.count++;
  }

  /** The ledger, without the writes whose content survives elsewhere (under a hardlink). */
  finish(paths: PathTable, carried: ReadonlySet<number>): WasteLedger {
    const n = this.count;
    if (carried.size === 0) {
      const kinds = this.kinds.slice(0, n);
      return new WasteLedger(paths, { ids: this.ids.slice(0, n), bytes: this.bytes.slice(0, n), layers: this.layers.slice(0, n), removers: this.removers.slice(0, n), kinds });
    }
    const keep: number[] = [];
    for (let i = 0; i < n; i++) if (!carried.has(this.stamps[i] as number)) keep.push(i);
    const pick = <T extends Int32Array | Float64Array | Uint32Array | Uint8Array>(from: T, make: (n: number) => T): T => {
      const out = make(keep.length);
      keep.forEach((at, i) => (out[i] = from[at] as number));
      return out;
    };
    return new WasteLedger(paths, {
      ids: pick(this.ids, (n) => new Int32Array(n)),
      bytes: pick(this.bytes, (n) => new Float64Array(n)),
      layers: pick(this.layers, (n) => new Uint32Array(n)),
      removers: pick(this.removers, (n) => new Uint32Array(n)),
      kinds: pick(this.kinds, (n) => new Uint8Array(n)),
    });
  }

  private grow(n: number): void {
    const copy = <T extends Int32Array | Float64Array | Uint32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.ids = copy(this.ids, new Int32Array(n));
    this.stamps = copy(this.stamps, new Int32Array(n));
    this.bytes = copy(this.bytes, new Float64Array(n));
    this.layers = copy(this.layers, new Uint32Array(n));
    this.removers = copy(this.removers, new Uint32Array(n));
    this.kinds = copy(this.kinds, new Uint8Array(n));
  }
}
