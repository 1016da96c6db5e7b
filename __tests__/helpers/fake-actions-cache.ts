// A local HTTP server that plays GitHub's Actions cache service (v2: twirp JSON at ACTIONS_RESULTS_URL, with
// ACTIONS_CACHE_SERVICE_V2 set) and the blob storage behind it, so that @actions/cache runs its real code
// path — the same one it runs on github.com — against it. As awkward as the real service:
// - every call needs the run's bearer token; the token decides the scope: a run writes to its own ref's scope
//   and reads its own and the default branch's (caches saved on the default branch are visible to pull
//   requests; a pull request's are visible to its own later runs only);
// - a miss is `200 {"ok": false}`; fields are snake_case, int64s are strings;
// - creating an entry whose key and version exist in the scope (saved, or reserved by a job still
//   uploading) answers `409 Conflict` with the twirp error `already_exists`; a read-only token (a fork's)
//   gets `200 {"ok": false, "message": "cache write denied: …"}`;
// - the upload goes to a signed blob URL with Azure's Put Blob (`x-ms-blob-type: BlockBlob` required), or Put
//   Block + Put Block List for big files; a wrong signature is 403; finalize checks the uploaded size;
// - restores match the primary key exactly and restore keys by prefix, only for the same version.

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCacheEntry {
  id: number;
  key: string;
  version: string;
  scope: string;
  data: Buffer | null;
  finalized: boolean;
  created: number;
}

export interface FakeCacheRequest {
  method: string;
  path: string;
  status: number;
  /** the twirp method, for service calls */
  call?: string;
  /** what a service call asked for, and as whom: the key, the restore keys, the scope its token writes to */
  key?: string;
  restoreKeys?: string[];
  scope?: string;
  /** the key a GetCacheEntryDownloadURL matched, or null for a miss */
  matched?: string | null;
}

export interface FakeActionsCache {
  /** ACTIONS_RESULTS_URL (ends with "/") */
  url: string;
  entries: FakeCacheEntry[];
  requests: FakeCacheRequest[];
  /** A runtime token for a run on `ref` ("refs/heads/main", "refs/pull/7/merge"). */
  token(ref: string, opts?: { readOnly?: boolean }): string;
  /** The environment a run on `ref` gets from the runner for the cache. */
  env(ref: string, opts?: { readOnly?: boolean }): Record<string, string>;
  close(): Promise<void>;
}

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';

