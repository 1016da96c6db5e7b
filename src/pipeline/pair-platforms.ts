// Base and head images paired by platform (several platforms in one run): a platform on both sides is
// compared, one only the head has was added, one only the base has was removed.

import { hasPlatform, samePlatform } from '../oci/platform.js';

export interface PlatformPair<T> {
  platform: string;
  head: T | null;
  base: T | null;
}

/** Head platforms in the head's order, then the base's other platforms in its order; each image used once. */
export function pairPlatforms<T extends { platform: string }>(head: readonly T[], base: readonly T[]): PlatformPair<T>[] {
  const unused = [...base];
  const pairs: PlatformPair<T>[] = head.map((h) => {
    const i = unused.findIndex((b) => samePlatform(b.platform, h.platform));
    const match = i >= 0 ? (unused.splice(i, 1)[0] as T) : null;
    return { platform: h.platform, head: h, base: match };
  });
  for (const b of unused) pairs.push({ platform: b.platform, head: null, base: b });
  return pairs;
}

/** Platforms of a list request that neither side has (an error: nothing can be said about them). */
export function missingEverywhere(request: 'all' | readonly string[], sides: readonly (readonly { platform: string }[])[]): string[] {
  if (request === 'all') return [];
  return request.filter((p) => !sides.some((images) => hasPlatform(images, p)));
}
