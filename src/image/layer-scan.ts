// Summarises one layer tar as it streams by: the entries it adds, replaces or deletes (no content kept).
// Entries are kept compactly until the layers are applied in manifest order: paths interned in the layer's
// own PathTable, attributes in typed arrays (~15 bytes per entry plus the table's ~25 plus the name).

import { TarScanner, type TarHeader, type TarSink } from './tar-scanner.js';
import type { FileType } from './types.js';
import { safeLayerPath } from './paths.js';
import { PathTable } from './path-table.js';

/** FileType ↔ the byte stored per entry. */
export const FILE_TYPES: readonly FileType[] = ['file', 'dir', 'symlink', 'hardlink', 'char', 'block', 'fifo', 'other'];
export const TYPE_CODE: Readonly<Record<FileType, number>> = Object.fromEntries(FILE_TYPES.map((t, i) => [t, i])) as Record<FileType, number>;

/** The entries a layer adds or replaces, in tar order. */
export class PutLog {
  count = 0;
  /** Path ids in the layer's PathTable. */
  ids = new Int32Array(64);
  types = new Uint8Array(64);
  modes = new Uint16Array(64);
  sizes = new Float64Array(64);
  /** By entry index: a symlink's target as written, or the absolute path a hardlink points at. */
  readonly links = new Map<number, string>();

  push(id: number, type: FileType, mode: number, size: number, link: string | null): void {
    const i = this.count;
    if (i === this.ids.length) this.resize(i * 2);
    this.ids[i] = id;
    this.types[i] = TYPE_CODE[type];
    this.modes[i] = mode & 0o7777;
    this.sizes[i] = size;
    if (link !== null) this.links.set(i, link);
    this.count++;
  }

  /** Drops spare capacity (the log is complete). */
  compact(): void {
    this.resize(this.count);
  }

  private resize(n: number): void {
    const ids = new Int32Array(n);
    const types = new Uint8Array(n);
    const modes = new Uint16Array(n);
    const sizes = new Float64Array(n);
    const keep = Math.min(n, this.count);
    ids.set(this.ids.subarray(0, keep));
    types.set(this.types.subarray(0, keep));
    modes.set(this.modes.subarray(0, keep));
    sizes.set(this.sizes.subarray(0, keep));
    this.ids = ids;
    this.types = types;
    this.modes = modes;
    this.sizes = sizes;
  }
}

/** What one layer does to the filesystem below it. */
export interface LayerChanges {
  paths: PathTable;
  puts: PutLog;
  /** Paths (ids in `paths`) deleted, with everything below them, from lower layers. */
  whiteouts: number[];
  /** Directories (ids in `paths`) whose lower contents are hidden. */
  opaques: number[];
}

/** Small files whose content the findings read (package databases), kept from every layer that writes them. */
export const CAPTURED_PATHS: ReadonlySet<string> = new Set(['/var/lib/dpkg/status', '/lib/apk/db/installed']);
const MAX_CAPTURE_BYTES = 32 << 20;

export interface ScannedLayer extends LayerChanges {
  /** Content of CAPTURED_PATHS written by this layer. */
  captured: Map<string, Buffer>;
  /** Bytes of regular-file content. */
  size: number;
  fileCount: number;
  /** Length of the uncompressed tar stream. */
  tarBytes: number;
}

export function emptyLayer(): ScannedLayer {
  return { paths: new PathTable(16), puts: new PutLog(), whiteouts: [], opaques: [], captured: new Map(), size: 0, fileCount: 0, tarBytes: 0 };
}

const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';

export class LayerScan implements TarSink {
  readonly paths = new PathTable();
  readonly puts = new PutLog();
  readonly whiteouts: number[] = [];
  readonly opaques: number[] = [];
  readonly captured = new Map<string, Buffer>();
  private capturing: { path: string; parts: Buffer[] } | null = null;
  size = 0;
  fileCount = 0;
  private readonly scanner = new TarScanner(this);

  push(chunk: Buffer): void {
    this.scanner.push(chunk);
  }

  finish(): ScannedLayer {
    this.scanner.end();
    this.paths.compact();
    this.puts.compact();
    const { paths, puts, whiteouts, opaques, size, fileCount, captured } = this;
    return { paths, puts, whiteouts, opaques, size, fileCount, captured, tarBytes: this.scanner.bytes };
  }

  data(chunk: Buffer): void {
    this.capturing?.parts.push(Buffer.from(chunk));
  }

  entryEnd(): void {
    if (!this.capturing) return;
    this.captured.set(this.capturing.path, Buffer.concat(this.capturing.parts));
    this.capturing = null;
  }

  entry(h: TarHeader): boolean {
    const path = safeLayerPath(h.path);
    if (path === '/') return false; // the root directory itself ("/", "./", kaniko's "/")
    const slash = path.lastIndexOf('/');
    const base = path.slice(slash + 1);
    if (base.startsWith(WHITEOUT_PREFIX)) {
      const dir = slash === 0 ? '/' : path.slice(0, slash);
      if (base === OPAQUE_MARKER) this.opaques.push(this.paths.intern(dir));
      else if (!base.startsWith('.wh..wh.') && base.length > WHITEOUT_PREFIX.length) {
        // ".wh..wh.*" other than the opaque marker are aufs bookkeeping (e.g. .wh..wh.plnk): not paths
        this.whiteouts.push(this.paths.intern((dir === '/' ? '' : dir) + '/' + base.slice(WHITEOUT_PREFIX.length)));
      }
      return false;
    }
    let linkTarget: string | null = null;
    if (h.type === 'symlink') linkTarget = h.linkname;
    else if (h.type === 'hardlink') linkTarget = safeLayerPath(h.linkname, 'hardlink target');
    if (h.type === 'file') this.size += h.size;
    if (h.type !== 'dir') this.fileCount++;
    this.puts.push(this.paths.intern(path), h.type, h.mode, h.type === 'file' ? h.size : 0, linkTarget);
    if (h.type === 'file' && CAPTURED_PATHS.has(path) && h.size <= MAX_CAPTURE_BYTES) {
      this.capturing = { path, parts: [] };
      return true;
    }
    this.captured.delete(path); // replaced by something we do not read
    return false;
  }
}
