// Once the whole archive has streamed by: pick the image (manifest.json, or the OCI index), put the layer
// summaries in manifest order, attach history instructions, and apply the layers. The archive's manifests,
// indexes and configs are checked as strictly as a registry's (src/oci), and an archive holding several images
// is read only when a ref names one of them.

import { blobDigest as digestOf, ImageArchiveError, type Member } from './archive-members.js';
import { assembleImage } from './assemble-image.js';
import { emptyLayer, type ScannedLayer } from './layer-scan.js';
import { safeArchivePath } from './paths.js';
import { oneLine } from '../lib/one-line.js';
import { parseConfig, platformOf } from '../oci/config.js';
import { blobPath, digestOf as hashOf } from '../oci/digest.js';
import { indexImages, type IndexedImage } from '../oci/index-images.js';
import { parseIndex, type Descriptor } from '../oci/manifest.js';
import type { PlatformChoice, PlatformRequest } from '../oci/platform.js';
import { selectImages, type Candidate } from '../oci/select-image.js';
import type { Compression, ImageModel } from './types.js';

export interface ResolveOptions {
  /** Wanted platform ("linux/arm64") when the image has several. */
  platform?: string | undefined;
  /** Compressed-size estimates by blob digest (see MemberOptions). */
  estimates?: Map<string, number>;
  /** The image to read when the archive holds several: a RepoTags entry or an index entry's ref name. */
  ref?: string | undefined;
  /** The archive in messages (`the archive "app.tar"`) and how to name one of its images (`archive://app.tar:REF`). */
  what?: string;
  pick?: string;
}

interface LayerBlob {
  layer: ScannedLayer;
  compression: Compression;
  blobBytes: number;
  digest: string | null;
  estimate: number | null;
}

/** One image of the archive, found but not read. */
interface Selected extends Candidate {
  configPath: string;
  /** Layer members in manifest order, with the size their descriptor states (OCI) or null (manifest.json). */
  layers: { path: string; size: number | null }[];
  format: ImageModel['archiveFormat'];
  manifestDigest: string | null;
  /** The image manifest's annotations, when the archive has the manifest (OCI layouts, Docker ≥ 25 saves). */
  annotations?: Record<string, string>;
}

type DockerEntry = { Config?: unknown; Layers?: unknown; RepoTags?: unknown };

export async function resolveImage(members: Map<string, Member>, opts: ResolveOptions = {}): Promise<ImageModel> {
  const { archive, choice } = await choose(members, opts.platform ? [opts.platform] : undefined, opts);
  const picked = choice.chosen[0];
  if (!picked) {
    throw new ImageArchiveError(`${opts.what ?? 'the archive'} has no image for ${oneLine(choice.missing.join(', '), 100)} (it has: ${choice.available.join(', ')})`);
  }
  return assembleSelected(archive, picked, opts);
}

/**
 * The archive's images for the platforms asked for ('all', or a list matched as samePlatform does), in the
 * archive's order; a platform the archive lacks is simply absent (the caller names what is missing).
 */
export async function resolveImages(members: Map<string, Member>, request: 'all' | readonly string[], opts: ResolveOptions = {}): Promise<ImageModel[]> {
  const { archive, choice } = await choose(members, request, opts);
  const models: ImageModel[] = [];
  for (const s of choice.chosen) models.push(await assembleSelected(archive, s, opts));
  return models;
}

async function choose(members: Map<string, Member>, request: PlatformRequest, opts: ResolveOptions): Promise<{ archive: Archive; choice: PlatformChoice<Selected> }> {
  const archive = new Archive(members);
  const candidates: Selected[] = members.has('manifest.json') ? await archive.dockerManifestImages() : await archive.ociImages();
  if (candidates.length === 0) throw new ImageArchiveError(`${opts.what ?? 'the archive'} holds no image manifest`);
  const choice = selectImages(candidates, { ref: opts.ref, request, what: opts.what ?? 'the archive', pick: opts.pick ?? 'archive://PATH:REF' });
  return { archive, choice };
}

