// A small GitHub REST client on fetch: JSON in and out, Link-header pagination, and retries on 5xx and on
// rate limits (secondary limits answer 403/429 with Retry-After), bounded in count and time.

export class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface RestOptions {
  token: string;
  apiUrl: string; // https://api.github.com, or GITHUB_API_URL on GHES / in tests
  attempts?: number;
  retryBaseMs?: number;
  userAgent?: string;
}

export interface RestResponse<T> {
  status: number;
  data: T;
  next: string | null; // the Link header's rel="next"
}

export class RestClient {
  private readonly attempts: number;
  private readonly retryBaseMs: number;
  constructor(private readonly opts: RestOptions) {
    this.attempts = opts.attempts ?? 4;
    this.retryBaseMs = opts.retryBaseMs ?? 1000;
  }

  url(path: string): string {
    return path.startsWith('http') ? path : `${this.opts.apiUrl.replace(/\/$/, '')}${path}`;
  }

  /** `idempotent`: a POST that only reads (GraphQL queries) may be repeated like a GET. */
  async request<T>(method: string, path: string, body?: unknown, opts: { idempotent?: boolean } = {}): Promise<RestResponse<T>> {
    const repeatable = method !== 'POST' || opts.idempotent === true;
    let last: GitHubApiError | null = null;
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      let res: Response;
      try {
        res = await fetch(this.url(path), {
          method,
          headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${this.opts.token}`,
            'user-agent': this.opts.userAgent ?? 'image-size-guard',
            'x-github-api-version': '2022-11-28',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (err) {
        last = new GitHubApiError(0, `cannot reach the GitHub API: ${(err as Error).message}`);
        // a POST may have been done before the connection broke: repeating it could post twice
        if (!repeatable || attempt === this.attempts) throw last;
        await this.pause(attempt, null);
        continue;
      }
      const text = await res.text();
      const data = text ? (safeJson(text) as T) : (null as T);
      if (res.ok) return { status: res.status, data, next: nextLink(res.headers.get('link')) };
      const message = (data as { message?: string } | null)?.message ?? res.statusText;
      last = new GitHubApiError(res.status, `${method} ${path.replace(/^https?:\/\/[^/]+/, '')}: ${res.status} ${message}`);
      if (!retryable(repeatable, res, message) || attempt === this.attempts) throw last;
      await this.pause(attempt, res.headers.get('retry-after'));
    }
    throw last ?? new GitHubApiError(0, 'request failed');
  }

  /** Every page of a list endpoint (per_page 100), following Link: rel="next". */
  async paginate<T>(path: string): Promise<T[]> {
    const out: T[] = [];
    let next: string | null = path + (path.includes('?') ? '&' : '?') + 'per_page=100';
    for (let pages = 0; next && pages < 100; pages++) {
      const res: RestResponse<T[]> = await this.request<T[]>('GET', next);
      out.push(...(res.data ?? []));
      next = res.next;
    }
    return out;
  }

  private pause(attempt: number, retryAfter: string | null): Promise<void> {
    const seconds = retryAfter ? Number(retryAfter) : NaN;
    const ms = Number.isFinite(seconds) ? Math.min(seconds * 1000, 60_000) : this.retryBaseMs * 2 ** (attempt - 1);
    return new Promise((r) => setTimeout(r, ms));
  }
}

function retryable(repeatable: boolean, res: Response, message: string): boolean {
  // A 5xx after a POST may still have created the comment: only idempotent requests are repeated then.
  if (res.status >= 500) return repeatable;
  if (res.status === 429) return true;
  // secondary rate limits come as 403 with a Retry-After header or a message saying so
  return res.status === 403 && (res.headers.has('retry-after') || /rate limit/i.test(message));
}

function nextLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1] as string;
  }
  return null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 200) };
  }
}
