// Which images of an index to read: one platform, a list, or all. Attestation manifests (BuildKit's
// provenance/SBOM entries: platform unknown/unknown, annotation vnd.docker.reference.type) are not images.

import { platformString } from '../image/assemble-image.js';
import { oneLine } from '../lib/one-line.js';
import { samePlatform } from '../image/resolve-image.js';
import { RegistryError } from './errors.js';
import type { Descriptor } from './manifest.js';

/** undefined: the host's platform (what `docker pull` picks), or the only image; 'all'; or a list. */
export type PlatformRequest = undefined | 'all' | readonly string[];

const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;

/** "--platform" text: "linux/amd64", "linux/amd64,linux/arm64", "all"; empty means the default. */
export function parsePlatformRequest(text: string | undefined): PlatformRequest {
  const t = text?.trim();
  if (!t) return undefined;
  if (t.toLowerCase() === 'all') return 'all';
  const list = t.split(',').map((p) => p.trim().toLowerCase()).filter(Boolean);
  for (const p of list) {
    if (!PLATFORM.test(p)) throw new RegistryError(`"${oneLine(p, 200)}" is not a platform (os/arch or os/arch/variant, e.g. linux/arm64)`);
  }
  return [...new Set(list)];
}

/** The platform this process runs on, in OCI terms ("linux/amd64", "linux/arm64", "linux/arm/v7"). */
export function hostPlatform(): string {
  const arch: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm/v7', ia32: '386', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
  return `${process.platform === 'win32' ? 'windows' : 'linux'}/${arch[process.arch] ?? process.arch}`;
}

export function isAttestation(desc: Descriptor): boolean {
  if (desc.annotations?.['vnd.docker.reference.type'] !== undefined) return true;
  return desc.platform?.os === 'unknown' && desc.platform.architecture === 'unknown';
}

export function descriptorPlatform(desc: Descriptor): string | null {
  const p = desc.platform;
  return p?.os && p.architecture ? platformString(p.os, p.architecture, p.variant) : null;
}

export interface PlatformChoice {
  chosen: { desc: Descriptor; platform: string }[];
  /** Requested platforms the index does not have. */
  missing: string[];
  /** Every image platform the index has (for messages). */
  available: string[];
}

/** Picks the index entries for a request, in the index's order, attestations and duplicates skipped. */
export function choosePlatforms(manifests: readonly Descriptor[], request: PlatformRequest, host = hostPlatform()): PlatformChoice {
  const images: { desc: Descriptor; platform: string }[] = [];
  const seen = new Set<string>();
  for (const desc of manifests) {
    if (isAttestation(desc)) continue;
    const platform = descriptorPlatform(desc) ?? 'unknown/unknown';
    if (seen.has(desc.digest)) continue;
    seen.add(desc.digest);
    images.push({ desc, platform });
  }
  const available = images.map((i) => i.platform);
  if (request === 'all') return { chosen: images, missing: [], available };
  if (request === undefined) {
    const own = pick(images, host);
    if (own) return { chosen: [own], missing: [], available };
    if (images.length === 1) return { chosen: images, missing: [], available };
    return { chosen: [], missing: [host], available };
  }
  const chosen: { desc: Descriptor; platform: string }[] = [];
  const missing: string[] = [];
  for (const want of request) {
    const hit = pick(images, want);
    if (hit && !chosen.includes(hit)) chosen.push(hit);
    else if (!hit) missing.push(want);
  }
  chosen.sort((a, b) => images.indexOf(a) - images.indexOf(b));
  return { chosen, missing, available };
}

/**
 * Exact match first ("linux/arm64" = "linux/arm64/v8"); then, for a request without a variant, the one
 * entry of that os/arch whatever its variant ("linux/arm" → "linux/arm/v7"), as containerd matches.
 */
function pick<T extends { platform: string }>(images: T[], want: string): T | undefined {
  const exact = images.find((i) => samePlatform(i.platform, want));
  if (exact || want.split('/').length > 2) return exact;
  const loose = images.filter((i) => i.platform.split('/').slice(0, 2).join('/') === want.toLowerCase());
  return loose.length === 1 ? loose[0] : undefined;
}
