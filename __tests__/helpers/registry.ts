// A real container registry for the tests: Debian's `docker-registry` (CNCF distribution 2.8) on free
// loopback ports, with the auth the test asks for — none, Basic (htpasswd), or Bearer tokens from an issuer
// the test runs (RS256 JWTs the registry verifies against the issuer's certificate) — and optionally blob
// redirects to a second loopback host that refuses any request carrying Authorization, as S3/CDN blob
// stores do. Several registries can serve one storage directory: push once, read through each. A paging front
// serves a registry's tag lists page by page (startPagingFront), as registries newer than Debian's do.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, createSign, randomBytes, type KeyObject } from 'node:crypto';
import { createReadStream, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, createServer as createNetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { docker } from './docker.js';

const exec = promisify(execFile);

/** The registry tools the global setup installs (or names) — checked again here so a suite run alone says so. */
export async function requireRegistryTools(): Promise<void> {
  const have = async (cmd: string): Promise<boolean> =>
    exec('sh', ['-c', `command -v ${cmd}`]).then(
      () => true,
      () => false,
    );
  for (const cmd of ['docker-registry', 'htpasswd', 'openssl']) {
    if (!(await have(cmd))) throw new Error(`registry tests need ${cmd} (Debian: apt-get install docker-registry apache2-utils openssl)`);
  }
}

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.on('error', reject);
    srv.listen(0, host, () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Where the registry keeps a blob: tests corrupt these files. */
export function blobFile(storage: string, digest: string): string {
  const hex = digest.replace(/^sha256:/, '');
  return join(storage, 'docker/registry/v2/blobs/sha256', hex.slice(0, 2), hex, 'data');
}

// ---------------------------------------------------------------------------------------------------------
// Token issuer

export interface TokenIssuer {
  realm: string;
  service: string;
  issuer: string;
  certPath: string;
  /** Every token request: who asked (null: anonymous) and for what. */
  requests: { user: string | null; scope: string; method: string }[];
  /** Statuses the next token requests answer (with Retry-After: 0) instead of a token, first first. */
  failNext: number[];
  /** Token requests answered with a status from failNext. */
  failed: number;
  stop(): Promise<void>;
}

export interface TokenPolicy {
  /** Basic credentials the issuer accepts. */
  users: Record<string, string>;
  /** OAuth2 refresh tokens (docker's identity tokens) → user. */
  refreshTokens?: Record<string, string>;
  /** Repositories anonymous callers may pull (prefix match). */
  publicPrefix?: string;
}

/** libtrust's key ID (what the registry indexes its trusted keys by): base32 of SHA-256(SPKI DER)[:30], 4-char groups. */
function libtrustKeyId(key: KeyObject): string {
  const der = key.export({ type: 'spki', format: 'der' });
  const hash = createHash('sha256').update(der).digest().subarray(0, 30);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of hash) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return (out.match(/.{4}/g) as string[]).join(':');
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

export async function startTokenIssuer(policy: TokenPolicy): Promise<TokenIssuer> {
  const dir = tempDir('isg-token-');
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  await exec('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '2', '-subj', '/CN=isg-test-token-issuer']);
  const key = createPrivateKey(readFileSync(keyPath));
  const kid = libtrustKeyId(createPublicKey(key));
  const service = 'isg-test-registry';
  const issuer = 'isg-test-issuer';
  const requests: TokenIssuer['requests'] = [];

  const sign = (user: string | null, scope: string): string => {
    const access = scope
      .split(' ')
      .filter(Boolean)
      .map((s) => {
        const [type, name = '', actions = ''] = s.split(':');
        const allowed = user !== null || (policy.publicPrefix !== undefined && name.startsWith(policy.publicPrefix));
        return { type, name, actions: allowed ? actions.split(',').filter(Boolean) : [] };
      });
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid }));
    const claims = b64url(JSON.stringify({ iss: issuer, sub: user ?? '', aud: service, exp: now + 300, nbf: now - 10, iat: now, jti: randomBytes(8).toString('hex'), access }));
    const signature = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(key);
    return `${header}.${claims}.${b64url(signature)}`;
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });
  const failNext: number[] = [];
  let failed = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://x');
    const failure = failNext.shift();
    if (failure !== undefined) {
      failed++;
      res.setHeader('retry-after', '0');
      return reply(res, failure, { error: 'try again' });
    }
    let user: string | null = null;
    let scope = url.searchParams.get('scope') ?? '';
    if (req.method === 'POST') {
      const form = new URLSearchParams(await bodyText(req));
      scope = form.get('scope') ?? '';
      user = form.get('grant_type') === 'refresh_token' ? (policy.refreshTokens?.[form.get('refresh_token') ?? ''] ?? null) : null;
      if (!user) return reply(res, 401, { error: 'invalid_grant' });
      requests.push({ user, scope, method: 'POST' });
      return reply(res, 200, { access_token: sign(user, scope), expires_in: 300 });
    }
    const auth = req.headers.authorization;
    if (auth) {
      const [name = '', pass = ''] = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString().split(':');
      if (!auth.startsWith('Basic ') || policy.users[name] !== pass) return reply(res, 401, { details: 'bad credentials' });
      user = name;
    }
    requests.push({ user, scope, method: 'GET' });
    reply(res, 200, { token: sign(user, scope), expires_in: 300, issued_at: new Date().toISOString() });
  };
  const port = await listen(server, '127.0.0.1');
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    certPath,
    requests,
    failNext,
    get failed() {
      return failed;
    },
    stop: async () => {
      await close(server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Blob host: where the registry's redirect middleware sends blob downloads

export interface BlobHost {
  /** baseurl for the registry's redirect middleware. */
  url: string;
  /** Every request, as the host saw it; `at` is its own clock (performance.now(), ms) when the request came. */
  requests: { path: string; authorization: boolean; range: string | null; status: number; at: number }[];
  /** Digests whose first download is cut off halfway (the connection dropped). */
  dropOnce: Set<string>;
  /** Digests whose first download answers this status with Retry-After: 1. */
  busyOnce: Map<string, number>;
  stop(): Promise<void>;
}

/** Serves the registry's storage files on another loopback host; any request with Authorization is refused. */
export async function startBlobHost(storage: string, host = '127.0.0.2'): Promise<BlobHost> {
  const requests: BlobHost['requests'] = [];
  const dropOnce = new Set<string>();
  const busyOnce = new Map<string, number>();
  const server = createServer((req, res) => {
    const at = performance.now();
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const range = typeof req.headers.range === 'string' ? req.headers.range : null;
    const log = (status: number): void => {
      requests.push({ path, authorization: req.headers.authorization !== undefined, range, status, at });
    };
    if (req.headers.authorization !== undefined) {
      log(400);
      return reply(res, 400, { error: 'this host refuses requests with an Authorization header' });
    }
    const digest = /\/blobs\/sha256\/[0-9a-f]{2}\/([0-9a-f]{64})\/data$/.exec(path)?.[1];
    if (!digest || path.includes('..')) {
      log(404);
      return reply(res, 404, { error: 'not a blob' });
    }
    const file = join(storage, path);
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      log(404);
      return reply(res, 404, { error: 'no such blob' });
    }
    const busy = busyOnce.get(`sha256:${digest}`);
    if (busy !== undefined) {
      busyOnce.delete(`sha256:${digest}`);
      log(busy);
      res.setHeader('retry-after', '1');
      return reply(res, busy, { error: 'busy' });
    }
    let start = 0;
    const m = range ? /^bytes=(\d+)-$/.exec(range) : null;
    if (m) start = Number(m[1]);
    res.statusCode = m ? 206 : 200;
    res.setHeader('content-length', String(size - start));
    res.setHeader('content-type', 'application/octet-stream');
    if (m) res.setHeader('content-range', `bytes ${start}-${size - 1}/${size}`);
    log(res.statusCode);
    if (req.method === 'HEAD') return void res.end();
    if (dropOnce.delete(`sha256:${digest}`)) {
      // Half the blob, then the connection drops: once the half is handed to the kernel (the write's
      // callback), not after a delay a busy machine could outrun.
      const half = Math.floor((size - start) / 2);
      res.flushHeaders();
      const bytes = readFileSync(file).subarray(start, start + half);
      res.write(bytes, () => res.socket?.destroy());
      return;
    }
    createReadStream(file, { start }).pipe(res);
  });
  const port = await listen(server, host);
  return {
    url: `http://${host}:${port}`,
    requests,
    dropOnce,
    busyOnce,
    stop: () => close(server),
  };
}

// ---------------------------------------------------------------------------------------------------------
// An HTTP proxy (CONNECT tunnels, as undici's proxy agent uses), to check HTTP(S)_PROXY and NO_PROXY

export interface Proxy {
  url: string;
  /** host:port of every tunnel asked for. */
  tunnels: string[];
  stop(): Promise<void>;
}

export async function startConnectProxy(): Promise<Proxy> {
  const tunnels: string[] = [];
  const server = createServer((_req, res) => reply(res, 405, { error: 'CONNECT only' }));
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    tunnels.push(target);
    const [host = '', port = '80'] = target.split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const port = await listen(server, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, tunnels, stop: () => close(server) };
}

// ---------------------------------------------------------------------------------------------------------
// The registry

export type RegistryAuthMode = { kind: 'none' } | { kind: 'basic'; users: Record<string, string> } | { kind: 'token'; issuer: TokenIssuer };

export interface RegistryOptions {
  storage: string;
  auth?: RegistryAuthMode;
  /** Base URL blob GETs are redirected to (the registry's `redirect` storage middleware). */
  redirectTo?: string;
}

export interface RunningRegistry {
  /** "127.0.0.1:PORT": what references and config keys name. */
  host: string;
  url: string;
  storage: string;
  logFile: string;
  stop(): Promise<void>;
}

export async function startRegistry(opts: RegistryOptions): Promise<RunningRegistry> {
  const dir = tempDir('isg-registry-');
  const port = await freePort();
  const auth = opts.auth ?? { kind: 'none' };
  const config: Record<string, unknown> = {
    version: 0.1,
    log: { level: 'info', accesslog: { disabled: false } },
    storage: { filesystem: { rootdirectory: opts.storage }, delete: { enabled: true } },
    http: { addr: `127.0.0.1:${port}`, secret: randomBytes(16).toString('hex') },
  };
  if (auth.kind === 'basic') {
    const htpasswd = join(dir, 'htpasswd');
    const lines: string[] = [];
    for (const [user, pass] of Object.entries(auth.users)) {
      lines.push((await exec('htpasswd', ['-Bbn', user, pass])).stdout.trim());
    }
    writeFileSync(htpasswd, lines.join('\n') + '\n');
    config.auth = { htpasswd: { realm: 'isg-test', path: htpasswd } };
  } else if (auth.kind === 'token') {
    config.auth = { token: { realm: auth.issuer.realm, service: auth.issuer.service, issuer: auth.issuer.issuer, rootcertbundle: auth.issuer.certPath } };
  }
  if (opts.redirectTo) config.middleware = { storage: [{ name: 'redirect', options: { baseurl: opts.redirectTo } }] };
  // JSON is YAML: the registry reads this as its config file.
  const configPath = join(dir, 'config.yml');
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  const logFile = join(dir, 'registry.log');
  const out = openSync(logFile, 'a');
  const child: ChildProcess = spawn('docker-registry', ['serve', configPath], { stdio: ['ignore', out, out] });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  // a guard against a registry that never comes up (it answers in about a second), not a measure of speed
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited at start: ${readFileSync(logFile, 'utf8').slice(-2000)}`);
    const status = await fetch(`${url}/v2/`).then((r) => r.status, () => 0);
    if (status === 200 || status === 401) break;
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`docker-registry did not answer on ${url} within 120 s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host: `127.0.0.1:${port}`,
    url,
    storage: opts.storage,
    logFile,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Images

/** Tags a local image into the registry, pushes it, and removes the registry tag again. Returns the pushed digest. */
export async function pushImage(localRef: string, remoteRef: string): Promise<string> {
  await docker(['tag', localRef, remoteRef]);
  try {
    const out = await docker(['push', remoteRef]);
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(out)?.[1];
    if (!digest) throw new Error(`docker push ${remoteRef} printed no digest: ${out.slice(-500)}`);
    return digest;
  } finally {
    await docker(['image', 'rm', remoteRef]).catch(() => undefined);
  }
}

/** A Docker config directory holding config.json with this content. */
export function dockerConfigDir(content: object): string {
  const dir = tempDir('isg-dockercfg-');
  writeFileSync(join(dir, 'config.json'), JSON.stringify(content, null, 2));
  return dir;
}

export const basicAuth = (user: string, pass: string): string => Buffer.from(`${user}:${pass}`).toString('base64');

function reply(res: ServerResponse, status: number, body: object): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

function bodyText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (s += d));
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });
}

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, host, () => resolve((server.address() as { port: number }).port));
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

