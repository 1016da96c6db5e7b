// Applies layers in order to build the final filesystem, the way overlayfs presents it:
// file whiteouts delete a path, opaque whiteouts hide a directory's lower contents, later writes replace.
//
// Every path ever written gets one id in a PathTable and one slot in typed arrays (no object per path).
// Deleting a directory does not visit its subtree: each write carries a stamp (a counter that rises with
// every change, in layer order), and a deleted or replaced directory records a cutoff stamp. A path is
// present when it was written after the cutoffs of all its ancestors and not deleted since — decided for
// all paths in one pass at the end, parents before children.
//
// Each regular-file write that does not survive is entered in a waste ledger when it is replaced (a later write
// of the same path) or, at the end, when it is hidden: with the layer that removed it — for a hidden write, the
// layer of the earliest deletion after it on its path (the cuts kept per path say when).

import { FileIndex, presentTree } from './file-index.js';
import { TYPE_CODE, type LayerChanges } from './layer-scan.js';
import { PathTable } from './path-table.js';
import { WASTE_DELETED, WASTE_OVERWRITTEN, WasteLog, type WasteLedger } from './waste-ledger.js';

export interface FinalFilesystem {
  files: FileIndex;
  /** Bytes of regular-file content visible in the final filesystem (hardlinked content once). */
  finalBytes: number;
  fileCount: number;
  /** Visible content bytes per layer index. */
  survivingBytes: number[];
  /** The writes that are not visible: their bytes add up to the layers' bytes minus finalBytes. */
  waste: WasteLedger;
}

const FILE = TYPE_CODE.file;
const DIR = TYPE_CODE.dir;
const HARDLINK = TYPE_CODE.hardlink;

const LIVE = 1; // written and not deleted since (ancestors' cutoffs may still hide it)
const LINKED = 2; // has an entry in `links`
const SHARES = 4; // a hardlink with an entry in `contents`

/** The content a hardlink shares: the file write it pointed at when it was made. */
interface Content {
  id: number;
  stamp: number;
  size: number;
  layer: number;
}

export function buildFinalFilesystem(layers: readonly LayerChanges[]): FinalFilesystem {
  // Sized for the most paths the layers can make, so the arrays are not copied while growing.
  let paths = 1;
  let names = 0;
  for (const l of layers) {
    paths += l.paths.count - 1;
    names += l.paths.nameBytes;
  }
  const overlay = new Overlay(layers.length, paths, names);
  layers.forEach((layer, index) => overlay.apply(layer, index));
  return overlay.finish();
}

class Overlay {
  private readonly table: PathTable;
  private capacity: number;
  private flags: Uint8Array;
  /** When the path was last written. */
  private stamps: Int32Array;
  /** Anything below the path written before this stamp is gone (the directory was deleted, replaced or made opaque). */
  private cutoffs: Int32Array;
  private types: Uint8Array;
  private modes: Uint16Array;
  private layers: Uint16Array | Uint32Array;
  private sizes: Float64Array;
  private readonly links = new Map<number, string>();
  private readonly contents = new Map<number, Content>();
  private clock = 0;
  private readonly chain: number[] = [];
  private readonly waste = new WasteLog();
  /** The stamps at which a path was deleted or a directory cut off from what was below it, ascending (few paths have any). */
  private readonly cuts = new Map<number, number[]>();
  /** ancestorCuts' memo: the directory and its cuts (valid while no cut is added). */
  private cutsFor = -2;
  private cutsAbove: number[] = [];
  /** The first stamp of each layer. */
  private readonly layerFirst: number[] = [];
  /** The layer being applied. */
  private current = 0;

  constructor(private readonly layerCount: number, paths: number, nameBytes: number) {
    const n = (this.capacity = Math.max(16, paths));
    this.table = new PathTable(n, nameBytes);
    this.flags = new Uint8Array(n);
    this.stamps = new Int32Array(n);
    this.cutoffs = new Int32Array(n);
    this.types = new Uint8Array(n);
    this.modes = new Uint16Array(n);
    this.sizes = new Float64Array(n);
    this.layers = layerCount > 0xffff ? new Uint32Array(n) : new Uint16Array(n);
    this.types[0] = DIR;
    this.flags[0] = LIVE;
  }

