// Manifests and indexes as registries serve them (OCI image spec and Docker's schema 2), checked before use:
// a descriptor from a hostile registry is only trusted for what we verify (digest syntax, sizes).

import { oneLine } from '../lib/one-line.js';
import { RegistryError } from './errors.js';

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';

/** What we can read, indexes first (so that a multi-platform tag answers with its index). */
export const MANIFEST_ACCEPT = [OCI_INDEX, DOCKER_LIST, OCI_MANIFEST, DOCKER_MANIFEST].join(', ');

/** Manifests are small (registries cap them at 4 MiB); configs are a few kB, generously capped. */
export const MAX_MANIFEST_BYTES = 4 << 20;
export const MAX_CONFIG_BYTES = 32 << 20;

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

export interface ImageManifest {
  config: Descriptor;
  layers: Descriptor[];
  /** The manifest's own annotations, as written (untrusted: read with care). */
  annotations?: unknown;
}

export type ParsedManifest = { kind: 'index'; manifests: Descriptor[] } | { kind: 'image'; manifest: ImageManifest };

const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

/** Parses a manifest body; the media type comes from the document, else from Content-Type. */
export function parseManifest(bytes: Buffer, contentType: string | undefined, what: string): ParsedManifest {
  let doc: { mediaType?: unknown; schemaVersion?: unknown; manifests?: unknown; config?: unknown; layers?: unknown; annotations?: unknown };
  try {
    doc = JSON.parse(bytes.toString('utf8')) as typeof doc;
  } catch {
    throw new RegistryError(`the manifest of ${what} is not valid JSON`);
  }
  if (typeof doc !== 'object' || doc === null) throw new RegistryError(`the manifest of ${what} is not a JSON object`);
  const mediaType = typeof doc.mediaType === 'string' ? doc.mediaType : (contentType ?? '').split(';')[0]?.trim() ?? '';
  if (doc.schemaVersion === 1 || mediaType.startsWith('application/vnd.docker.distribution.manifest.v1')) {
    throw new RegistryError(`${what} uses Docker's deprecated schema 1 manifest, which is not supported: push it again with a current Docker`);
  }
  if (Array.isArray(doc.manifests) || mediaType === OCI_INDEX || mediaType === DOCKER_LIST) {
    if (!Array.isArray(doc.manifests)) throw new RegistryError(`the index of ${what} lists no manifests`);
    return { kind: 'index', manifests: doc.manifests.map((d) => descriptor(d, what)) };
  }
  if (typeof doc.config !== 'object' || !Array.isArray(doc.layers)) {
    throw new RegistryError(`the manifest of ${what} is not an image manifest (media type ${oneLine(mediaType || 'unknown', 200)})`);
  }
  const manifest: ImageManifest = { config: descriptor(doc.config, what), layers: doc.layers.map((d) => descriptor(d, what)) };
  if (doc.annotations !== undefined) manifest.annotations = doc.annotations;
  return { kind: 'image', manifest };
}

function descriptor(raw: unknown, what: string): Descriptor {
  const d = raw as Partial<Descriptor> | null;
  if (typeof d !== 'object' || d === null) throw new RegistryError(`the manifest of ${what} has a malformed descriptor`);
  if (typeof d.digest !== 'string' || !DIGEST.test(d.digest)) {
    throw new RegistryError(`the manifest of ${what} has an unsupported or malformed digest "${oneLine(String(d.digest), 200)}"`);
  }
  if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0) {
    throw new RegistryError(`the manifest of ${what} gives blob ${d.digest} an invalid size`);
  }
  const out: Descriptor = { mediaType: typeof d.mediaType === 'string' ? d.mediaType : '', digest: d.digest, size: d.size };
  if (typeof d.platform === 'object' && d.platform !== null) {
    const p = d.platform;
    out.platform = {
      ...(typeof p.os === 'string' ? { os: p.os } : {}),
      ...(typeof p.architecture === 'string' ? { architecture: p.architecture } : {}),
      ...(typeof p.variant === 'string' ? { variant: p.variant } : {}),
    };
  }
  if (typeof d.annotations === 'object' && d.annotations !== null) out.annotations = d.annotations;
  return out;
}
