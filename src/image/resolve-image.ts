// Once the whole archive has streamed by: pick the image (manifest.json, or the OCI index), put the layer
// summaries in manifest order, attach history instructions, and apply the layers.

import { blobDigest as digestOf, ImageArchiveError, type Member } from './archive-members.js';
import { assembleImage, platformOf, platformString, type RawConfig } from './assemble-image.js';
import { emptyLayer, type ScannedLayer } from './layer-scan.js';
import { safeArchivePath } from './paths.js';
import { oneLine } from '../lib/one-line.js';
import type { Compression, ImageModel } from './types.js';

export interface ResolveOptions {
  /** Wanted platform ("linux/arm64") when the archive holds several. */
  platform?: string | undefined;
  /** Compressed-size estimates by blob digest (see MemberOptions). */
  estimates?: Map<string, number>;
}

interface LayerBlob {
  layer: ScannedLayer;
  compression: Compression;
  blobBytes: number;
  digest: string | null;
  estimate: number | null;
}

interface Selected {
  configPath: string;
  layerPaths: string[];
  format: ImageModel['archiveFormat'];
  /** The image manifest's annotations (OCI layouts). */
  annotations?: unknown;
}

type DockerEntry = { Config?: string; Layers?: string[]; RepoTags?: string[] | null };

interface Descriptor {
  mediaType?: string;
  digest?: string;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

export async function resolveImage(members: Map<string, Member>, opts: ResolveOptions = {}): Promise<ImageModel> {
  const archive = new Archive(members);
  const selected = members.has('manifest.json') ? archive.fromDockerManifest(opts) : archive.fromOciIndex(opts);
  return assembleSelected(archive, selected, opts);
}

/**
 * Every image of the archive for the platforms asked for ('all', or a list matched as samePlatform does), in
 * the archive's order; a platform the archive lacks is simply absent (the caller names what is missing).
 */
export async function resolveImages(members: Map<string, Member>, platforms: 'all' | readonly string[], opts: ResolveOptions = {}): Promise<ImageModel[]> {
  const archive = new Archive(members);
  const wanted = (p: string): boolean => platforms === 'all' || platforms.some((w) => samePlatform(p, w));
  const selected = members.has('manifest.json') ? archive.dockerManifestImages(wanted) : archive.ociImages().filter((c) => wanted(c.platform)).map((c) => archive.fromOciDescriptor(c.desc));
  const models: ImageModel[] = [];
  for (const s of selected) models.push(await assembleSelected(archive, s, opts));
  return models;
}

async function assembleSelected(archive: Archive, selected: Selected, opts: ResolveOptions): Promise<ImageModel> {
  const configBytes = archive.bytes(selected.configPath, 'image config');
  const config = parseJson<RawConfig>(configBytes, selected.configPath);
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length !== selected.layerPaths.length) {
    throw new ImageArchiveError(
      `the image config lists ${diffIds.length} layer(s) but the manifest ${selected.layerPaths.length}`,
    );
  }

  const scanned: LayerBlob[] = [];
  for (const path of selected.layerPaths) {
    scanned.push(await archive.layer(path, opts.estimates));
  }
  return assembleImage({
    configBytes,
    config,
    format: selected.format,
    annotations: selected.annotations,
    layers: scanned.map((s) => ({
      layer: s.layer,
      compression: s.compression,
      digest: s.digest,
      compressedSize: s.compression === 'none' ? s.estimate : s.blobBytes,
      compressedSizeExact: s.compression !== 'none',
    })),
  });
}

class Archive {
  constructor(private readonly members: Map<string, Member>) {}

  member(path: string, what: string): Member {
    let p = safeArchivePath(path);
    for (let hops = 0; hops < 16; hops++) {
      const m = this.members.get(p);
      if (!m) throw new ImageArchiveError(`the archive lacks the ${what} "${oneLine(path, 200)}"`);
      if (m.kind !== 'link') return m;
      p = m.target;
    }
    throw new ImageArchiveError(`link loop in the archive at "${oneLine(path, 200)}"`);
  }