  apply(layer: LayerChanges, index: number): void {
    const map = new Int32Array(layer.paths.count); // the layer's path ids → ours (0: not yet known)
    const to = (id: number, create: boolean): number => this.translate(layer, map, id, create);
    this.layerFirst[index] = this.clock + 1;
    this.current = index;

    // Whiteouts act on the lower layers only, wherever they stand in the tar: apply them first.
    const deleted = ++this.clock;
    for (const w of layer.whiteouts) {
      const id = to(w, false);
      if (id > 0 && this.present(id)) {
        this.flags[id] = (this.flags[id] as number) & ~LIVE;
        this.cutoffs[id] = deleted;
        this.cut(id, deleted);
      }
    }
    for (const o of layer.opaques) {
      const stamp = ++this.clock;
      const id = to(o, true);
      if (id > 0) {
        const cut = this.ensureParents(id, stamp, index);
        if (!this.presentBelow(id, cut) || this.types[id] !== DIR) this.write(id, DIR, 0o755, 0, index, stamp, null);
      }
      this.cutoffs[id] = stamp;
      this.cut(id, stamp);
    }
    const { puts } = layer;
    // Tar entries come directory by directory: while the parent stays the same, its ancestors were made
    // present by the previous entry and nothing since has touched them (an entry only writes itself).
    let lastParent = -1;
    let lastCut = 0;
    for (let i = 0; i < puts.count; i++) {
      const stamp = ++this.clock;
      const id = to(puts.ids[i] as number, true);
      const type = puts.types[i] as number;
      const parent = this.table.parent(id);
      const cut = parent === lastParent ? lastCut : this.ensureParents(id, stamp, index);
      lastParent = parent;
      lastCut = cut;
      if (type === DIR && this.types[id] === DIR && this.presentBelow(id, cut)) {
        // a directory entry updates mode and layer but keeps the contents
        this.modes[id] = puts.modes[i] as number;
        this.layers[id] = index;
        this.stamps[id] = stamp;
        continue;
      }
      const link = puts.links.get(i) ?? null;
      // Resolved before this write replaces anything: a hardlink names content that exists now.
      const shared = type === HARDLINK && link !== null ? this.contentAt(link) : undefined;
      this.cutoffs[id] = stamp; // whatever was here, and everything below it, is replaced
      if (this.types[id] === DIR) this.cut(id, stamp);
      this.write(id, type, puts.modes[i] as number, puts.sizes[i] as number, index, stamp, link);
      if (shared) {
        this.contents.set(id, shared);
        this.flags[id] = (this.flags[id] as number) | SHARES;
      }
    }
  }

  finish(): FinalFilesystem {
    const n = this.table.count;
    this.table.compact();
    const { flags, stamps, cutoffs, types, sizes, layers, table } = this;
    const present = new Uint8Array(n);
    const cutBelow = new Int32Array(n); // the cutoff that applies to the children of each id
    present[0] = 1;
    cutBelow[0] = cutoffs[0] as number;
    const surviving = new Float64Array(this.layerCount);
    const hardlinks: number[] = [];
    let count = 0;
    let fileCount = 0;
    let finalBytes = 0;
    for (let id = 1; id < n; id++) {
      const parent = table.parent(id);
      const cut = cutBelow[parent] as number;
      cutBelow[id] = Math.max(cut, cutoffs[id] as number);
      if (present[parent] !== 1 || types[parent] !== DIR || ((flags[id] as number) & LIVE) === 0 || (stamps[id] as number) <= cut) {
        this.retire(id, false);
        continue;
      }
      present[id] = 1;
      count++;
      const type = types[id] as number;
      if (type === DIR) continue;
      fileCount++;
      if (type === FILE) {
        const size = sizes[id] as number;
        finalBytes += size;
        const layer = layers[id] as number;
        surviving[layer] = (surviving[layer] as number) + size;
      } else if (type === HARDLINK && ((flags[id] as number) & SHARES) !== 0) hardlinks.push(id);
    }

    // A hardlink whose first name is gone from the final filesystem now carries the content (once).
    const carried = new Set<number>();
    for (const id of hardlinks) {
      const c = this.contents.get(id) as Content;
      if ((present[c.id] === 1 && stamps[c.id] === c.stamp) || carried.has(c.stamp)) continue;
      carried.add(c.stamp);
      sizes[id] = c.size;
      finalBytes += c.size;
      surviving[c.layer] = (surviving[c.layer] as number) + c.size;
    }

    const { firstChild, nextSibling } = presentTree(table, present);

    for (const id of this.links.keys()) if (present[id] !== 1) this.links.delete(id);
    const files = new FileIndex({
      paths: table,
      present,
      types: types.slice(0, n),
      modes: this.modes.slice(0, n),
      layers: layers.slice(0, n),
      sizes: sizes.slice(0, n),
      links: this.links,
      firstChild,
      nextSibling,
      count,
    });
    return { files, finalBytes, fileCount, survivingBytes: Array.from(surviving), waste: this.waste.finish(table, carried) };
  }

  /** Our id for a path id of the layer's table, adding it (and its parents) when `create`; -1 when missing. */
  private translate(layer: LayerChanges, map: Int32Array, id: number, create: boolean): number {
    if (id === 0) return 0;
    const known = map[id] as number;
    if (known > 0) return known;
    const chain = this.chain;
    chain.length = 0;
    let at = id;
    while (at !== 0 && map[at] === 0) {
      chain.push(at);
      at = layer.paths.parent(at);
    }
    let ours = at === 0 ? 0 : (map[at] as number);
    for (let i = chain.length - 1; i >= 0; i--) {
      const theirs = chain[i] as number;
      ours = this.table.childLike(ours, layer.paths, theirs, create);
      if (ours < 0) return -1;
      map[theirs] = ours;
    }
    this.fit();
    return ours;
  }

