// Collects the members of an image archive (the outer tar) as they stream by. Archives order their blobs
// freely — a manifest or config may come after the layers — so every member is classified by its first
// bytes and summarised on the fly: layer blobs become ScannedLayers (content never kept), small JSON
// documents are kept whole, links between members are remembered, and the rest is skipped.

import { DigestVerifier } from '../oci/digest.js';
import { UserError } from '../model/errors.js';
import { createGunzip, type Gunzip } from 'node:zlib';
import * as zlib from 'node:zlib';
import type { Transform } from 'node:stream';
import { LayerScan, type ScannedLayer } from './layer-scan.js';
import { safeArchivePath, resolveArchiveLink, UnsafePathError } from './paths.js';
import { oneLine } from '../lib/one-line.js';
import { TarFormatError, type TarHeader, type TarSink } from './tar-scanner.js';
import type { Compression } from './types.js';
import { startGzipEstimate, type CompressedSizeMode } from './compressed-estimate.js';
import { cacheableDigest, type CachedLayer, type DiskLayerCache } from './cached-layer.js';

export class ImageArchiveError extends UserError {}

export type Member =
  | { kind: 'json'; data: Buffer }
  | {
      kind: 'layer';
      result: Promise<ScannedLayer>;
      compression: Compression;
      blobBytes: number;
      /** gzip estimate of an uncompressed blob, when asked for */
      estimate: Promise<number> | null;
    }
  | { kind: 'link'; target: string }
  | { kind: 'other'; bytes: number };

const SNIFF_BYTES = 512;
const MAX_JSON_BYTES = 32 << 20; // manifests and configs are kilobytes; a big one is not ours to parse

type Handler = { push(chunk: Buffer): void; end(): void };

export interface MemberOptions {
  /** 'auto': estimate the compressed size of uncompressed layers; 'exact' and 'off' do not. */
  compressedSize?: CompressedSizeMode;
  /** Estimates already made, by blob digest: a layer shared by base and head is compressed once. */
  estimates?: Map<string, number>;
  /** The disk layer cache (scans kept between runs): a blob it knows (by its digest) is not scanned again, a new one is kept. */
  diskLayers?: DiskLayerCache | undefined;
}

export class ArchiveMembers implements TarSink {
  readonly members = new Map<string, Member>();
  /** Set while a decompressor is full: the reader waits for it before pushing more input. */
  waitFor: Promise<unknown> | null = null;
  /** First failure of a layer that is decompressed asynchronously. */
  failure: unknown = null;

  private path = '';
  private size = 0;
  private sniff: Buffer[] = [];
  private sniffed = 0;
  private handler: Handler | null = null;
  private skipping = false;

  constructor(private readonly opts: MemberOptions = {}) {}

  entry(h: TarHeader): boolean {
    this.path = safeArchivePath(h.path);
    this.size = h.size;
    this.sniff = [];
    this.sniffed = 0;
    this.handler = null;
    this.skipping = false;
    if (h.type === 'symlink' || h.type === 'hardlink') {
      const target = h.type === 'symlink' ? resolveArchiveLink(this.path, h.linkname) : safeArchivePath(h.linkname);
      this.members.set(this.path, { kind: 'link', target });
      this.skipping = true;
    } else if (h.type !== 'file') {
      this.skipping = true;
    }
    return !this.skipping;
  }

  data(chunk: Buffer): void {
    if (this.skipping) return;
    if (this.handler) {
      this.handler.push(chunk);
      return;
    }
    this.sniff.push(chunk);
    this.sniffed += chunk.length;
    if (this.sniffed >= SNIFF_BYTES) this.classify();
  }

  entryEnd(): void {
    if (this.skipping) return;
    if (!this.handler) this.classify();
    this.handler?.end();
    this.handler = null;
  }