async function assembleSelected(archive: Archive, selected: Selected, opts: ResolveOptions): Promise<ImageModel> {
  const configBytes = archive.bytes(selected.configPath, 'image config');
  const config = parseConfig(configBytes, selected.layers.length, configLabel(selected.configPath));
  const scanned: LayerBlob[] = [];
  for (const l of selected.layers) scanned.push(await archive.layer(l.path, l.size, opts.estimates));
  return assembleImage({
    configBytes,
    config,
    format: selected.format,
    manifestDigest: selected.manifestDigest,
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

  /** A layer; an OCI descriptor's size must be the blob's (checked once the blob was read). */
  async layer(path: string, size: number | null, estimates: Map<string, number> | undefined): Promise<LayerBlob> {
    const m = this.member(path, 'layer');
    const digest = digestOf(path);
    let blob: LayerBlob;
    if (m.kind === 'layer') {
      const layer = await m.result;
      const estimate = m.estimate ? await m.estimate : digest ? (estimates?.get(digest) ?? null) : null;
      blob = { layer, compression: m.compression, blobBytes: m.blobBytes, digest, estimate };
    } else if (m.kind === 'other' && m.bytes === 0) {
      blob = { layer: emptyLayer(), compression: 'none', blobBytes: 0, digest, estimate: null };
    } else {
      throw new ImageArchiveError(`the layer "${oneLine(path, 200)}" is not a tar, gzip or zstd stream`);
    }
    if (size !== null && blob.blobBytes !== size) {
      throw new ImageArchiveError(`the layer "${oneLine(path, 200)}" has ${blob.blobBytes} bytes, its manifest says ${size}`);
    }
    return blob;
  }

  /**
   * `docker save` (legacy and Docker ≥ 25) and buildx `type=docker` exports carry manifest.json: one entry per
   * image, named by its RepoTags. Its manifest digest comes from the OCI index beside it, when there is one.
   */
  async dockerManifestImages(): Promise<Selected[]> {
    const manifest = parseJsonArray(this.bytes('manifest.json', 'manifest'));
    if (manifest.length === 0) throw new ImageArchiveError('manifest.json lists no image');
    const format = this.members.has('index.json') && this.members.has('oci-layout') ? 'oci' : 'docker-save';
    const byConfig = new Map<string, Selected>();
    if (this.members.has('index.json')) for (const i of await this.ociImages(true)) byConfig.set(i.manifest.config.digest, i);
    return manifest.map((raw) => {
      const entry = checkEntry(raw);
      const configBytes = this.bytes(entry.config, 'image config');
      const configDigest = hashOf(configBytes);
      const platform = platformOf(parseConfig(configBytes, entry.layers.length, configLabel(entry.config)));
      const group = entry.repoTags[0] ?? configDigest;
      const layers = entry.layers.map((path) => ({ path, size: null }));
      const indexed = byConfig.get(configDigest);
      return { configPath: entry.config, layers, format, manifestDigest: indexed?.manifestDigest ?? null, annotations: indexed?.annotations, platform, refs: entry.repoTags, group, digest: configDigest };
    });
  }

  /**
   * OCI image layout (buildx `type=oci`): index.json → (nested indexes) → one manifest per platform. partial: an
   * index entry whose blob is not in the archive is skipped (beside manifest.json, which says what was saved).
   */
  async ociImages(partial = false): Promise<(Selected & IndexedImage)[]> {
    if (!this.members.has('index.json')) throw new ImageArchiveError('not an image archive: it has neither manifest.json nor index.json');
    const index = parseIndex(this.bytes('index.json', 'image index'), 'the archive (index.json)');
    const load = async (desc: Descriptor, max: number): Promise<Buffer | null> => (partial && !this.members.has(blobPath(desc.digest)) ? null : this.blob(desc, max));
    const images = await indexImages(index, load, 'the archive');
    return images.map((i) => ({
      ...i,
      configPath: blobPath(i.manifest.config.digest),
      layers: i.manifest.layers.map((l) => ({ path: blobPath(l.digest), size: l.size })),
      format: 'oci' as const,
      manifestDigest: i.desc.digest,
      annotations: i.manifest.annotations,
    }));
  }

  /** A JSON blob named by a descriptor, its size and digest checked. */
  private blob(desc: Descriptor, max: number): Buffer {
    if (desc.size > max) throw new ImageArchiveError(`blob ${desc.digest} of the archive is larger than ${max} bytes`);
    const data = this.bytes(blobPath(desc.digest), 'blob');
    if (data.length !== desc.size) throw new ImageArchiveError(`blob ${desc.digest} of the archive has ${data.length} bytes, its descriptor says ${desc.size}`);
    const actual = hashOf(data, desc.digest);
    if (actual !== desc.digest) throw new ImageArchiveError(`digest mismatch for blob ${desc.digest} of the archive: its content has digest ${actual}`);
    return data;
  }
}

/** A manifest.json entry, checked: Config a path, Layers paths, RepoTags names (or none). */
function checkEntry(raw: unknown): { config: string; layers: string[]; repoTags: string[] } {
  const e = raw as DockerEntry | null;
  if (typeof e !== 'object' || e === null || typeof e.Config !== 'string' || !Array.isArray(e.Layers) || !e.Layers.every((l) => typeof l === 'string')) {
    throw new ImageArchiveError('manifest.json has an entry without Config or Layers');
  }
  const tags = e.RepoTags ?? [];
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) throw new ImageArchiveError('manifest.json has malformed RepoTags');
  return { config: e.Config, layers: e.Layers as string[], repoTags: tags as string[] };
}

function parseJsonArray(data: Buffer): unknown[] {
  let doc: unknown;
  try {
    doc = JSON.parse(data.toString('utf8'));
  } catch {
    throw new ImageArchiveError('"manifest.json" in the archive is not valid JSON');
  }
  if (!Array.isArray(doc)) throw new ImageArchiveError('manifest.json is not a list of images');
  return doc;
}

function configLabel(path: string): string {
  return `"${oneLine(path, 200)}" in the archive`;
}

