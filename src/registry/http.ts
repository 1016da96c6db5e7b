// HTTP for the registry client: undici with HTTPS_PROXY/HTTP_PROXY/NO_PROXY honoured (Node's global fetch
// ignores them), redirects followed by hand so that Authorization never leaves the registry's host (S3/CDN
// blob stores reject or leak it), and 429/5xx/dropped connections retried with backoff and Retry-After.

import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, EnvHttpProxyAgent, request, type Dispatcher } from 'undici';
import { oneLine } from '../lib/one-line.js';
import { retryAfterMs } from '../lib/retry-after.js';
import { RegistryError } from './errors.js';
import { isLoopbackHost } from './reference.js';

export interface HttpOptions {
  /** Proxy variables are read from here (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Attempts per request for 429/5xx and connection faults (default 5). */
  attempts?: number;
  /** First backoff delay; doubles per attempt (default 500 ms). */
  backoffMs?: number;
  /** Longest Retry-After we wait for; a longer one is an error (default 60 s). */
  maxRetryAfterMs?: number;
  /** Headers and each body chunk must arrive within this (default 60 s). */
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Dispatcher.ResponseData['body'];
  /** The URL that answered (after redirects). */
  url: URL;
}

export interface SendOptions {
  method?: 'GET' | 'HEAD' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Sent only to the origin of the first URL: dropped when a redirect leads elsewhere. */
  authorization?: string;
}

const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const RETRY_CODES = new Set([
  'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CLOSED',
]);
const MAX_REDIRECTS = 5;

export class Http {
  private readonly dispatcher: Dispatcher;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly timeoutMs: number;

  constructor(opts: HttpOptions = {}) {
    const env = opts.env ?? process.env;
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    const agentOpts = { headersTimeout: this.timeoutMs, bodyTimeout: this.timeoutMs, connectTimeout: 30_000 };
    const httpProxy = env.http_proxy ?? env.HTTP_PROXY ?? '';
    const httpsProxy = env.https_proxy ?? env.HTTPS_PROXY ?? '';
    this.dispatcher =
      httpProxy || httpsProxy
        ? new EnvHttpProxyAgent({ ...agentOpts, httpProxy, httpsProxy, noProxy: env.no_proxy ?? env.NO_PROXY ?? '' })
        : new Agent(agentOpts);
    this.attempts = opts.attempts ?? 5;
    this.backoffMs = opts.backoffMs ?? 500;
    this.maxRetryAfterMs = opts.maxRetryAfterMs ?? 60_000;
  }

  /** Sends a request, following redirects and retrying transient faults. Any final status is returned. */
  async send(url: URL, opts: SendOptions = {}): Promise<HttpResponse> {
    for (let attempt = 1; ; attempt++) {
      let res: HttpResponse;
      try {
        res = await this.followRedirects(url, opts);
      } catch (err) {
        if (err instanceof RegistryError || attempt >= this.attempts || !isTransient(err)) throw connectionError(url, err);
        await sleep(this.backoff(attempt));
        continue;
      }
      if (!RETRY_STATUS.has(res.status) || attempt >= this.attempts) return res;
      const wait = retryAfterMs(header(res, 'retry-after'));
      await discard(res);
      if (wait !== null && wait > this.maxRetryAfterMs) {
        throw new RegistryError(`${url.host} asks to retry after ${Math.ceil(wait / 1000)} s (HTTP ${res.status}${res.status === 429 ? ': rate limited' : ''})`);
      }
      await sleep(wait ?? this.backoff(attempt));
    }
  }

  /** Ends the run's connections, aborting downloads still in flight (after a failure nobody reads them). */
  close(): Promise<void> {
    return this.dispatcher.destroy();
  }

  private backoff(attempt: number): number {
    const base = this.backoffMs * 2 ** (attempt - 1);
    return Math.min(base, this.backoffMs * 16) * (0.75 + Math.random() / 2);
  }

  private async followRedirects(first: URL, opts: SendOptions): Promise<HttpResponse> {
    let url = first;
    for (let hop = 0; ; hop++) {
      checkScheme(url);
      const headers: Record<string, string> = { 'user-agent': 'image-size-guard', ...(opts.headers ?? {}) };
      if (opts.authorization && url.origin === first.origin) headers.authorization = opts.authorization;
      const res = await request(url, {
        method: opts.method ?? 'GET',
        headers,
        body: opts.body ?? null,
        dispatcher: this.dispatcher,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });
      const location = res.headers.location;
      const answer = { status: res.statusCode, headers: res.headers, body: res.body, url };
      if (res.statusCode < 300 || res.statusCode >= 400 || res.statusCode === 304 || typeof location !== 'string') return answer;
      await discard(answer);
      if (hop >= MAX_REDIRECTS) throw new RegistryError(`too many redirects from ${first.host}${oneLine(first.pathname, 200)}`);
      try {
        url = new URL(location, url);
      } catch {
        throw new RegistryError(`${url.host} redirected to an invalid URL`);
      }
    }
  }
}

/** HTTPS everywhere; plain HTTP only to loopback hosts. */
export function checkScheme(url: URL): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && isLoopbackHost(url.host)) return;
  throw new RegistryError(`refusing ${url.protocol.replace(':', '')}:// to ${oneLine(url.host, 200)}: only HTTPS (plain HTTP on loopback hosts)`);
}

/** The base URL of a registry's API. */
export function registryBase(apiHost: string): URL {
  return new URL(`${isLoopbackHost(apiHost) ? 'http' : 'https'}://${apiHost}/v2/`);
}

export function isTransient(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  const cause = (err as { cause?: { code?: string } }).cause?.code;
  return (code !== undefined && RETRY_CODES.has(code)) || (cause !== undefined && RETRY_CODES.has(cause));
}

/** A network failure as one line naming the host. */
export function connectionError(url: URL, err: unknown): Error {
  if (err instanceof RegistryError) return err;
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.cause?.code ?? e.code ?? '';
  const why =
    code === 'ECONNREFUSED' ? 'connection refused'
    : code === 'ENOTFOUND' ? 'host not found'
    : code === 'EAI_AGAIN' ? 'DNS lookup failed'
    : /CERT|SSL|TLS/i.test(code) ? `TLS error (${e.cause?.message ?? e.message ?? code})`
    : (e.cause?.message ?? e.message ?? String(err));
  return new RegistryError(`cannot reach registry ${oneLine(url.host, 200)}: ${oneLine(why.split('\n')[0] ?? '', 200)}`);
}

export function header(res: HttpResponse, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Reads and drops a body we do not use, so its connection can be reused (a failure to do so is no matter). */
export async function discard(res: HttpResponse): Promise<void> {
  await res.body.dump().catch(() => undefined);
}

/** A response body whole, at most max bytes: a registry that sends more is refused. */
export async function readLimitedBytes(body: AsyncIterable<Buffer>, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const chunk of body) {
    n += chunk.length;
    if (n > max) throw new RegistryError(`a registry response exceeded ${max} bytes`);
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

export async function readLimited(body: AsyncIterable<Buffer>, max: number): Promise<string> {
  return (await readLimitedBytes(body, max)).toString('utf8');
}