  private classify(): void {
    const head = this.sniff.length === 1 ? (this.sniff[0] as Buffer) : Buffer.concat(this.sniff);
    this.sniff = [];
    const path = this.path;
    const kind = sniffKind(head);
    if (kind === 'json' && this.size <= MAX_JSON_BYTES) {
      this.handler = this.jsonHandler(path);
    } else if (kind === 'tar' || kind === 'gzip' || kind === 'zstd') {
      const named = this.opts.diskLayers ? blobDigest(path) : null;
      const digest = named && cacheableDigest(named) ? named : null;
      const cached = digest ? this.cachedLayer(digest, kind) : null;
      if (digest && cached) this.handler = this.cachedLayerHandler(path, digest, cached);
      else {
        this.handler = kind === 'tar' ? this.syncLayerHandler(path) : this.asyncLayerHandler(path, kind);
        if (digest) this.handler = this.cachingHandler(path, digest, this.handler);
      }
    } else {
      this.members.set(path, { kind: 'other', bytes: this.size });
      this.skipping = true;
      return;
    }
    this.handler.push(head);
  }

  private jsonHandler(path: string): Handler {
    const parts: Buffer[] = [];
    return {
      push: (chunk) => parts.push(Buffer.from(chunk)),
      end: () => this.members.set(path, { kind: 'json', data: Buffer.concat(parts) }),
    };
  }

  /** A layer the disk layer cache knows, usable for this run (with an estimate when one is wanted), or null. */
  private cachedLayer(digest: string, kind: 'tar' | 'gzip' | 'zstd'): CachedLayer | null {
    const cached = this.opts.diskLayers?.lookup(digest) ?? null;
    if (!cached || cached.compression !== (kind === 'tar' ? 'none' : kind)) return null;
    if (kind === 'tar' && this.opts.compressedSize === 'auto' && cached.estimate === null) return null;
    return cached;
  }

  /**
   * A blob whose scan the disk layer cache has: not scanned (nor estimated) again, only hashed as it passes,
   * and refused when it is not the content its name says (the cached scan would describe other bytes).
   */
  private cachedLayerHandler(path: string, digest: string, cached: CachedLayer): Handler {
    const hash = new DigestVerifier(digest);
    const blobBytes = this.size;
    return {
      push: (chunk) => void hash.update(chunk),
      end: () => {
        if (!hash.matches()) {
          throw new ImageArchiveError(`the blob "${oneLine(path, 200)}" does not match its digest`);
        }
        // a kept estimate is used as a fresh one would be: for an uncompressed blob, when estimates are asked for
        const wanted = cached.compression === 'none' && this.opts.compressedSize === 'auto';
        const estimate = wanted && cached.estimate !== null ? Promise.resolve(cached.estimate) : null;
        if (estimate) this.opts.estimates?.set(digest, cached.estimate as number);
        this.members.set(path, { kind: 'layer', result: Promise.resolve(cached.layer), compression: cached.compression, blobBytes, estimate });
      },
    };
  }

  /** Hashes a blob as it is scanned; when the bytes match the digest its name gives, the scan is kept in the disk layer cache. */
  private cachingHandler(path: string, digest: string, inner: Handler): Handler {
    const hash = new DigestVerifier(digest);
    return {
      push: (chunk) => {
        hash.update(chunk);
        inner.push(chunk);
      },
      end: () => {
        inner.end();
        if (!hash.matches()) return; // not content-addressed: not kept
        const m = this.members.get(path);
        const disk = this.opts.diskLayers;
        if (m?.kind !== 'layer' || !disk) return;
        void Promise.all([m.result, m.estimate]).then(
          ([layer, estimate]) => disk.save(digest, { layer, compression: m.compression, estimate: estimate ?? this.opts.estimates?.get(digest) ?? null }),
          () => undefined, // a failed layer is reported by the read, and not kept
        );
      },
    };
  }

