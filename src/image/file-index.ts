// The final filesystem as the rest of the program reads it: a read-only Map from absolute path to FileEntry,
// backed by the compact arrays final-filesystem.ts fills. Entries are made when asked for, so holding an
// image costs ~50 bytes per path instead of a Map entry, a path string, a tree node and an object each.

import { FILE_TYPES, TYPE_CODE } from './layer-scan.js';
import type { PathTable } from './path-table.js';
import type { FileEntry } from './types.js';

const DIR = TYPE_CODE.dir;
const SYMLINK = TYPE_CODE.symlink;
const HARDLINK = TYPE_CODE.hardlink;

export interface FileColumns {
  paths: PathTable;
  /** 1 for the ids present in the final filesystem (the root, id 0, is never listed). */
  present: Uint8Array;
  types: Uint8Array;
  modes: Uint16Array;
  layers: Uint16Array | Uint32Array;
  sizes: Float64Array;
  /** Symlink targets as written and hardlink targets (absolute), by id. */
  links: Map<number, string>;
  /** The tree, for walking it: each present id's first child and next sibling (0: none; the root is no one's child). */
  firstChild: Int32Array;
  nextSibling: Int32Array;
  count: number;
}

export class FileIndex implements ReadonlyMap<string, FileEntry> {
  readonly size: number;

  constructor(private readonly c: FileColumns) {
    this.size = c.count;
  }

  /** The arrays behind the map (read-only: for serialising the index, see model-codec.ts). */
  get columns(): Readonly<FileColumns> {
    return this.c;
  }

  get(path: string): FileEntry | undefined {
    const id = this.c.paths.lookup(path);
    return id > 0 && this.c.present[id] === 1 ? this.entry(id, path) : undefined;
  }

  has(path: string): boolean {
    const id = this.c.paths.lookup(path);
    return id > 0 && this.c.present[id] === 1;
  }

  /**
   * Depth first, siblings in the order the layers made them. Only the directories on the way down are
   * held (as path prefixes), so walking a million paths makes short-lived garbage only.
   */
  *entries(): MapIterator<[string, FileEntry]> {
    const { paths, types, firstChild, nextSibling } = this.c;
    const resume: number[] = []; // where to go on in each directory above
    const prefixes: string[] = [];
    let prefix = '';
    let id = firstChild[0] as number;
    for (;;) {
      while (id === 0) {
        if (resume.length === 0) return undefined;
        id = resume.pop() as number;
        prefix = prefixes.pop() as string;
      }
      const path = prefix + '/' + paths.name(id);
      yield [path, this.entry(id, path)];
      const next = nextSibling[id] as number;
      const child = firstChild[id] as number;
      if (child !== 0 && types[id] === DIR) {
        resume.push(next);
        prefixes.push(prefix);
        prefix = path;
        id = child;
      } else id = next;
    }
  }

  *keys(): MapIterator<string> {
    for (const [path] of this.entries()) yield path;
    return undefined;
  }

  *values(): MapIterator<FileEntry> {
    for (const [, entry] of this.entries()) yield entry;
    return undefined;
  }

  [Symbol.iterator](): MapIterator<[string, FileEntry]> {
    return this.entries();
  }

  forEach(fn: (value: FileEntry, key: string, map: ReadonlyMap<string, FileEntry>) => void, thisArg?: unknown): void {
    for (const [path, entry] of this.entries()) fn.call(thisArg, entry, path, this);
  }

  private entry(id: number, path: string): FileEntry {
    const { types, modes, layers, sizes, links } = this.c;
    const type = types[id] as number;
    return {
      path,
      type: FILE_TYPES[type] as FileEntry['type'],
      size: sizes[id] as number,
      mode: modes[id] as number,
      linkTarget: type === SYMLINK || type === HARDLINK ? (links.get(id) ?? null) : null,
      layer: layers[id] as number,
    };
  }
}

/** The tree of present paths, for walking: each path's first child and next sibling, siblings in id order (the order the layers made them). */
export function presentTree(paths: PathTable, present: Uint8Array): { firstChild: Int32Array; nextSibling: Int32Array } {
  const n = paths.count;
  const firstChild = new Int32Array(n);
  const nextSibling = new Int32Array(n);
  const lastChild = new Int32Array(n);
  for (let id = 1; id < n; id++) {
    if (present[id] !== 1) continue;
    const parent = paths.parent(id);
    if (firstChild[parent] === 0) firstChild[parent] = id;
    else nextSibling[lastChild[parent] as number] = id;
    lastChild[parent] = id;
  }
  return { firstChild, nextSibling };
}
