// The final filesystem as the rest of the program reads it: a read-only Map from absolute path to FileEntry,
// backed by the compact arrays final-filesystem.ts fills. Entries are made when asked for, so holding an
// image costs ~40 bytes per path instead of a Map entry, a path string and an object each.

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
  count: number;
}

export class FileIndex implements ReadonlyMap<string, FileEntry> {
  readonly size: number;

  constructor(private readonly c: FileColumns) {
    this.size = c.count;
  }

  get(path: string): FileEntry | undefined {
    const id = this.c.paths.lookup(path);
    return id > 0 && this.c.present[id] === 1 ? this.entry(id, path) : undefined;
  }

  has(path: string): boolean {
    const id = this.c.paths.lookup(path);
    return id > 0 && this.c.present[id] === 1;
  }

  /** Parents come before their children (ids are handed out that way); siblings in the order the layers made them. */
  *entries(): MapIterator<[string, FileEntry]> {
    const { paths, present, types } = this.c;
    const dirs = new Map<number, string>(); // paths of the directories met so far: children are built from them
    for (let id = 1; id < paths.count; id++) {
      if (present[id] !== 1) continue;
      const parent = paths.parent(id);
      const path = (parent === 0 ? '' : (dirs.get(parent) as string)) + '/' + paths.name(id);
      if (types[id] === DIR) dirs.set(id, path);
      yield [path, this.entry(id, path)];
    }
    return undefined;
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
