// Which image of a layout or an archive to read. A layout or archive may hold several images (umoci adds a tag
// at every repack, `docker save a b` writes two): a ref names one (skopeo's `oci:PATH:REF`); without one, several
// images are an error listing their names, never a silent pick. One image may have several platforms, which the
// platform request chooses from, as a registry's index does.

import { oneLine, quoted } from '../lib/one-line.js';
import { OciError } from './errors.js';
import { pickPlatforms, samePlatform, type PlatformChoice, type PlatformRequest } from './platform.js';

export interface Candidate {
  platform: string;
  /** Names a ref can match (a tag, a full reference); empty when the image has none. */
  refs: string[];
  /** Candidates with the same group are platforms of one image. */
  group: string;
  /** The manifest or config digest (tells duplicates from different images of one platform). */
  digest: string;
}

export interface SelectOptions {
  /** The ref asked for (`oci-dir://DIR:REF`), if any. */
  ref?: string | undefined;
  request: PlatformRequest;
  host?: string;
  /** Names the layout or archive in errors: `the OCI layout "dir"`. */
  what: string;
  /** How to name one image: `oci-dir://dir:REF`. */
  pick: string;
}

const LISTED = 10;

export function selectImages<T extends Candidate>(candidates: readonly T[], opts: SelectOptions): PlatformChoice<T> {
  let pool = [...candidates];
  if (opts.ref !== undefined) {
    const ref = opts.ref;
    pool = pool.filter((c) => c.refs.includes(ref));
    if (pool.length === 0) throw new OciError(`${opts.what} has no image named ${quoted(ref)} (it has: ${listNames(candidates)})`);
  }
  const groups = [...new Set(pool.map((c) => c.group))];
  let group = groups[0] ?? '';
  if (groups.length > 1) {
    // an explicit platform that only one of the images has picks it (docker save of one image per platform)
    const request = opts.request;
    const having = request === undefined || request === 'all' ? [] : groups.filter((g) => pickPlatforms(members(pool, g), request).chosen.length > 0);
    if (having.length !== 1) {
      throw new OciError(`${opts.what} holds ${groups.length} images (${listNames(pool)}): name one as ${opts.pick}`);
    }
    group = having[0] as string;
  }
  const images = members(pool, group);
  const choice = pickPlatforms(images, opts.request, opts.host);
  for (const c of choice.chosen) {
    const twins = images.filter((i) => samePlatform(i.platform, c.platform));
    if (twins.length > 1) {
      throw new OciError(`${opts.what} holds ${twins.length} images for ${c.platform} that no ref tells apart (${twins.map((t) => t.digest.slice(0, 19)).join(', ')})`);
    }
  }
  return choice;
}

/** One entry per digest, in order. */
function members<T extends Candidate>(pool: readonly T[], group: string): T[] {
  const seen = new Set<string>();
  return pool.filter((c) => c.group === group && !seen.has(c.digest) && seen.add(c.digest));
}

const collator = new Intl.Collator('en', { numeric: true });
const byName = (a: string, b: string): number => collator.compare(a, b);

/** "base, v1, v2": each image's name, sorted (an archive's order is the engine's, not the user's), at most LISTED, then "and N more". */
function listNames(candidates: readonly Candidate[]): string {
  const names = [...new Set(candidates.map((c) => c.group || '(unnamed)'))].sort(byName);
  const shown = names.slice(0, LISTED).map((n) => oneLine(n, 100));
  return names.length > LISTED ? `${shown.join(', ')} and ${names.length - LISTED} more` : shown.join(', ');
}
