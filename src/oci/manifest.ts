// Manifests and indexes (OCI image spec and Docker's schema 2) as registries serve them and as layouts and
// archives hold them, checked before use: a descriptor from a hostile source is only trusted for what we verify
// (digest syntax, sizes). Registries, OCI layouts and image archives all parse them here.

import { oneLine } from '../lib/one-line.js';
import { isDigest } from './digest.js';
import { OciError } from './errors.js';
import { DOCKER_LIST, OCI_INDEX } from './media-types.js';

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
  /** The manifest's own annotations, string values only (the base image's name and digest may be there). */
  annotations?: Record<string, string>;
}

export type ParsedManifest = { kind: 'index'; manifests: Descriptor[] } | { kind: 'image'; manifest: ImageManifest };

type RawDocument = { mediaType?: unknown; schemaVersion?: unknown; manifests?: unknown; config?: unknown; layers?: unknown; annotations?: unknown };

/**
 * Parses a manifest or an index; the media type comes from the document, else from contentType (a registry's
 * Content-Type, or the descriptor that pointed at it). `what` names it in errors ("ghcr.io/o/app:v1").
 */
export function parseManifest(bytes: Buffer, contentType: string | undefined, what: string): ParsedManifest {
  const doc = parseJsonObject<RawDocument>(bytes, `the manifest of ${what}`);
  const mediaType = typeof doc.mediaType === 'string' ? doc.mediaType : ((contentType ?? '').split(';')[0]?.trim() ?? '');
  if (doc.schemaVersion === 1 || mediaType.startsWith('application/vnd.docker.distribution.manifest.v1')) {
    throw new OciError(`${what} uses Docker's deprecated schema 1 manifest, which is not supported: push it again with a current Docker`);
  }
  if (Array.isArray(doc.manifests) || mediaType === OCI_INDEX || mediaType === DOCKER_LIST) {
    if (!Array.isArray(doc.manifests)) throw new OciError(`the index of ${what} lists no manifests`);
    return { kind: 'index', manifests: doc.manifests.map((d) => descriptor(d, what)) };
  }
  if (typeof doc.config !== 'object' || !Array.isArray(doc.layers)) {
    throw new OciError(`the manifest of ${what} is not an image manifest (media type ${oneLine(mediaType || 'unknown', 200)})`);
  }
  const manifest: ImageManifest = { config: descriptor(doc.config, what), layers: doc.layers.map((d) => descriptor(d, what)) };
  const annotations = stringValues(doc.annotations);
  if (annotations) manifest.annotations = annotations;
  return { kind: 'image', manifest };
}

/** An annotations object's string values (annotations are string → string; anything else is dropped). */
function stringValues(raw: unknown): Record<string, string> | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}

/** An index (index.json of a layout): an error when the document is an image manifest. */
export function parseIndex(bytes: Buffer, what: string): Descriptor[] {
  const parsed = parseManifest(bytes, undefined, what);
  if (parsed.kind !== 'index') throw new OciError(`${what} is not an image index`);
  return parsed.manifests;
}

/** A JSON object, or a one-line error naming `what`. */
export function parseJsonObject<T extends object>(bytes: Buffer, what: string): T {
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new OciError(`${what} is not valid JSON`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new OciError(`${what} is not a JSON object`);
  return doc as T;
}

function descriptor(raw: unknown, what: string): Descriptor {
  const d = raw as Partial<Descriptor> | null;
  if (typeof d !== 'object' || d === null) throw new OciError(`the manifest of ${what} has a malformed descriptor`);
  if (typeof d.digest !== 'string' || !isDigest(d.digest)) {
    throw new OciError(`the manifest of ${what} has an unsupported or malformed digest "${oneLine(String(d.digest), 200)}"`);
  }
  if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0) {
    throw new OciError(`the manifest of ${what} gives blob ${d.digest} an invalid size`);
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
  const annotations = stringValues(d.annotations);
  if (annotations) out.annotations = annotations;
  return out;
}
