// The tags of a repository: the distribution API's `GET /v2/<name>/tags/list`, page by page. A registry that
// pages (distribution 3, GHCR, ECR, Harbor…) answers at most `n` tags and a `Link: <…?n=…&last=…>; rel="next"`
// header for the rest; one that does not (distribution 2.8) answers the whole list at once. Asked with the
// pull scope and the credentials blob reads use.

import { oneLine } from '../lib/one-line.js';
import { RegistryError } from './errors.js';
import { discard, header, readLimited } from './http.js';
import { formatReference, type ImageReference } from './reference.js';
import { expectOk, type RegistryClient } from './registry-client.js';

/** Tags asked for per page: ECR's maximum; registries that allow fewer cap it themselves and page. */
const TAG_PAGE_SIZE = 1000;
const MAX_PAGES = 1000;
const MAX_PAGE_BYTES = 8 << 20;

/** Every tag of the repository `ref` names (its tag and digest are ignored), in the registry's order. */
export async function listTags(client: RegistryClient, ref: ImageReference): Promise<string[]> {
  const repo = formatReference({ ...ref, tag: null, digest: null });
  const what = `the tags of ${repo}`;
  const tags: string[] = [];
  const asked = new Set<string>();
  let query = `n=${TAG_PAGE_SIZE}`;
  for (let page = 1; ; page++) {
    const res = await client.getRepositoryPath(ref, `tags/list?${query}`, what);
    if (res.status === 404) {
      await discard(res);
      throw new RegistryError(`${repo} not found in the registry (no such repository, or it has no tags)`);
    }
    await expectOk(res, what);
    tags.push(...tagPage(await readLimited(res.body, MAX_PAGE_BYTES), repo));
    const next = nextQuery(header(res, 'link'), res.url, ref.repository, repo);
    if (next === null) return tags;
    // a registry that hands out the same page again would keep us here forever
    if (asked.has(next) || page >= MAX_PAGES) throw new RegistryError(`${repo}: the registry's tag list does not end (${page} pages)`);
    asked.add(next);
    query = next;
  }
}

/** `{"name": "…", "tags": [...]}` → the tags (`tags: null` is an empty repository). */
function tagPage(text: string, repo: string): string[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new RegistryError(`the registry answered the tag list of ${repo} with something that is not JSON`);
  }
  const tags = (body as { tags?: unknown } | null)?.tags;
  if (tags === null) return [];
  if (!Array.isArray(tags)) throw new RegistryError(`the registry's tag list of ${repo} has no "tags" array`);
  return tags.filter((t): t is string => typeof t === 'string' && t.length <= 128);
}

/**
 * The query of the `rel="next"` link (`n=…&last=…`), or null on the last page. Only the query is taken: the
 * next page is asked for on the same repository path, so credentials never follow a link elsewhere.
 */
export function nextQuery(link: string | undefined, base: URL, repository: string, repo = repository): string | null {
  if (!link) return null;
  // `<url>; rel="next", <url>; rel="prev"`: a rel may list several relations, separated by spaces
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/s.exec(part);
    const rel = m ? (/;\s*rel\s*=\s*"?([^";]*)"?/i.exec(m[2]!)?.[1] ?? '') : '';
    if (!m || !rel.toLowerCase().split(/\s+/).includes('next')) continue;
    let url: URL;
    try {
      url = new URL(m[1]!, base);
    } catch {
      throw new RegistryError(`${repo}: the registry's next-page link is not a URL (${oneLine(m[1]!, 100)})`);
    }
    if (!url.pathname.endsWith(`/v2/${repository}/tags/list`)) {
      throw new RegistryError(`${repo}: the registry's next-page link points elsewhere (${oneLine(url.pathname, 100)})`);
    }
    return url.search.replace(/^\?/, '') || null;
  }
  return null;
}