  bytes(path: string, what: string): Buffer {
    const m = this.member(path, what);
    if (m.kind !== 'json') throw new ImageArchiveError(`the ${what} "${oneLine(path, 200)}" is not JSON`);
    return m.data;
  }

  json<T>(path: string, what: string): T {
    return parseJson<T>(this.bytes(path, what), path);
  }

  async layer(path: string, estimates: Map<string, number> | undefined): Promise<LayerBlob> {
    const m = this.member(path, 'layer');
    const digest = digestOf(path);
    if (m.kind === 'layer') {
      const layer = await m.result;
      const estimate = m.estimate ? await m.estimate : digest ? (estimates?.get(digest) ?? null) : null;
      return { layer, compression: m.compression, blobBytes: m.blobBytes, digest, estimate };
    }
    if (m.kind === 'other' && m.bytes === 0) {
      return { layer: emptyLayer(), compression: 'none', blobBytes: 0, digest, estimate: null };
    }
    throw new ImageArchiveError(`the layer "${oneLine(path, 200)}" is not a tar, gzip or zstd stream`);
  }

  /** `docker save` (legacy and Docker ≥ 25) and buildx `type=docker` exports carry manifest.json. */
  fromDockerManifest(opts: ResolveOptions): Selected {
    const manifest = this.json<DockerEntry[]>('manifest.json', 'manifest');
    if (!Array.isArray(manifest) || manifest.length === 0) throw new ImageArchiveError('manifest.json lists no image');
    let entries = manifest;
    if (entries.length > 1 && opts.platform) {
      entries = entries.filter((e) => e.Config && samePlatform(platformOf(this.json<RawConfig>(e.Config, 'image config')), opts.platform as string));
    }
    if (entries.length !== 1) {
      const names = manifest.map((e) => e.RepoTags?.[0] ?? e.Config ?? '?').join(', ');
      throw new ImageArchiveError(`the archive holds ${manifest.length} images (${oneLine(names, 200)}); save one image per archive`);
    }
    return this.fromDockerEntry(entries[0] as DockerEntry);
  }

  /** The images of manifest.json whose platform is wanted. */
  dockerManifestImages(wanted: (platform: string) => boolean): Selected[] {
    const manifest = this.json<DockerEntry[]>('manifest.json', 'manifest');
    if (!Array.isArray(manifest) || manifest.length === 0) throw new ImageArchiveError('manifest.json lists no image');
    return manifest.map((e) => this.fromDockerEntry(e)).filter((s) => wanted(platformOf(this.json<RawConfig>(s.configPath, 'image config'))));
  }

  private fromDockerEntry(entry: DockerEntry): Selected {
    if (typeof entry.Config !== 'string' || !Array.isArray(entry.Layers)) {
      throw new ImageArchiveError('manifest.json has no Config or Layers');
    }
    const format = this.members.has('index.json') && this.members.has('oci-layout') ? 'oci' : 'docker-save';
    return { configPath: entry.Config, layerPaths: entry.Layers, format };
  }

  /** OCI image layout (buildx `type=oci`): index.json → (nested indexes) → one manifest per platform. */
  fromOciIndex(opts: ResolveOptions): Selected {
    const unique = this.ociImages();
    let picked = unique;
    if (opts.platform) picked = unique.filter((c) => samePlatform(c.platform, opts.platform as string));
    if (picked.length === 0) {
      const have = unique.map((c) => c.platform).join(', ') || 'none';
      throw new ImageArchiveError(
        opts.platform ? `the archive has no image for ${oneLine(opts.platform, 200)} (it has: ${have})` : 'the archive holds no image manifest',
      );
    }
    if (picked.length > 1) {
      throw new ImageArchiveError(
        `the archive holds images for several platforms (${picked.map((c) => c.platform).join(', ')}); choose one with --platform`,
      );
    }
    return this.fromOciDescriptor((picked[0] as { desc: Descriptor }).desc);
  }