// ---------------------------------------------------------------------------------------------------------
// Many tags, and a registry that pages them

const MANIFEST_TYPES = 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json';

/** Tags an image the registry has under more tags: its manifest PUT again under each (no blobs move). */
export async function putManifestTags(registry: RunningRegistry, repo: string, from: string, tags: readonly string[]): Promise<void> {
  const got = await fetch(`${registry.url}/v2/${repo}/manifests/${from}`, { headers: { accept: MANIFEST_TYPES } });
  if (got.status !== 200) throw new Error(`GET manifest ${repo}:${from}: HTTP ${got.status}`);
  const type = got.headers.get('content-type') ?? '';
  const body = Buffer.from(await got.arrayBuffer());
  for (const tag of tags) {
    const put = await fetch(`${registry.url}/v2/${repo}/manifests/${tag}`, { method: 'PUT', headers: { 'content-type': type }, body });
    if (put.status !== 201) throw new Error(`PUT manifest ${repo}:${tag}: HTTP ${put.status} ${await put.text()}`);
  }
}

export interface PagingFront {
  /** "127.0.0.1:PORT": what references and config keys name. */
  host: string;
  /** Every tag-list request: its query and whether it carried credentials. */
  tagRequests: { query: string; authorization: boolean }[];
  /** Answer every page with the same next link (a registry that never ends its list). */
  loop: boolean;
  stop(): Promise<void>;
}