export async function startFakeActionsCache(opts: { defaultBranch?: string } = {}): Promise<FakeActionsCache> {
  const defaultRef = `refs/heads/${opts.defaultBranch ?? 'main'}`;
  const tokens = new Map<string, { ref: string; readOnly: boolean }>();
  const entries: FakeCacheEntry[] = [];
  const requests: FakeCacheRequest[] = [];
  const sigs = new Map<number, string>();
  const blocks = new Map<number, Map<string, Buffer>>();
  let nextId = 1;
  let base = '';

  const twirpError = (res: ServerResponse, status: number, code: string, msg: string): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code, msg }));
  };
  const json = (res: ServerResponse, body: unknown): void => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const body = (req: IncomingMessage): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => resolve(Buffer.concat(parts)));
      req.on('error', reject);
    });

  async function service(req: IncomingMessage, res: ServerResponse, method: string, record: FakeCacheRequest): Promise<void> {
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const who = auth ? tokens.get(auth[1]!) : undefined;
    if (!who) return twirpError(res, 401, 'unauthenticated', 'invalid or missing token');
    let input: Record<string, unknown>;
    try {
      input = JSON.parse((await body(req)).toString('utf8')) as Record<string, unknown>;
    } catch {
      return twirpError(res, 400, 'malformed', 'the request is not JSON');
    }
    const key = String(input.key ?? '');
    const version = String(input.version ?? '');
    if (!key || !version) return twirpError(res, 400, 'invalid_argument', 'key and version are required');
    Object.assign(record, { key, scope: who.ref });
    const readable = [who.ref, ...(who.ref === defaultRef ? [] : [defaultRef])];
    if (method === 'GetCacheEntryDownloadURL') {
      const restoreKeys = Array.isArray(input.restore_keys) ? (input.restore_keys as string[]) : [];
      Object.assign(record, { restoreKeys, matched: null });
      for (const scope of readable) {
        const ready = entries.filter((e) => e.finalized && e.scope === scope && e.version === version).sort((a, b) => b.created - a.created);
        const hit = ready.find((e) => e.key === key) ?? restoreKeys.map((k) => ready.find((e) => e.key.startsWith(k))).find(Boolean);
        if (hit) {
          record.matched = hit.key;
          return json(res, { ok: true, signed_download_url: `${base}download/${hit.id}?sig=${sigs.get(hit.id)}`, matched_key: hit.key });
        }
      }
      return json(res, { ok: false, signed_download_url: '', matched_key: '' });
    }
    if (method === 'CreateCacheEntry') {
      if (who.readOnly) return json(res, { ok: false, signed_upload_url: '', message: 'cache write denied: token has no writable scopes' });
      if (entries.some((e) => e.key === key && e.version === version && e.scope === who.ref)) {
        return twirpError(res, 409, 'already_exists', 'cache entry with the same key, version, and scope already exists');
      }
      const id = nextId++;
      const sig = randomBytes(12).toString('hex');
      sigs.set(id, sig);
      entries.push({ id, key, version, scope: who.ref, data: null, finalized: false, created: Date.now() + id });
      return json(res, { ok: true, signed_upload_url: `${base}blob/devstoreaccount1/actions-cache/${id}?sig=${sig}` });
    }
    if (method === 'FinalizeCacheEntryUpload') {
      const entry = entries.find((e) => e.key === key && e.version === version && e.scope === who.ref && !e.finalized);
      if (!entry) return twirpError(res, 404, 'not_found', 'no reserved cache entry with this key and version');
      if (!entry.data || String(entry.data.length) !== String(input.size_bytes)) return json(res, { ok: false, entry_id: '0', message: 'the uploaded archive does not have the size given' });
      entry.finalized = true;
      return json(res, { ok: true, entry_id: String(entry.id) });
    }
    return twirpError(res, 404, 'bad_route', `no handler for ${method}`);
  }

  /** Azure blob storage's Put Blob / Put Block / Put Block List, enough for the SDK's uploadFile. */
  async function blob(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const id = Number(url.pathname.split('/').pop());
    const entry = entries.find((e) => e.id === id);
    if (req.method !== 'PUT' || !entry || entry.finalized || url.searchParams.get('sig') !== sigs.get(id)) {
      res.writeHead(403, { 'x-ms-error-code': 'AuthenticationFailed' }).end();
      return;
    }
    const data = await body(req);
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      const list = blocks.get(id) ?? new Map<string, Buffer>();
      list.set(url.searchParams.get('blockid') ?? '', data);
      blocks.set(id, list);
    } else if (comp === 'blocklist') {
      const ids = [...data.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1]!);
      const list = blocks.get(id);
      if (!list || ids.some((b) => !list.has(b))) {
        res.writeHead(400, { 'x-ms-error-code': 'InvalidBlockList' }).end();
        return;
      }
      entry.data = Buffer.concat(ids.map((b) => list.get(b)!));
    } else {
      if (req.headers['x-ms-blob-type'] !== 'BlockBlob') {
        res.writeHead(400, { 'x-ms-error-code': 'MissingRequiredHeader' }).end();
        return;
      }
      entry.data = data;
    }
    res.writeHead(201, {
      etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
      'last-modified': new Date().toUTCString(),
      'x-ms-request-id': randomBytes(16).toString('hex'),
      'x-ms-version': '2024-11-04',
      'x-ms-request-server-encrypted': 'true',
      date: new Date().toUTCString(),
    });
    res.end();
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const record: FakeCacheRequest = { method: req.method ?? '', path: url.pathname, status: 0 };
    requests.push(record);
    const end = res.end.bind(res);
    res.end = ((...args: Parameters<typeof end>) => {
      record.status = res.statusCode;
      return end(...args);
    }) as typeof res.end;
    const fail = (err: unknown): void => {
      if (!res.headersSent) twirpError(res, 500, 'internal', (err as Error).message);
    };
    if (req.method === 'POST' && url.pathname.startsWith(SERVICE)) {
      record.call = url.pathname.slice(SERVICE.length);
      service(req, res, record.call, record).catch(fail);
    } else if (url.pathname.startsWith('/blob/')) blob(req, res, url).catch(fail);
    else if (req.method === 'GET' && url.pathname.startsWith('/download/')) {
      const id = Number(url.pathname.split('/').pop());
      const entry = entries.find((e) => e.id === id && e.finalized);
      if (!entry?.data || url.searchParams.get('sig') !== sigs.get(id)) {
        res.writeHead(403).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(entry.data.length) });
      res.end(entry.data);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const token = (ref: string, o: { readOnly?: boolean } = {}): string => {
    const t = randomBytes(16).toString('hex');
    tokens.set(t, { ref, readOnly: o.readOnly === true });
    return t;
  };
  return {
    url: base,
    entries,
    requests,
    token,
    env: (ref, o) => ({ ACTIONS_RESULTS_URL: base, ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RUNTIME_TOKEN: token(ref, o), GITHUB_REF: ref }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
