// An OCI image layout directory (`buildx --output type=oci,tar=false`, `skopeo copy … oci:DIR`) read in place,
// without tarring it: index.json → (nested indexes) → the platforms asked for → manifest → config → layer
// blobs streamed from their files into the same layer scanner and assembly the registry reader uses. Every
// blob's size and digest is checked as it is read: the directory may be a partial or tampered copy.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { assembleImage, platformOf, type RawConfig } from '../image/assemble-image.js';
import { scanLayerStream } from '../image/scan-layer-stream.js';
import type { RunLayerCache } from '../image/run-layer-cache.js';
import { ImageSourceError } from '../image/source-error.js';
import type { ImageModel } from '../image/types.js';
import { allLimit } from '../lib/settle-limit.js';
import { quoted } from '../lib/one-line.js';
import { MAX_CONFIG_BYTES, MAX_MANIFEST_BYTES, parseManifest, type Descriptor, type ImageManifest } from '../registry/manifest.js';
import { choosePlatforms, hostPlatform, type PlatformRequest } from '../registry/platform.js';

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
  /** Layer bytes read so far, for this call. */
  onProgress?: ((bytes: number) => void) | undefined;
}

const MAX_NESTING = 4;

/** The images of the layout for a platform request (undefined: the host's platform, else the only one). */
export async function readOciDir(dir: string, request: PlatformRequest, opts: OciDirOptions): Promise<OciDirImages> {
  const layout = new Layout(dir);
  const images = await layout.images();
  const choice = choosePlatforms(images, request, hostPlatform());
  let bytes = 0;
  const progress = (n: number): void => opts.onProgress?.((bytes += n));
  const models: ImageModel[] = [];
  for (const { desc, platform } of choice.chosen) models.push(await layout.read(desc, platform, opts.runLayers, progress));
  return { models, available: choice.available, missing: choice.missing };
}

class Layout {
  private readonly what: string;
  constructor(private readonly dir: string) {
    this.what = `the OCI layout ${quoted(dir)}`;
  }

  /** Image manifests reachable from index.json, with their platforms (from the index, else their configs). */
  async images(): Promise<Descriptor[]> {
    const found: Descriptor[] = [];
    const visit = async (bytes: Buffer, label: string, depth: number): Promise<void> => {
      const parsed = parseManifest(bytes, undefined, label);
      if (parsed.kind !== 'index') throw new ImageSourceError(`${label} is not an image index`);
      for (const desc of parsed.manifests) {
        if (desc.annotations?.['vnd.docker.reference.type'] !== undefined) continue; // attestations
        const body = await this.blob(desc, MAX_MANIFEST_BYTES);
        const inner = parseManifest(body, desc.mediaType, `${this.what} (${desc.digest})`);
        if (inner.kind === 'index') {
          if (depth < MAX_NESTING) await visit(body, `${this.what} (${desc.digest})`, depth + 1);
          continue;
        }
        found.push(desc.platform?.os && desc.platform.architecture ? desc : { ...desc, platform: await this.configPlatform(inner.manifest) });
      }
    };
    const index = await readFile(join(this.dir, 'index.json')).catch(() => {
      throw new ImageSourceError(`${this.what} has no readable index.json`);
    });
    if (index.length > MAX_MANIFEST_BYTES) throw new ImageSourceError(`the index.json of ${this.what} is larger than ${MAX_MANIFEST_BYTES} bytes`);
    await visit(index, `the index.json of ${this.what}`, 0);
    if (found.length === 0) throw new ImageSourceError(`${this.what} holds no image manifest`);
    return found;
  }

  async read(desc: Descriptor, platform: string, runLayers: RunLayerCache, progress: (n: number) => void): Promise<ImageModel> {
    const parsed = parseManifest(await this.blob(desc, MAX_MANIFEST_BYTES), desc.mediaType, `${this.what} (${platform})`);
    if (parsed.kind !== 'image') throw new ImageSourceError(`${this.what} nests another index for ${platform}: not supported`);
    const { manifest } = parsed;
    const configBytes = await this.blob(manifest.config, MAX_CONFIG_BYTES);
    const config = this.parseConfig(configBytes, manifest);
    const scanned = await allLimit(manifest.layers, 4, async (layer) => {
      const s = await runLayers.get(layer.digest, async () => ({ ...(await this.scan(layer, progress)), estimate: null }));
      return { ...s, digest: layer.digest, compressedSize: s.compression === 'none' ? null : layer.size, compressedSizeExact: s.compression !== 'none' };
    });
    return assembleImage({ configBytes, config, format: 'oci', layers: scanned, annotations: manifest.annotations });
  }