  /** Makes every ancestor of id a present directory (implicit ones are 0755, of this layer); returns the cutoff over them. */
  private ensureParents(id: number, stamp: number, index: number): number {
    const chain = this.chain;
    chain.length = 0;
    for (let at = this.table.parent(id); at > 0; at = this.table.parent(at)) chain.push(at);
    let cut = this.cutoffs[0] as number;
    for (let i = chain.length - 1; i >= 0; i--) {
      const dir = chain[i] as number;
      if (!this.presentBelow(dir, cut) || this.types[dir] !== DIR) this.write(dir, DIR, 0o755, 0, index, stamp, null);
      cut = Math.max(cut, this.cutoffs[dir] as number);
    }
    return cut;
  }

  /** Whether id is present, given the cutoff over its ancestors. */
  private presentBelow(id: number, cut: number): boolean {
    return ((this.flags[id] as number) & LIVE) !== 0 && (this.stamps[id] as number) > cut;
  }

  private present(id: number): boolean {
    let cut = 0;
    for (let at = this.table.parent(id); at >= 0; at = this.table.parent(at)) cut = Math.max(cut, this.cutoffs[at] as number);
    return this.presentBelow(id, cut);
  }

  /** The file content a hardlink to `path` would share now, if any. */
  private contentAt(path: string): Content | undefined {
    const id = this.table.lookup(path);
    if (id <= 0 || !this.present(id)) return undefined;
    if (this.types[id] === FILE) return { id, stamp: this.stamps[id] as number, size: this.sizes[id] as number, layer: this.layers[id] as number };
    return this.types[id] === HARDLINK ? this.contents.get(id) : undefined;
  }

  /**
   * Enters the write at id in the waste ledger when it holds content: overwritten by the current layer when it
   * is visible (`live` asks), else deleted by the layer of the earliest cut after it on its path.
   */
  private retire(id: number, live: boolean): void {
    const size = this.sizes[id] as number;
    if (this.types[id] !== FILE || !(size > 0)) return;
    const stamp = this.stamps[id] as number;
    const layer = this.layers[id] as number;
    if (live && this.present(id)) this.waste.push(id, stamp, size, layer, this.current, WASTE_OVERWRITTEN);
    else this.waste.push(id, stamp, size, layer, this.removerOf(id, stamp), WASTE_DELETED);
  }

  /** Every cut on dir and its ancestors, ascending; kept for the last dir asked, as siblings come one after another. */
  private ancestorCuts(dir: number): number[] {
    if (dir === this.cutsFor) return this.cutsAbove;
    const all: number[] = [];
    for (let at = dir; at >= 0; at = this.table.parent(at)) all.push(...(this.cuts.get(at) ?? []));
    this.cutsFor = dir;
    this.cutsAbove = all.sort((x, y) => x - y);
    return this.cutsAbove;
  }

  /** Records that id was deleted, or cut off from what lay below it, at `stamp`. */
  private cut(id: number, stamp: number): void {
    this.cutsFor = -2;
    const list = this.cuts.get(id);
    if (list === undefined) this.cuts.set(id, [stamp]);
    else list.push(stamp);
  }

  /** The layer of the earliest cut after `stamp` on id or any ancestor: the one that hid the write made then. */
  private removerOf(id: number, stamp: number): number {
    const own = this.cuts.get(id)?.find((c) => c > stamp) ?? Infinity;
    const first = Math.min(own, firstAfter(this.ancestorCuts(this.table.parent(id)), stamp));
    if (first === Infinity) return this.current; // not reached: a hidden write always has a cut after it
    let lo = 0;
    let hi = this.layerFirst.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.layerFirst[mid] as number) <= first) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private write(id: number, type: number, mode: number, size: number, layer: number, stamp: number, link: string | null): void {
    this.retire(id, true);
    const f = this.flags[id] as number;
    if (f & LINKED) this.links.delete(id);
    if (f & SHARES) this.contents.delete(id);
    this.flags[id] = LIVE | (link !== null ? LINKED : 0);
    if (link !== null) this.links.set(id, link);
    this.types[id] = type;
    this.modes[id] = mode;
    this.sizes[id] = size;
    this.layers[id] = layer;
    this.stamps[id] = stamp;
  }

  /** Grows the per-path arrays to the table's size. */
  private fit(): void {
    if (this.table.count <= this.capacity) return;
    const n = Math.max(this.capacity * 2, this.table.count);
    const grow = <T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.flags = grow(this.flags, (k) => new Uint8Array(k));
    this.stamps = grow(this.stamps, (k) => new Int32Array(k));
    this.cutoffs = grow(this.cutoffs, (k) => new Int32Array(k));
    this.types = grow(this.types, (k) => new Uint8Array(k));
    this.modes = grow(this.modes, (k) => new Uint16Array(k));
    this.layers = this.layers instanceof Uint32Array ? grow(this.layers, (k) => new Uint32Array(k)) : grow(this.layers, (k) => new Uint16Array(k));
    this.sizes = grow(this.sizes, (k) => new Float64Array(k));
    this.capacity = n;
  }
}

/** The first of the ascending stamps after `stamp`, or Infinity. */
function firstAfter(sorted: readonly number[], stamp: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) > stamp) hi = mid;
    else lo = mid + 1;
  }
  return lo < sorted.length ? (sorted[lo] as number) : Infinity;
}
