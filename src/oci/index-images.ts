// The images an OCI index reaches (index.json of a layout or an OCI archive): nested indexes followed,
// attestation manifests skipped, each manifest once per name, with its platform (from the index, else from its
// config) and the names the top-level entry gives it (org.opencontainers.image.ref.name, io.containerd.image.name).

import { parseConfig, platformOf } from './config.js';
import { OciError } from './errors.js';
import { MAX_CONFIG_BYTES, MAX_MANIFEST_BYTES, parseManifest, type Descriptor, type ImageManifest } from './manifest.js';
import { IMAGE_NAME, REF_NAME } from './media-types.js';
import { descriptorPlatform, isAttestation } from './platform.js';
import type { Candidate } from './select-image.js';

export interface IndexedImage extends Candidate {
  /** The manifest's descriptor (its digest is the image's manifest digest). */
  desc: Descriptor;
  manifest: ImageManifest;
}

/** A blob by its descriptor, at most max bytes, its size and digest checked; null: absent, and that is fine. */
export type LoadBlob = (desc: Descriptor, max: number) => Promise<Buffer | null>;

const MAX_NESTING = 4;

/** `what` names the layout or archive in errors. */
export async function indexImages(index: readonly Descriptor[], load: LoadBlob, what: string): Promise<IndexedImage[]> {
  const found = new Map<string, IndexedImage>();
  const visit = async (entries: readonly Descriptor[], names: { refs: string[]; group: string } | null, depth: number): Promise<void> => {
    for (const desc of entries) {
      if (isAttestation(desc)) continue;
      const own = names ?? namesOf(desc);
      const label = `${what} (${desc.digest})`;
      const body = await load(desc, MAX_MANIFEST_BYTES);
      if (body === null) continue; // e.g. the other platforms of an index that docker save (containerd) lists but leaves out
      const parsed = parseManifest(body, desc.mediaType, label);
      if (parsed.kind === 'index') {
        if (depth >= MAX_NESTING) throw new OciError(`${what} nests indexes more than ${MAX_NESTING} deep`);
        await visit(parsed.manifests, own, depth + 1);
        continue;
      }
      const key = `${own.group}\n${desc.digest}`;
      if (found.has(key)) continue; // listed twice (index.json and a nested index)
      const platform = descriptorPlatform(desc) ?? (await configPlatform(load, parsed.manifest, label));
      if (platform === null) continue;
      found.set(key, { desc, manifest: parsed.manifest, platform, refs: own.refs, group: own.group, digest: desc.digest });
    }
  };
  await visit(index, null, 0);
  return [...found.values()];
}

async function configPlatform(load: LoadBlob, manifest: ImageManifest, label: string): Promise<string | null> {
  const config = await load(manifest.config, MAX_CONFIG_BYTES);
  return config === null ? null : platformOf(parseConfig(config, manifest.layers.length, label));
}

/** The names of a top-level entry; entries without one form one unnamed image (several platforms of it). */
function namesOf(desc: Descriptor): { refs: string[]; group: string } {
  const ref = desc.annotations?.[REF_NAME];
  const full = desc.annotations?.[IMAGE_NAME];
  const refs = [...new Set([ref, full].filter((n): n is string => typeof n === 'string' && n !== ''))];
  return { refs, group: full || ref || '' };
}
