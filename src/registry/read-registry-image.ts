// Registry reference → ImageModel(s), never touching a Docker daemon: the manifest (or index → the
// platforms asked for), the config (its digest is the image id), and every layer blob streamed, verified
// and scanned, several at a time. Compressed sizes are the manifest's blob sizes: exactly what a pull moves.
//
// Use: one RegistryClient per run (it holds tokens, connections and the run layer cache), e.g.
//   const client = new RegistryClient();
//   const base = await resolveRegistryImages(client, 'ghcr.io/o/app:v1', 'all');   // kilobytes: manifests, configs
//   const head = await resolveRegistryImages(client, 'ghcr.io/o/app:v2', 'all');
//   // pair base.images and head.images by .platform; .missing lists platforms asked for but absent
//   const model = await readResolvedImage(client, head.images[0]);                // layers shared with base: once
//   await client.close();

import { assembleImage } from '../image/assemble-image.js';
import { parseConfig, platformOf, type RawConfig } from '../oci/config.js';
import { MAX_CONFIG_BYTES, parseManifest, type Descriptor, type ImageManifest } from '../oci/manifest.js';
import { choosePlatforms, hasPlatform, hostPlatform, type PlatformRequest } from '../oci/platform.js';
import { oneLine } from '../lib/one-line.js';
import { scanLayerStream } from '../image/scan-layer-stream.js';
import type { ImageModel } from '../image/types.js';
import { RegistryError } from './errors.js';
import { formatReference, manifestReference, parseReference, type ImageReference } from './reference.js';
import type { RegistryClient } from './registry-client.js';

/** One image of a reference, resolved but not downloaded. */
export interface ResolvedImage {
  reference: ImageReference;
  /** From the index entry, or from the config for a single-image reference. */
  platform: string;
  manifestDigest: string;
  manifest: ImageManifest;
  config: Buffer;
  /** The config parsed. */
  rawConfig: RawConfig;
}

export interface ResolvedReference {
  reference: ImageReference;
  /** Digest of what the tag points at (an index or a manifest). */
  digest: string;
  /** Set when the reference is an index. */
  platformsAvailable: string[] | null;
  images: ResolvedImage[];
  /** Platforms asked for that the reference does not have. */
  missing: string[];
}

/** Resolves a reference to its images for the platforms asked for (manifests and configs only: kilobytes). */
export async function resolveRegistryImages(client: RegistryClient, refText: string | ImageReference, request: PlatformRequest): Promise<ResolvedReference> {
  const reference = typeof refText === 'string' ? parseReference(refText) : refText;
  const what = formatReference(reference);
  const top = await client.fetchManifest(reference, manifestReference(reference));
  const parsed = parseManifest(top.bytes, top.contentType, what);
  if (parsed.kind === 'image') {
    const image = await resolveImage(client, reference, top.digest, parsed.manifest, null);
    // A single image has the platform its config says: keep it when it is among those asked for.
    const missing = request === undefined || request === 'all' ? [] : request.filter((p) => !hasPlatform([image], p));
    const wanted = request === undefined || request === 'all' || missing.length < request.length;
    return { reference, digest: top.digest, platformsAvailable: null, images: wanted ? [image] : [], missing };
  }
  const choice = choosePlatforms(parsed.manifests, request, hostPlatform());
  const images = await Promise.all(
    choice.chosen.map(async ({ desc, platform }) => {
      const m = await client.fetchManifest(reference, desc.digest);
      const inner = parseManifest(m.bytes, m.contentType, `${what} (${platform})`);
      if (inner.kind !== 'image') throw new RegistryError(`the index of ${what} nests another index for ${platform}: not supported`);
      return resolveImage(client, reference, desc.digest, inner.manifest, platform);
    }),
  );
  return { reference, digest: top.digest, platformsAvailable: choice.available, images, missing: choice.missing };
}

async function resolveImage(client: RegistryClient, reference: ImageReference, manifestDigest: string, manifest: ImageManifest, platform: string | null): Promise<ResolvedImage> {
  const what = formatReference(reference);
  const config = await client.fetchBlobBytes(reference, manifest.config, MAX_CONFIG_BYTES);
  const rawConfig = parseConfig(config, manifest.layers.length, what);
  return { reference, platform: platform ?? platformOf(rawConfig), manifestDigest, manifest, config, rawConfig };
}

export interface ReadRegistryOptions {
  /** Blob bytes received so far for this image (resumed copies included). */
  onProgress?: (bytes: number) => void;
}

/** Downloads and scans the layers of a resolved image (once per digest per client) and builds its model. */
export async function readResolvedImage(client: RegistryClient, image: ResolvedImage, opts: ReadRegistryOptions = {}): Promise<ImageModel> {
  const what = formatReference(image.reference);
  let bytes = 0;
  const layers = await Promise.all(
    image.manifest.layers.map(async (desc) => {
      const scanned = await client.runLayers.get(desc.digest, async () => {
        // kept from an earlier run (the blob was verified when it was scanned): not downloaded again
        const kept = client.diskLayers?.lookup(desc.digest);
        if (kept) return kept;
        const s = await client.withSlot(() => scanBlob(client, image.reference, desc, what, (n) => opts.onProgress?.((bytes += n))));
        const layer = { ...s, estimate: null };
        client.diskLayers?.save(desc.digest, layer);
        return layer;
      });
      return { ...scanned, digest: desc.digest, compressedSize: desc.size, compressedSizeExact: true };
    }),
  );
  return assembleImage({ configBytes: image.config, config: image.rawConfig, format: 'oci', manifestDigest: image.manifestDigest, layers, annotations: image.manifest.annotations });
}

async function scanBlob(client: RegistryClient, reference: ImageReference, desc: Descriptor, what: string, onBytes: (n: number) => void) {
  const blob = client.openBlob(reference, desc);
  blob.onBytes = onBytes;
  try {
    return await scanLayerStream(blob, `layer ${desc.digest} of ${what}`);
  } catch (err) {
    // A scan that failed on corrupt bytes: read the rest so that a digest mismatch is named as such.
    if (!(err instanceof RegistryError)) await blob.drain();
    throw err;
  } finally {
    blob.close();
  }
}

/**
 * One image for `inspect registry://REF`: the platform asked for, else the host's (as `docker pull`),
 * else the only one. Missing platforms are one-line errors listing what the reference has.
 */
export async function readRegistryImage(client: RegistryClient, ref: string, platform: string | undefined, opts: ReadRegistryOptions = {}): Promise<ImageModel> {
  const resolved = await resolveRegistryImages(client, ref, platform ? [platform] : undefined);
  const image = resolved.images[0];
  if (!image) {
    const has = resolved.platformsAvailable ?? [];
    const wanted = platform ?? hostPlatform();
    throw new RegistryError(`${formatReference(resolved.reference)} has no image for ${oneLine(wanted, 200)}${has.length ? ` (it has: ${has.join(', ')})` : ''}`);
  }
  return readResolvedImage(client, image, opts);
}