  /** Every image manifest the OCI index reaches (nested indexes followed, attestations skipped), once each. */
  ociImages(): { desc: Descriptor; platform: string }[] {
    if (!this.members.has('index.json')) {
      throw new ImageArchiveError('not an image archive: it has neither manifest.json nor index.json');
    }
    const candidates: { desc: Descriptor; platform: string }[] = [];
    const visit = (indexPath: string, depth: number): void => {
      const index = this.json<{ manifests?: Descriptor[] }>(indexPath, 'image index');
      for (const desc of index.manifests ?? []) {
        if (!desc.digest) continue;
        if (desc.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') continue;
        const blob = blobPath(desc.digest);
        if (isIndex(desc.mediaType) || (!desc.mediaType && this.isIndexBlob(blob))) {
          if (depth < 4) visit(blob, depth + 1);
          continue;
        }
        const platform = desc.platform?.os
          ? platformString(desc.platform.os, desc.platform.architecture, desc.platform.variant)
          : this.platformOfManifest(blob);
        if (platform.startsWith('unknown/')) continue;
        candidates.push({ desc, platform });
      }
    };
    visit('index.json', 0);
    // The same manifest can be listed twice (index.json and a nested index).
    return [...new Map(candidates.map((c) => [c.desc.digest, c])).values()];
  }

  fromOciDescriptor(desc: Descriptor): Selected {
    const manifest = this.json<{ config?: Descriptor; layers?: Descriptor[]; annotations?: unknown }>(blobPath(desc.digest as string), 'image manifest');
    if (!manifest.config?.digest || !Array.isArray(manifest.layers)) {
      throw new ImageArchiveError('the image manifest has no config or layers');
    }
    return {
      configPath: blobPath(manifest.config.digest),
      layerPaths: manifest.layers.map((l) => blobPath(l.digest ?? '')),
      format: 'oci',
      annotations: manifest.annotations,
    };
  }

  private isIndexBlob(path: string): boolean {
    const m = this.members.get(path);
    if (m?.kind !== 'json') return false;
    const doc = parseJson<{ manifests?: unknown }>(m.data, path);
    return Array.isArray(doc.manifests);
  }

  private platformOfManifest(path: string): string {
    const manifest = this.json<{ config?: Descriptor }>(path, 'image manifest');
    if (!manifest.config?.digest) return 'unknown/unknown';
    const m = this.members.get(blobPath(manifest.config.digest));
    if (m?.kind !== 'json') return 'unknown/unknown';
    return platformOf(parseJson<RawConfig>(m.data, path));
  }
}

function blobPath(digest: string): string {
  const m = /^([a-z0-9+._-]+):([a-f0-9]+)$/.exec(digest);
  if (!m) throw new ImageArchiveError(`malformed digest "${oneLine(digest, 200)}"`);
  return `blobs/${m[1]}/${m[2]}`;
}


function isIndex(mediaType: string | undefined): boolean {
  return mediaType === 'application/vnd.oci.image.index.v1+json' ||
    mediaType === 'application/vnd.docker.distribution.manifest.list.v2+json';
}

function parseJson<T>(data: Buffer, path: string): T {
  try {
    return JSON.parse(data.toString('utf8')) as T;
  } catch {
    throw new ImageArchiveError(`"${oneLine(path, 200)}" in the archive is not valid JSON`);
  }
}

/** "linux/arm64" matches "linux/arm64/v8"; "linux/amd64" matches "linux/amd64/v1". */
export function samePlatform(a: string, b: string): boolean {
  const norm = (p: string): string => {
    const [os = '', arch = '', variant = ''] = p.toLowerCase().split('/');
    const v = (arch === 'arm64' && variant === 'v8') || (arch === 'amd64' && variant === 'v1') ? '' : variant;
    return `${os}/${arch}/${v}`;
  };
  return norm(a) === norm(b);
}
