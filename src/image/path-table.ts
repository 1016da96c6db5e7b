// Interned paths: each path once, as (parent id, name), with every name's UTF-8 bytes in one pool and the
// lookup (parent, name) → id in an open-addressing hash table, all in typed arrays. Hand-rolled because a
// Map keyed by full path strings costs ~150 bytes per path (the string, the entry, a tree node beside it);
// this costs ~25 bytes plus the name's length, which is what lets a million-file image fit in bounded memory.
// Ids are handed out in insertion order, so a parent's id is always lower than its children's.

import { randomBytes } from 'node:crypto';

/** Per-process hash seed: a crafted archive cannot aim for collisions it cannot predict. */
const SEED = randomBytes(4).readUInt32LE(0);
const MAX_LOAD = 0.6;

export class PathTable {
  /** Ids in use; id 0 is the root, "/", with an empty name. */
  count = 1;
  private parents: Int32Array;
  /** The name of id i is pool[nameEnds[i - 1], nameEnds[i]); nameEnds[0] = 0 (the root). */
  private nameEnds: Uint32Array;
  private hashes: Uint32Array;
  private pool: Buffer;
  private poolUsed = 0;
  /** id + 1 per slot, 0 when empty. */
  private slots: Int32Array;
  private mask: number;
  /** While every name is ASCII, names decode as latin1 (several times faster than utf8 for short strings). */
  private ascii = true;
  /**
   * The directory of the last path interned or looked up, and its id: tar entries and lookups made while
   * walking a tree come directory by directory, so most paths need only their last name hashed.
   */
  private lastDir = '';
  private lastDirId = -1;

  /** `capacity` paths and `poolBytes` of names before the first growth. */
  constructor(capacity = 256, poolBytes = capacity * 8) {
    const n = Math.max(16, capacity);
    this.parents = new Int32Array(n);
    this.nameEnds = new Uint32Array(n);
    this.hashes = new Uint32Array(n);
    this.pool = Buffer.allocUnsafeSlow(Math.max(64, poolBytes));
    let slots = 16;
    while (slots * MAX_LOAD < n) slots *= 2;
    this.slots = new Int32Array(slots);
    this.mask = slots - 1;
    this.parents[0] = -1;
  }

  parent(id: number): number {
    return this.parents[id] as number;
  }

  name(id: number): string {
    return id === 0 ? '' : this.pool.toString(this.ascii ? 'latin1' : 'utf8', this.nameEnds[id - 1], this.nameEnds[id]);
  }

  /** The absolute path of id ("/" for the root). */
  path(id: number): string {
    if (id === 0) return '/';
    const names: string[] = [];
    for (let at = id; at > 0; at = this.parents[at] as number) names.push(this.name(at));
    return '/' + names.reverse().join('/');
  }

  /** The id of an absolute, normalised path ("/usr/bin"), added with its parents when missing. */
  intern(path: string): number {
    return this.resolve(path, true);
  }

  /** The id of an absolute path, or -1. Only the normalised spelling matches, as a Map key would. */
  lookup(path: string): number {
    if (path.charCodeAt(0) !== 0x2f) return -1;
    return path.length === 1 ? 0 : this.resolve(path, false);
  }

  private resolve(path: string, create: boolean): number {
    const slash = path.lastIndexOf('/');
    if (slash + 1 === path.length) return create && path.length === 1 ? 0 : -1; // "/" itself, or a trailing slash
    let dir = 0;
    if (slash > 0) {
      if (slash === this.lastDir.length && this.lastDirId >= 0 && path.startsWith(this.lastDir)) dir = this.lastDirId;
      else {
        for (let from = 1; from <= slash; ) {
          const to = path.indexOf('/', from);
          if (to === from) {
            if (!create) return -1; // "//": not a normalised path
          } else {
            dir = this.childOf(dir, path, from, to, create);
            if (dir < 0) return -1;
          }
          from = to + 1;
        }
        this.lastDir = path.slice(0, slash);
        this.lastDirId = dir;
      }
    }
    return this.childOf(dir, path, slash + 1, path.length, create);
  }

