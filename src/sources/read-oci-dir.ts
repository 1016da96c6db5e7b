// An OCI image layout directory (`buildx --output type=oci,tar=false`, `skopeo copy … oci:DIR:REF`, umoci) read
// in place, without tarring it: index.json → the image a ref names (or the only one) → (nested indexes) → the
// platforms asked for → manifest → config → layer blobs streamed from their files into the same layer scanner
// and assembly the registry reader uses. Every blob's size and digest is checked as it is read: the directory
// may be a partial or tampered copy. Uncompressed layers get the same gzip estimate as an archive's.

import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { assembleImage } from '../image/assemble-image.js';
import { startGzipEstimate, type CompressedSizeMode, type Estimator } from '../image/compressed-estimate.js';
import { scanLayerStream } from '../image/scan-layer-stream.js';
import type { CachedLayer } from '../image/cached-layer.js';
import type { RunLayerCache } from '../image/run-layer-cache.js';
import { ImageSourceError } from '../image/source-error.js';
import type { ImageModel } from '../image/types.js';
import { sniffKind } from '../image/archive-members.js';
import { allLimit } from '../lib/settle-limit.js';
import { quoted } from '../lib/one-line.js';
import { parseConfig } from '../oci/config.js';
import { blobPath, DigestVerifier } from '../oci/digest.js';
import { indexImages, type IndexedImage } from '../oci/index-images.js';
import { MAX_CONFIG_BYTES, MAX_MANIFEST_BYTES, parseIndex, type Descriptor } from '../oci/manifest.js';
import { hostPlatform, type PlatformRequest } from '../oci/platform.js';
import { selectImages } from '../oci/select-image.js';

export interface OciDirImages {
  models: ImageModel[];
  /** Every image platform the layout has (for messages). */
  available: string[];
  /** Platforms asked for that it lacks. */
  missing: string[];
}

export interface OciDirOptions {
  /** The run layer cache: blobs scanned by digest (shared with the run's other images). */
  runLayers: RunLayerCache;
  /** The image to read when the layout holds several (an index entry's ref name). */
  ref?: string | undefined;
  /** 'auto' (the default): estimate the compressed size of uncompressed layers. */
  compressedSize?: CompressedSizeMode | undefined;
  /** Estimates by blob digest (shared with the run's other images, as `layers` is). */
  estimates?: Map<string, number> | undefined;
  /** Layer bytes read so far, for this call. */
  onProgress?: ((bytes: number) => void) | undefined;
}

/** The images of the layout for a platform request (undefined: the host's platform, else the only one). */
export async function readOciDir(dir: string, request: PlatformRequest, opts: OciDirOptions): Promise<OciDirImages> {
  const layout = new Layout(dir, opts);
  const images = await layout.images();
  const choice = selectImages(images, { ref: opts.ref, request, host: hostPlatform(), what: layout.what, pick: `oci-dir://${dir}:REF` });
  const models: ImageModel[] = [];
  for (const image of choice.chosen) models.push(await layout.read(image));
  return { models, available: choice.available, missing: choice.missing };
}

class Layout {
  readonly what: string;
  private bytes = 0;
  private readonly estimates: Map<string, number>;

  constructor(
    private readonly dir: string,
    private readonly opts: OciDirOptions,
  ) {
    this.what = `the OCI layout ${quoted(dir)}`;
    this.estimates = opts.estimates ?? new Map();
  }

  /** Image manifests reachable from index.json, with their names and platforms. */
  async images(): Promise<IndexedImage[]> {
    const index = await readFile(join(this.dir, 'index.json')).catch(() => {
      throw new ImageSourceError(`${this.what} has no readable index.json`);
    });
    if (index.length > MAX_MANIFEST_BYTES) throw new ImageSourceError(`the index.json of ${this.what} is larger than ${MAX_MANIFEST_BYTES} bytes`);
    const found = await indexImages(parseIndex(index, `the index.json of ${this.what}`), (desc, max) => this.blob(desc, max), this.what);
    if (found.length === 0) throw new ImageSourceError(`${this.what} holds no image manifest`);
    return found;
  }

