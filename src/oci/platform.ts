// Platforms ("linux/arm64/v8") and which images of an index a request picks: one platform, a list, or all.
// Attestation manifests (BuildKit's provenance/SBOM entries: platform unknown/unknown, annotation
// vnd.docker.reference.type) are not images. One rule for registries, layouts and archives.

import { oneLine } from '../lib/one-line.js';
import { OciError } from './errors.js';
import type { Descriptor } from './manifest.js';
import { REFERENCE_TYPE } from './media-types.js';

/** undefined: the host's platform (what `docker pull` picks), or the only image; 'all'; or a list. */
export type PlatformRequest = undefined | 'all' | readonly string[];

const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;

export function platformString(os = 'unknown', arch = 'unknown', variant?: string): string {
  return variant ? `${os}/${arch}/${variant}` : `${os}/${arch}`;
}

/** "--platform" text: "linux/amd64", "linux/amd64,linux/arm64", "all"; empty means the default. */
export function parsePlatformRequest(text: string | undefined): PlatformRequest {
  const t = text?.trim();
  if (!t) return undefined;
  if (t.toLowerCase() === 'all') return 'all';
  const list = t.split(',').map((p) => p.trim().toLowerCase()).filter(Boolean);
  for (const p of list) {
    if (!PLATFORM.test(p)) throw new OciError(`"${oneLine(p, 200)}" is not a platform (os/arch or os/arch/variant, e.g. linux/arm64)`);
  }
  return [...new Set(list)];
}

/** The platform this process runs on, in OCI terms ("linux/amd64", "linux/arm64", "linux/arm/v7"). */
export function hostPlatform(): string {
  const arch: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm/v7', ia32: '386', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
  return `${process.platform === 'win32' ? 'windows' : 'linux'}/${arch[process.arch] ?? process.arch}`;
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

/**
 * The image a platform request picks: an exact match first ("linux/arm64" = "linux/arm64/v8"); then, for a
 * request without a variant, the one entry of that os/arch whatever its variant ("linux/arm" → "linux/arm/v7"),
 * as containerd matches.
 */
export function matchPlatform<T extends { platform: string }>(images: readonly T[], want: string): T | undefined {
  const exact = images.find((i) => samePlatform(i.platform, want));
  if (exact || want.split('/').length > 2) return exact;
  const loose = images.filter((i) => i.platform.split('/').slice(0, 2).join('/') === want.toLowerCase());
  return loose.length === 1 ? loose[0] : undefined;
}

/** Whether images include a platform asked for, by matchPlatform's rule. */
export function hasPlatform(images: readonly { platform: string }[], want: string): boolean {
  return matchPlatform(images, want) !== undefined;
}

export function isAttestation(desc: Descriptor): boolean {
  if (desc.annotations?.[REFERENCE_TYPE] !== undefined) return true;
  return desc.platform?.os === 'unknown' && desc.platform.architecture === 'unknown';
}

export function descriptorPlatform(desc: Descriptor): string | null {
  const p = desc.platform;
  return p?.os && p.architecture ? platformString(p.os, p.architecture, p.variant) : null;
}

export interface PlatformChoice<T> {
  chosen: T[];
  /** Requested platforms the images lack. */
  missing: string[];
  /** Every platform the images have (for messages). */
  available: string[];
}

/** Picks images for a request, in their order; `host` is what an undefined request means (else the only image). */
export function pickPlatforms<T extends { platform: string }>(images: readonly T[], request: PlatformRequest, host = hostPlatform()): PlatformChoice<T> {
  const available = images.map((i) => i.platform);
  if (request === 'all') return { chosen: [...images], missing: [], available };
  if (request === undefined) {
    const own = matchPlatform(images, host);
    if (own) return { chosen: [own], missing: [], available };
    if (images.length === 1) return { chosen: [...images], missing: [], available };
    return { chosen: [], missing: [host], available };
  }
  const chosen: T[] = [];
  const missing: string[] = [];
  for (const want of request) {
    const hit = matchPlatform(images, want);
    if (hit && !chosen.includes(hit)) chosen.push(hit);
    else if (!hit) missing.push(want);
  }
  chosen.sort((a, b) => images.indexOf(a) - images.indexOf(b));
  return { chosen, missing, available };
}

/** Picks the entries of an index for a request, in the index's order, attestations and duplicates skipped. */
export function choosePlatforms(manifests: readonly Descriptor[], request: PlatformRequest, host = hostPlatform()): PlatformChoice<{ desc: Descriptor; platform: string }> {
  const images: { desc: Descriptor; platform: string }[] = [];
  const seen = new Set<string>();
  for (const desc of manifests) {
    if (isAttestation(desc) || seen.has(desc.digest)) continue;
    seen.add(desc.digest);
    images.push({ desc, platform: descriptorPlatform(desc) ?? 'unknown/unknown' });
  }
  return pickPlatforms(images, request, host);
}
