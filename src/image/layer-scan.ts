// Summarises one layer tar as it streams by: the entries it adds, replaces or deletes (no content kept).

import { TarScanner, type TarHeader, type TarSink } from './tar-scanner.js';
import type { FileEntry } from './types.js';
import { safeLayerPath } from './paths.js';
import { captureLimit, compactCapture, LAYER_CAPTURE_CAP } from './captured-files.js';

/** What one layer does to the filesystem below it. */
export interface LayerChanges {
  /**
   * Paths the layer adds or replaces, in tar order. These objects become the final filesystem's entries
   * (their `layer` is set when the layer is applied): one allocation per path, which keeps memory flat.
   */
  puts: FileEntry[];
  /** Paths deleted (with everything below them) from lower layers. */
  whiteouts: string[];
  /** Directories whose lower contents are hidden. */
  opaques: string[];
}

export interface ScannedLayer extends LayerChanges {
  /** Content of the package databases this layer writes (captured-files.ts says which, and in what form). */
  captured: Map<string, Buffer>;
  /** Bytes of regular-file content. */
  size: number;
  fileCount: number;
  /** Length of the uncompressed tar stream. */
  tarBytes: number;
}

const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';

export class LayerScan implements TarSink {
  readonly puts: FileEntry[] = [];
  readonly whiteouts: string[] = [];
  readonly opaques: string[] = [];
  readonly captured = new Map<string, Buffer>();
  private capturing: { path: string; parts: Buffer[] } | null = null;
  private capturedBytes = 0;
  size = 0;
  fileCount = 0;
  private readonly scanner = new TarScanner(this);

  push(chunk: Buffer): void {
    this.scanner.push(chunk);
  }

  finish(): ScannedLayer {
    this.scanner.end();
    const { puts, whiteouts, opaques, size, fileCount, captured } = this;
    return { puts, whiteouts, opaques, size, fileCount, captured, tarBytes: this.scanner.bytes };
  }

  data(chunk: Buffer): void {
    this.capturing?.parts.push(Buffer.from(chunk));
  }

  entryEnd(): void {
    if (!this.capturing) return;
    const kept = compactCapture(this.capturing.path, Buffer.concat(this.capturing.parts));
    if (kept) this.captured.set(this.capturing.path, kept);
    this.capturedBytes += kept?.length ?? 0;
    this.capturing = null;
  }

  entry(h: TarHeader): boolean {
    const path = safeLayerPath(h.path);
    if (path === '/') return false; // the root directory itself
    const slash = path.lastIndexOf('/');
    const base = path.slice(slash + 1);
    if (base.startsWith(WHITEOUT_PREFIX)) {
      const dir = slash === 0 ? '/' : path.slice(0, slash);
      if (base === OPAQUE_MARKER) this.opaques.push(dir);
      else if (!base.startsWith('.wh..wh.')) {
        // ".wh..wh.*" other than the opaque marker are aufs bookkeeping (e.g. .wh..wh.plnk): not paths
        this.whiteouts.push((dir === '/' ? '' : dir) + '/' + base.slice(WHITEOUT_PREFIX.length));
      }
      return false;
    }
    let linkTarget: string | null = null;
    if (h.type === 'symlink') linkTarget = h.linkname;
    else if (h.type === 'hardlink') linkTarget = safeLayerPath(h.linkname);
    if (h.type === 'file') this.size += h.size;
    if (h.type !== 'dir') this.fileCount++;
    this.puts.push({ path, type: h.type, size: h.type === 'file' ? h.size : 0, mode: h.mode & 0o7777, linkTarget, layer: -1 });
    this.captured.delete(path); // replaced: by this entry's content when it is captured, else by something unread
    if (h.type === 'file' && h.size <= captureLimit(path) && this.capturedBytes + h.size <= LAYER_CAPTURE_CAP) {
      this.capturing = { path, parts: [] };
      return true;
    }
    return false;
  }
}