  async read({ desc, manifest, platform }: IndexedImage): Promise<ImageModel> {
    const configBytes = await this.blob(manifest.config, MAX_CONFIG_BYTES);
    const config = parseConfig(configBytes, manifest.layers.length, `${this.what} (${platform})`);
    const scanned = await allLimit(manifest.layers, 4, async (layer) => {
      const s = await this.opts.runLayers.get(layer.digest, () => this.scan(layer));
      const estimate = this.estimates.get(layer.digest) ?? null;
      return { ...s, digest: layer.digest, compressedSize: s.compression === 'none' ? estimate : layer.size, compressedSizeExact: s.compression !== 'none' };
    });
    return assembleImage({ configBytes, config, format: 'oci', manifestDigest: desc.digest, layers: scanned, annotations: manifest.annotations });
  }

  private path(desc: Descriptor): string {
    return join(this.dir, blobPath(desc.digest)); // src/oci checked the digest's form
  }

  /** A small blob whole, size and digest checked. */
  private async blob(desc: Descriptor, max: number): Promise<Buffer> {
    if (desc.size > max) throw new ImageSourceError(`blob ${desc.digest} of ${this.what} is larger than ${max} bytes`);
    const bytes = await readFile(this.path(desc)).catch((err: NodeJS.ErrnoException) => {
      throw new ImageSourceError(`${this.what} lacks blob ${desc.digest}${err.code === 'ENOENT' ? '' : ` (${err.code ?? err.message})`}`);
    });
    this.verify(desc, bytes.length, new DigestVerifier(desc.digest).update(bytes).actual());
    return bytes;
  }

  /**
   * A layer blob streamed into the scanner (and, when it is an uncompressed tar and estimates are asked for,
   * into the gzip estimate); its size and digest are checked once it has been read.
   */
  private async scan(desc: Descriptor): Promise<CachedLayer> {
    const path = this.path(desc);
    const st = await stat(path).catch(() => null);
    if (!st?.isFile()) throw new ImageSourceError(`${this.what} lacks blob ${desc.digest}`);
    if (st.size !== desc.size) this.verify(desc, st.size, '');
    const hash = new DigestVerifier(desc.digest);
    const estimating = this.opts.compressedSize !== 'exact' && this.opts.compressedSize !== 'off' && !this.estimates.has(desc.digest);
    const gzip: { estimate: Estimator | null } = { estimate: null };
    const progress = (n: number): void => this.opts.onProgress?.((this.bytes += n));
    let read = 0;
    async function* chunks(): AsyncGenerator<Buffer> {
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
        if (read === 0 && estimating && sniffKind(chunk) === 'tar') gzip.estimate = startGzipEstimate(desc.size);
        hash.update(chunk);
        read += chunk.length;
        progress(chunk.length);
        if (gzip.estimate && !gzip.estimate.write(chunk)) await gzip.estimate.ready();
        yield chunk;
      }
    }
    try {
      const scanned = await scanLayerStream(chunks(), `layer ${desc.digest} of ${this.what}`);
      this.verify(desc, read, hash.actual());
      if (gzip.estimate) await this.keepEstimate(desc.digest, gzip.estimate);
      return { ...scanned, estimate: this.estimates.get(desc.digest) ?? null };
    } catch (err) {
      // Bad bytes that the scanner stumbled on first: name the digest mismatch when that is what it is.
      if (!(err instanceof ImageSourceError && /digest mismatch|bytes, its manifest/.test(err.message))) {
        const whole = await digestOfFile(path, desc.digest).catch(() => null);
        if (whole !== null && whole !== desc.digest) this.verify(desc, desc.size, whole);
      }
      throw err;
    }
  }

  private async keepEstimate(digest: string, estimator: Estimator): Promise<void> {
    estimator.end();
    this.estimates.set(digest, await estimator.result);
  }

  private verify(desc: Descriptor, size: number, digest: string): void {
    if (size !== desc.size) throw new ImageSourceError(`blob ${desc.digest} of ${this.what} has ${size} bytes, its manifest says ${desc.size}`);
    if (digest && digest !== desc.digest) throw new ImageSourceError(`digest mismatch for blob ${desc.digest} of ${this.what}: its content has digest ${digest}`);
  }
}

async function digestOfFile(path: string, expected: string): Promise<string> {
  const hash = new DigestVerifier(expected);
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.actual();
}