  private parseConfig(bytes: Buffer, manifest: ImageManifest): RawConfig {
    let config: RawConfig;
    try {
      config = JSON.parse(bytes.toString('utf8')) as RawConfig;
    } catch {
      throw new ImageSourceError(`the image config ${manifest.config.digest} in ${this.what} is not valid JSON`);
    }
    const diffIds = config.rootfs?.diff_ids ?? [];
    if (diffIds.length !== manifest.layers.length) {
      throw new ImageSourceError(`the image config in ${this.what} lists ${diffIds.length} layer(s) but its manifest ${manifest.layers.length}`);
    }
    return config;
  }

  private async configPlatform(manifest: ImageManifest): Promise<Descriptor['platform']> {
    const config = this.parseConfig(await this.blob(manifest.config, MAX_CONFIG_BYTES), manifest);
    const [os, architecture, variant] = platformOf(config).split('/');
    return { ...(os ? { os } : {}), ...(architecture ? { architecture } : {}), ...(variant ? { variant } : {}) };
  }

  private path(desc: Descriptor): string {
    const [algo, hex] = desc.digest.split(':') as [string, string]; // parseManifest checked the digest's form
    return join(this.dir, 'blobs', algo, hex);
  }

  /** A small blob whole, size and digest checked. */
  private async blob(desc: Descriptor, max: number): Promise<Buffer> {
    if (desc.size > max) throw new ImageSourceError(`blob ${desc.digest} of ${this.what} is larger than ${max} bytes`);
    const bytes = await readFile(this.path(desc)).catch((err: NodeJS.ErrnoException) => {
      throw new ImageSourceError(`${this.what} lacks blob ${desc.digest}${err.code === 'ENOENT' ? '' : ` (${err.code ?? err.message})`}`);
    });
    this.verify(desc, bytes.length, digestOf(desc.digest, [bytes]));
    return bytes;
  }

  /** A layer blob streamed into the scanner; its size and digest are checked once it has been read. */
  private async scan(desc: Descriptor, progress: (n: number) => void): ReturnType<typeof scanLayerStream> {
    const path = this.path(desc);
    const st = await stat(path).catch(() => null);
    if (!st?.isFile()) throw new ImageSourceError(`${this.what} lacks blob ${desc.digest}`);
    if (st.size !== desc.size) this.verify(desc, st.size, '');
    const hash = createHash(desc.digest.startsWith('sha512:') ? 'sha512' : 'sha256');
    let read = 0;
    async function* chunks(): AsyncGenerator<Buffer> {
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        read += chunk.length;
        progress(chunk.length);
        yield chunk;
      }
    }
    try {
      const scanned = await scanLayerStream(chunks(), `layer ${desc.digest} of ${this.what}`);
      this.verify(desc, read, `${desc.digest.split(':')[0]}:${hash.digest('hex')}`);
      return scanned;
    } catch (err) {
      // Bad bytes that the scanner stumbled on first: name the digest mismatch when that is what it is.
      if (!(err instanceof ImageSourceError && /digest mismatch|bytes, its manifest/.test(err.message))) {
        const whole = await digestOfFile(path, desc.digest).catch(() => null);
        if (whole !== null && whole !== desc.digest) this.verify(desc, desc.size, whole);
      }
      throw err;
    }
  }

  private verify(desc: Descriptor, size: number, digest: string): void {
    if (size !== desc.size) throw new ImageSourceError(`blob ${desc.digest} of ${this.what} has ${size} bytes, its manifest says ${desc.size}`);
    if (digest && digest !== desc.digest) throw new ImageSourceError(`digest mismatch for blob ${desc.digest} of ${this.what}: its content has digest ${digest}`);
  }
}

function digestOf(expected: string, parts: Buffer[]): string {
  const algo = expected.startsWith('sha512:') ? 'sha512' : 'sha256';
  const hash = createHash(algo);
  for (const p of parts) hash.update(p);
  return `${algo}:${hash.digest('hex')}`;
}

async function digestOfFile(path: string, expected: string): Promise<string> {
  const algo = expected.startsWith('sha512:') ? 'sha512' : 'sha256';
  const hash = createHash(algo);
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return `${algo}:${hash.digest('hex')}`;
}
