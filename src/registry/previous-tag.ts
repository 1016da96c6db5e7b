// The release before a version, among a repository's tags (`--base-tag previous`): the highest tag that is a
// semantic version (semver 2.0, an optional "v"; build metadata plays no part in the order) below the head's
// version. Pre-releases count only when the head is one itself (a release is compared with releases; v1.3.0-rc.2
// with v1.3.0-rc.1 or v1.2.0). `latest`, `main`, `1.x`, `sha-…` and other non-versions are not releases.

import semver, { type SemVer } from 'semver';

/** A version as a tag or git ref names it ("v1.2.0", "1.2.0-rc.1+build.5"), or null when it is not one. */
export function parseVersion(text: string): SemVer | null {
  // semver's own parser accepts a leading "v" (and "="): only "v" is a convention for tags
  if (!/^v?\d/.test(text)) return null;
  return semver.parse(text, { loose: false });
}

/** The tag of the highest version below `head` (see above), or null when there is none (the first release). */
export function previousTag(tags: readonly string[], head: SemVer): string | null {
  const withPre = head.prerelease.length > 0;
  let best: { tag: string; version: SemVer } | null = null;
  for (const tag of tags) {
    const version = parseVersion(tag);
    if (!version || (!withPre && version.prerelease.length > 0)) continue;
    if (version.compare(head) >= 0) continue;
    // equal versions (v1.1.0 and 1.1.0, or different build metadata): the first in name order, so the choice is stable
    const order = best ? version.compare(best.version) : 1;
    if (order > 0 || (order === 0 && best && tag < best.tag)) best = { tag, version };
  }
  return best?.tag ?? null;
}