  /** Uncompressed layer tar: scanned synchronously, in the reader's own loop. */
  private syncLayerHandler(path: string): Handler {
    const scan = new LayerScan();
    const blobBytes = this.size;
    const digest = blobDigest(path);
    const wantEstimate = this.opts.compressedSize === 'auto' && !(digest && this.opts.estimates?.has(digest));
    const estimator = wantEstimate ? startGzipEstimate(blobBytes) : null;
    return {
      push: (chunk) => {
        try {
          scan.push(chunk);
        } catch (err) {
          throw layerError(path, 'tar', err as Error);
        }
        if (estimator && !estimator.write(chunk)) this.waitFor ??= estimator.ready();
      },
      end: () => {
        let layer: ScannedLayer;
        try {
          layer = scan.finish();
        } catch (err) {
          throw layerError(path, 'tar', err as Error);
        }
        estimator?.end();
        const estimate = estimator ? estimator.result : null;
        if (estimate && digest) void estimate.then((n) => this.opts.estimates?.set(digest, n), () => undefined);
        this.members.set(path, { kind: 'layer', result: Promise.resolve(layer), compression: 'none', blobBytes, estimate });
      },
    };
  }

  /** Compressed layer: zlib inflates on libuv's thread pool while the reader goes on with the archive. */
  private asyncLayerHandler(path: string, compression: 'gzip' | 'zstd'): Handler {
    const dec = makeDecompressor(compression);
    const scan = new LayerScan();
    const result = new Promise<ScannedLayer>((resolve, reject) => {
      dec.on('data', (chunk: Buffer) => {
        try {
          scan.push(chunk);
        } catch (err) {
          dec.destroy(err as Error);
        }
      });
      dec.on('end', () => {
        try {
          resolve(scan.finish());
        } catch (err) {
          reject(layerError(path, compression, err as Error));
        }
      });
      dec.on('error', (err: Error) => reject(layerError(path, compression, err)));
    });
    result.catch((err: unknown) => {
      this.failure ??= err;
    });
    this.members.set(path, { kind: 'layer', result, compression, blobBytes: this.size, estimate: null });
    return {
      push: (chunk) => {
        if (!dec.write(chunk)) this.waitFor ??= drained(dec);
      },
      end: () => dec.end(),
    };
  }
}

function drained(stream: Transform): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done); // the failure itself is reported through the layer's result
    stream.on('close', done);
  });
}

export function makeDecompressor(compression: 'gzip' | 'zstd'): Transform {
  if (compression === 'gzip') return createGunzip({ chunkSize: 256 * 1024 }) as Gunzip;
  const create = (zlib as unknown as { createZstdDecompress?: (o?: object) => Transform }).createZstdDecompress;
  if (!create) {
    throw new ImageArchiveError(`zstd-compressed layers need Node.js 22.15 or newer (this is ${process.version})`);
  }
  return create({ chunkSize: 256 * 1024 });
}

function layerError(path: string, format: string, err: Error): Error {
  if (err instanceof ImageArchiveError || err instanceof UnsafePathError) return err;
  const layer = `layer "${oneLine(path, 200)}"`;
  if (err instanceof TarFormatError) return new ImageArchiveError(`${layer}: ${err.message.replace(/^the tar stream/, 'its tar')}`);
  return new ImageArchiveError(`${layer} is not valid ${format} data (${err.message})`);
}

type SniffKind = 'json' | 'tar' | 'gzip' | 'zstd' | 'unknown';

export function sniffKind(head: Buffer): SniffKind {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  if (head.length >= SNIFF_BYTES) {
    if (head.toString('latin1', 257, 262) === 'ustar') return 'tar';
    if (head.subarray(0, SNIFF_BYTES).every((b) => b === 0)) return 'tar'; // an empty layer
  }
  for (const b of head) {
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    return b === 0x7b || b === 0x5b ? 'json' : 'unknown';
  }
  return 'unknown';
}

/** "blobs/sha256/<hex>" → "sha256:<hex>"; null for other member names (legacy "<id>/layer.tar"). */
export function blobDigest(path: string): string | null {
  const m = /^blobs\/([a-z0-9]+)\/([a-f0-9]{32,})$/.exec(path);
  return m ? `${m[1]}:${m[2]}` : null;
}
