// `--base-tag previous`: the base is the repository's highest release tag below the head's version, looked up
// in the registry's tag list before the comparison starts. No lower release (the first one) means no baseline:
// one warning, and the head is checked alone (max-size, max-layers), as for a base without a Dockerfile.

import type { ReadOptions } from '../image/read-image.js';
import { previousTag, parseVersion } from '../registry/previous-tag.js';
import { parseReference, formatReference } from '../registry/reference.js';
import { listTags } from '../registry/tags.js';
import type { BuildSession } from './build-session.js';
import { compareImage, type ImageComparison, type ProgressFactory } from './compare-image.js';
import type { ImageOptions } from './compare-options.js';

/** compareImage, with the base found first when the image asks for the previous release. */
export async function compareRelease(session: BuildSession, image: ImageOptions, read: ReadOptions, progress?: ProgressFactory): Promise<ImageComparison> {
  if (image.baseTag !== 'previous') return compareImage(session, image, read, progress);
  const found = await findPrevious(session, image);
  const c = await compareImage(session, { ...image, baseImage: found.baseImage ?? undefined }, read, progress);
  for (const r of c.results) if (r.entry.base) r.entry.base.resolvedBy = 'previous';
  for (const removed of c.removed) removed.base.resolvedBy = 'previous'; // a platform the previous release had and this one drops
  if (found.warning) c.warnings.unshift(found.warning);
  return c;
}

interface Previous {
  /** `registry://REPO:TAG`, or null when no release is below the head's. */
  baseImage: string | null;
  warning?: string;
}

async function findPrevious(session: BuildSession, image: ImageOptions): Promise<Previous> {
  const text = (image.baseImage ?? '').replace(/^registry:\/\//i, '');
  const head = parseVersion(image.headVersion ?? '');
  // config/release-options.ts checked both before anything ran
  if (!text || !head) throw new Error('base-tag previous without a repository or a head version');
  const repo = parseReference(text);
  const tags = await listTags(session.opener.registry(), repo);
  const tag = previousTag(tags, head);
  const name = formatReference({ ...repo, tag: null, digest: null });
  if (tag === null) {
    const releases = head.prerelease.length ? 'release or pre-release' : 'release';
    return { baseImage: null, warning: `no baseline: ${name} has no ${releases} tag below ${image.headVersion} (${tags.length} tags); the head is analysed alone` };
  }
  return { baseImage: `registry://${formatReference({ ...repo, tag, digest: null })}` };
}
