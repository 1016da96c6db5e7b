// Summarises one layer tar as it streams by: the entries it adds, replaces or deletes (no content kept).

import { TarScanner, type TarHeader, type TarSink } from './tar-scanner.js';
import type { FileType } from './types.js';
import { safeLayerPath } from './paths.js';

export type LayerOp =
  | { op: 'put'; path: string; type: FileType; size: number; mode: number; linkTarget: string | null }
  | { op: 'whiteout'; path: string } // delete path (and everything below it) from lower layers
  | { op: 'opaque'; path: string }; // hide everything lower layers had below this directory

export interface ScannedLayer {
  ops: LayerOp[];
  /** Bytes of regular-file content. */
  size: number;
  fileCount: number;
  /** Length of the uncompressed tar stream. */
  tarBytes: number;
}

const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';

export class LayerScan implements TarSink {
  readonly ops: LayerOp[] = [];
  size = 0;
  fileCount = 0;
  private readonly scanner = new TarScanner(this);

  push(chunk: Buffer): void {
    this.scanner.push(chunk);
  }

  finish(): ScannedLayer {
    this.scanner.end();
    return { ops: this.ops, size: this.size, fileCount: this.fileCount, tarBytes: this.scanner.bytes };
  }

  entry(h: TarHeader): void {
    const path = safeLayerPath(h.path);
    if (path === '/') return; // the root directory itself
    const slash = path.lastIndexOf('/');
    const base = path.slice(slash + 1);
    if (base.startsWith(WHITEOUT_PREFIX)) {
      const dir = slash === 0 ? '/' : path.slice(0, slash);
      if (base === OPAQUE_MARKER) this.ops.push({ op: 'opaque', path: dir });
      else if (!base.startsWith('.wh..wh.')) {
        // ".wh..wh.*" other than the opaque marker are aufs bookkeeping (e.g. .wh..wh.plnk): not paths
        this.ops.push({ op: 'whiteout', path: (dir === '/' ? '' : dir) + '/' + base.slice(WHITEOUT_PREFIX.length) });
      }
      return;
    }
    let linkTarget: string | null = null;
    if (h.type === 'symlink') linkTarget = h.linkname;
    else if (h.type === 'hardlink') linkTarget = safeLayerPath(h.linkname);
    if (h.type === 'file') this.size += h.size;
    if (h.type !== 'dir') this.fileCount++;
    this.ops.push({ op: 'put', path, type: h.type, size: h.type === 'file' ? h.size : 0, mode: h.mode & 0o7777, linkTarget });
  }
}