  /**
   * The child of `parent` named s[from, to), added when missing and `create`; -1 when missing. ASCII names (nearly
   * all) are hashed and compared straight from the string; the probe loop is written out here and in
   * childOfBytes rather than shared through a comparison callback, because this runs once per path component of
   * every archive member.
   */
  childOf(parent: number, s: string, from: number, to: number, create: boolean): number {
    let h = start(parent);
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        const bytes = Buffer.from(s.slice(from, to), 'utf8');
        return this.childOfBytes(parent, bytes, 0, bytes.length, create);
      }
      h = Math.imul(h ^ c, 0x01000193);
    }
    h = finish(h);
    const len = to - from;
    const { pool, nameEnds, parents, hashes, slots, mask } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = (slots[slot] as number) - 1;
      if (id < 0) break;
      if (hashes[id] !== h || parents[id] !== parent) continue;
      const begin = nameEnds[id - 1] as number;
      if ((nameEnds[id] as number) - begin !== len) continue;
      let same = true;
      for (let k = 0; k < len; k++) {
        if (pool[begin + k] !== s.charCodeAt(from + k)) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
    if (!create) return -1;
    const id = this.add(parent, h, len);
    const at = this.nameEnds[id - 1] as number;
    for (let k = 0; k < len; k++) this.pool[at + k] = s.charCodeAt(from + k);
    return id;
  }

  /** The child of `parent` whose name is the name of `otherId` in another table (same rules as childOf). */
  childLike(parent: number, other: PathTable, otherId: number, create: boolean): number {
    return this.childOfBytes(parent, other.pool, other.nameEnds[otherId - 1] as number, other.nameEnds[otherId] as number, create);
  }

  private childOfBytes(parent: number, bytes: Uint8Array, from: number, to: number, create: boolean): number {
    let h = start(parent);
    for (let i = from; i < to; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
    h = finish(h);
    const len = to - from;
    const { pool, nameEnds, parents, hashes, slots, mask } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = (slots[slot] as number) - 1;
      if (id < 0) break;
      if (hashes[id] !== h || parents[id] !== parent) continue;
      const begin = nameEnds[id - 1] as number;
      if ((nameEnds[id] as number) - begin !== len) continue;
      if (pool.compare(bytes, from, to, begin, begin + len) === 0) return id;
    }
    if (!create) return -1;
    const id = this.add(parent, h, len);
    this.pool.set(bytes.subarray(from, to), this.nameEnds[id - 1] as number);
    if (this.ascii) for (let i = from; i < to; i++) if ((bytes[i] as number) >= 0x80) this.ascii = false;
    return id;
  }

  /** Reserves an id whose name (len bytes) the caller writes at nameEnds[id - 1]. */
  private add(parent: number, hash: number, len: number): number {
    const id = this.count;
    if (id === this.parents.length) this.growIds();
    if ((id + 1) > this.slots.length * MAX_LOAD) this.growSlots();
    if (this.poolUsed + len > this.pool.length) this.growPool(len);
    this.count++;
    this.parents[id] = parent;
    this.hashes[id] = hash;
    this.poolUsed += len;
    this.nameEnds[id] = this.poolUsed;
    this.place(id, hash);
    return id;
  }

  private place(id: number, hash: number): void {
    const { slots, mask } = this;
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = id + 1;
  }

  private growIds(): void {
    const n = this.parents.length * 2;
    this.parents = grown(this.parents, new Int32Array(n));
    this.nameEnds = grown(this.nameEnds, new Uint32Array(n));
    this.hashes = grown(this.hashes, new Uint32Array(n));
  }

  private growSlots(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let id = 1; id < this.count; id++) this.place(id, this.hashes[id] as number);
  }

  private growPool(need: number): void {
    const next = Buffer.allocUnsafeSlow(Math.max(this.pool.length * 2, this.poolUsed + need));
    this.pool.copy(next, 0, 0, this.poolUsed);
    this.pool = next;
  }

  /** Releases spare capacity once no more paths will be added (lookups keep working). */
  compact(): void {
    const n = this.count;
    this.parents = this.parents.slice(0, n);
    this.nameEnds = this.nameEnds.slice(0, n);
    this.hashes = this.hashes.slice(0, n);
    const pool = Buffer.allocUnsafeSlow(this.poolUsed);
    this.pool.copy(pool, 0, 0, this.poolUsed);
    this.pool = pool;
    // A table made with room for more paths than came keeps a hash table sized for them: shrink it.
    let slots = 16;
    while (slots * MAX_LOAD < n) slots *= 2;
    if (slots < this.slots.length) {
      this.slots = new Int32Array(slots);
      this.mask = slots - 1;
      for (let id = 1; id < n; id++) this.place(id, this.hashes[id] as number);
    }
  }

  /** The table as it is stored (see fromParts): each id's parent, where its name ends in the pool, and the pool. */
  parts(): { parents: Int32Array; nameEnds: Uint32Array; pool: Buffer } {
    const n = this.count;
    return { parents: this.parents.subarray(0, n), nameEnds: this.nameEnds.subarray(0, n), pool: this.pool.subarray(0, this.poolUsed) };
  }

  /**
   * A table from what parts() gave, checked as untrusted input (a cache file): parents come before their
   * children, names are non-empty, hold no "/" or NUL and are not "." or "..", and no (parent, name) repeats.
   * Hashes are made anew with this process's seed. Throws a plain Error naming the fault.
   */
  static fromParts(parents: Int32Array, nameEnds: Uint32Array, pool: Buffer): PathTable {
    const n = parents.length;
    if (n < 1 || nameEnds.length !== n || parents[0] !== -1 || nameEnds[0] !== 0) throw new Error('path table: bad root');
    if (nameEnds[n - 1] !== pool.length) throw new Error('path table: names do not fill the pool');
    const t = new PathTable(n, Math.max(64, pool.length));
    pool.copy(t.pool, 0);
    t.poolUsed = pool.length;
    for (let id = 1; id < n; id++) {
      const parent = parents[id] as number;
      const begin = nameEnds[id - 1] as number;
      const end = nameEnds[id] as number;
      if (parent < 0 || parent >= id) throw new Error(`path table: id ${id} has parent ${parent}`);
      if (end <= begin || end > pool.length) throw new Error(`path table: id ${id} has a bad name`);
      if (end - begin <= 2 && pool[begin] === 0x2e && (end - begin === 1 || pool[begin + 1] === 0x2e)) throw new Error(`path table: id ${id} is named "." or ".."`);
      for (let i = begin; i < end; i++) {
        const b = pool[i] as number;
        if (b === 0x2f || b === 0) throw new Error(`path table: id ${id} has "/" or NUL in its name`);
        if (b >= 0x80) t.ascii = false;
      }
      if (t.childOfBytes(parent, pool, begin, end, false) >= 0) throw new Error(`path table: id ${id} repeats a name`);
      let h = start(parent);
      for (let i = begin; i < end; i++) h = Math.imul(h ^ (pool[i] as number), 0x01000193);
      h = finish(h);
      t.parents[id] = parent;
      t.nameEnds[id] = end;
      t.hashes[id] = h;
      t.count = id + 1;
      t.place(id, h);
    }
    return t;
  }

  /** Bytes of names held. */
  get nameBytes(): number {
    return this.poolUsed;
  }
}

function start(parent: number): number {
  return (SEED ^ Math.imul(parent + 1, 0x9e3779b1)) >>> 0;
}

/** FNV-1a's weak low bits, mixed (murmur3's finaliser): the table indexes by the low bits. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function grown<T extends Int32Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