/**
 * A front for a real registry that pages its tag lists as distribution 3, GHCR and ECR do — Debian's registry
 * (distribution 2.8) answers the whole list whatever `n` says. Everything else, auth challenges included,
 * passes through unchanged; the tags are the registry's, sorted, at most `maxPage` (or `n`) per page, with
 * `Link: </v2/NAME/tags/list?n=N&last=TAG>; rel="next"` while more follow.
 */
export async function startPagingFront(target: RunningRegistry, maxPage: number): Promise<PagingFront> {
  const front: PagingFront = { host: '', tagRequests: [], loop: false, stop: async () => undefined };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const tagList = req.method === 'GET' && /^\/v2\/.+\/tags\/list$/.test(url.pathname);
    if (tagList) front.tagRequests.push({ query: url.search.slice(1), authorization: req.headers.authorization !== undefined });
    const headers = { ...req.headers, host: target.host };
    const upstream = httpRequest(`${target.url}${tagList ? url.pathname : req.url}`, { method: req.method, headers, agent: false }, (up) => {
      if (!tagList || up.statusCode !== 200) {
        res.writeHead(up.statusCode ?? 502, up.headers);
        return void up.pipe(res);
      }
      let text = '';
      up.setEncoding('utf8');
      up.on('data', (d: string) => (text += d));
      up.on('end', () => {
        const all = ((JSON.parse(text) as { tags: string[] | null }).tags ?? []).sort();
        const n = Math.min(maxPage, Number(url.searchParams.get('n')) || maxPage);
        const last = front.loop ? null : url.searchParams.get('last');
        const start = last === null ? 0 : all.findIndex((t) => t > last);
        const page = start < 0 ? [] : all.slice(start, start + n);
        const more = start >= 0 && (front.loop || start + n < all.length);
        if (more) res.setHeader('link', `<${url.pathname}?n=${n}&last=${encodeURIComponent(page.at(-1) ?? '')}>; rel="next"`);
        reply(res, 200, { name: url.pathname.slice(4, -'/tags/list'.length), tags: page });
      });
    });
    upstream.on('error', () => reply(res, 502, { error: 'upstream' }));
    req.pipe(upstream);
  });
  const port = await listen(server, '127.0.0.1');
  front.host = `127.0.0.1:${port}`;
  front.stop = () => close(server);
  return front;
}
