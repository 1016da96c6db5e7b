// A local HTTP server that plays the parts of GitHub's REST and GraphQL APIs the Action uses, as awkwardly
// as the real service:
// - GraphQL `viewer` spells the Actions bot `github-actions` (no `[bot]`) or `github-actions[bot]`, while
//   REST comment users are always `{login: "github-actions[bot]", id: 41898282, type: "Bot"}`;
// - `GET /user` answers 403 "Resource not accessible by integration" for an Actions token;
// - rate-limit headers on every answer; Link pagination honouring per_page (default 30, at most 100) and
//   page, with next/last links pointing at `/repositories/:id/...` as GitHub's do;
// - failure modes: 403 for a fork's read-only token, 502 flakes, writes that succeed and still answer 502 or
//   drop the connection, primary rate limits (403 + x-ratelimit-remaining: 0 + x-ratelimit-reset; GraphQL
//   answers 200 with a RATE_LIMITED error), secondary limits (403 + retry-after), bare 429s.
// Optionally laid out as GitHub Enterprise Server: REST under /api/v3, GraphQL at /api/graphql.
// The repository's contents (the contents API and the git data API, for the size history) are fake-contents.ts.

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeContents } from './fake-contents.js';

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export const ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
export const REPO_ID = 123456789;

export interface FakeComment {
  id: number;
  body: string;
  user: FakeUser;
  html_url: string;
}

export interface FakeRequest {
  method: string;
  /** path and query as the client sent them */
  path: string;
  /** the Host header: the name the client addressed */
  host: string;
  /** the client's TCP port: who opened the connection (a proxy shows up here) */
  remotePort: number;
  status?: number;
  /** The server's own clock (performance.now(), ms) when the request arrived and when it was answered. */
  at: number;
  answeredAt?: number;
  /** The headers it was answered with. */
  sentHeaders?: Record<string, string>;
  /** The server's clock (epoch seconds) its x-ratelimit-* headers were computed from, when it sent them. */
  rateClock?: number;
}

/** A one-shot answer for the next request that matches (all requests when `match` is absent). */
export interface FakeOverride {
  match?: (method: string, path: string) => boolean;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeGitHub {
  /** http://127.0.0.1:PORT (plus /api/v3 in the GHES layout) */
  url: string;
  graphqlUrl: string;
  port: number;
  comments: FakeComment[];
  requests: FakeRequest[];
  /** who the token is */
  me: FakeUser;
  /** GraphQL viewer: 'plain' drops the [bot] suffix (as GitHub does in places), 'suffixed' keeps it. */
  viewer: 'plain' | 'suffixed' | 'refused';
  /** GET /user: 'refused' (403, as for an Actions or App token) or 'ok' (a personal token) */
  userEndpoint: 'refused' | 'ok';
  /** 'forbidden': every comment call answers 403, as for a fork PR's read-only token */
  mode: 'ok' | 'forbidden';
  /** Answer the next N requests with 502 before doing anything. */
  flaky: number;
  /** The next N comment writes (POST/PATCH) are done, then answered with 502. */
  writeThen502: number;
  /** The next N comment writes are done, then the connection is dropped without an answer. */
  writeThenReset: number;
  /** Refuse the next N comment POSTs with 502 without writing. */
  postFails: number;
  /** Primary rate limit: 'rest' (REST calls), 'all' (GraphQL too); lifts `rateLimitResetIn` seconds from now. */
  rateLimited: null | 'rest' | 'all';
  rateLimitResetIn: number;
  /** How many rate-limited answers to give before the limit lifts (default: no end). */
  rateLimitCount: number;
  /** One-shot answers, used first to last, for cases the modes above do not cover. */
  overrides: FakeOverride[];
  /** Answer the next N requests with a secondary rate limit (403 + retry-after: 1). */
  secondaryLimit: number;
  /** Answer the next N requests with a bare 429 + retry-after: 1. */
  tooMany: number;
  /** The repository's branches and files (contents API, git data API); fresh after reset(). */
  contents: FakeContents;
  seed(count: number, user: FakeUser | string, body?: (i: number) => string): void;
  reset(): void;
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';

/** A stable id for a made-up login (not the bot's). */
function userFor(login: string): FakeUser {
  if (login === ACTIONS_BOT.login) return ACTIONS_BOT;
  let h = 7;
  for (const ch of login) h = (h * 31 + ch.charCodeAt(0)) % 9_000_000;
  return { login, id: 1_000_000 + h, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
}

export async function startFakeGitHub(opts: { owner: string; repo: string; issue: number; ghes?: boolean }): Promise<FakeGitHub> {
  let nextId = 1000;
  const restPrefix = opts.ghes ? '/api/v3' : '';
  const graphqlPath = opts.ghes ? '/api/graphql' : '/graphql';
  const base = `${restPrefix}/repos/${opts.owner}/${opts.repo}/issues`;
  const byId = `${restPrefix}/repositories/${REPO_ID}/issues`;
  const budget = { limit: 1000, used: 0, resetAt: Math.floor(Date.now() / 1000) + 3600 };

  const defaults = () => ({
    comments: [] as FakeComment[],
    requests: [] as FakeRequest[],
    me: ACTIONS_BOT,
    viewer: 'plain' as const,
    userEndpoint: 'refused' as const,
    mode: 'ok' as const,
    flaky: 0,
    writeThen502: 0,
    writeThenReset: 0,
    postFails: 0,
    rateLimited: null,
    rateLimitResetIn: 3600,
    rateLimitCount: Infinity,
    overrides: [] as FakeOverride[],
    secondaryLimit: 0,
    tooMany: 0,
    contents: new FakeContents(opts.owner, opts.repo),
  });
  const fake = defaults() as unknown as FakeGitHub;

  const rateHeaders = (resource: string, exhausted: boolean): Record<string, string> => {
    const now = Math.floor(Date.now() / 1000);
    const rec = fake.requests.at(-1);
    if (rec) rec.rateClock = now;
    if (budget.resetAt <= now) Object.assign(budget, { used: 0, resetAt: now + 3600 });
    if (!exhausted) budget.used = Math.min(budget.limit, budget.used + 1);
    return {
      'x-ratelimit-limit': String(budget.limit),
      'x-ratelimit-remaining': exhausted ? '0' : String(budget.limit - budget.used),
      'x-ratelimit-used': exhausted ? String(budget.limit) : String(budget.used),
      'x-ratelimit-reset': String(exhausted ? now + fake.rateLimitResetIn : budget.resetAt),
      'x-ratelimit-resource': resource,
    };
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    const rec = fake.requests.at(-1);
    const sent = {
      'content-type': 'application/json; charset=utf-8',
      server: 'github.com',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
      ...headers,
    };
    if (rec) Object.assign(rec, { status, sentHeaders: sent, answeredAt: performance.now() });
    res.writeHead(status, sent);
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  // GitHub's 502 pages are HTML, not JSON
  const unicorn = (res: ServerResponse): void => send(res, 502, '<html><body><h1>Unicorn!</h1> This page is taking too long to load.</body></html>', { 'content-type': 'text/html' });
  const readBody = (req: IncomingMessage): Promise<Record<string, unknown>> =>
    new Promise((resolve) => {
      let data = '';
      req.on('data', (d: Buffer) => (data += d.toString()));
      req.on('end', () => {
        try {
          resolve(data ? (JSON.parse(data) as Record<string, unknown>) : {});
        } catch {
          resolve({});
        }
      });
    });
  const render = (c: FakeComment, origin: string) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${origin}${restPrefix}/repos/${opts.owner}/${opts.repo}/issues/comments/${c.id}`,
    html_url: c.html_url,
    issue_url: `${origin}${restPrefix}/repos/${opts.owner}/${opts.repo}/issues/${opts.issue}`,
    body: c.body,
    user: { ...c.user, node_id: `U_${c.user.id}`, site_admin: false },
    author_association: c.user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  });

  const server: Server = createServer(async (req, res) => {
    const host = req.headers.host ?? '';
    const origin = `http://${host}`;
    const u = new URL(req.url ?? '/', origin);
    fake.requests.push({ method: req.method ?? '', path: u.pathname + u.search, host, remotePort: req.socket.remotePort ?? 0, at: performance.now() });
    const isGraphql = req.method === 'POST' && u.pathname === graphqlPath;
    const reqBody = await readBody(req);

    if (!/^(token|bearer) test-token$/i.test(req.headers.authorization ?? '')) {
      return send(res, 401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
    }
    const o = fake.overrides.findIndex((x) => !x.match || x.match(req.method ?? '', u.pathname + u.search));
    if (o >= 0) {
      const [override] = fake.overrides.splice(o, 1);
      return send(res, override!.status, override!.body ?? {}, override!.headers ?? {});
    }
    if (fake.flaky > 0) {
      fake.flaky--;
      return unicorn(res);
    }
    if (fake.secondaryLimit > 0) {
      fake.secondaryLimit--;
      return send(res, 403, {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
        status: '403',
      }, { 'retry-after': '1', ...rateHeaders('core', false) });
    }
    if (fake.tooMany > 0) {
      fake.tooMany--;
      return send(res, 429, { message: 'Too Many Requests' }, { 'retry-after': '1' });
    }
    const limited = fake.rateLimitCount > 0 && (fake.rateLimited === 'all' || (fake.rateLimited === 'rest' && !isGraphql));
    if (limited && --fake.rateLimitCount === 0) fake.rateLimited = null;
    if (limited && isGraphql) {
      return send(res, 200, { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit already exceeded for installation ID 4242.' }] }, rateHeaders('graphql', true));
    }
    if (limited) {
      return send(res, 403, {
        message: 'API rate limit exceeded for installation ID 4242.',
        documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api`,
        status: '403',
      }, rateHeaders('core', true));
    }

    if (isGraphql) {
      const headers = rateHeaders('graphql', false);
      if (fake.viewer === 'refused') return send(res, 403, { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' }, headers);
      if (!/\bviewer\b/.test(String(reqBody.query ?? ''))) return send(res, 200, { errors: [{ message: 'unsupported query in the fake' }] }, headers);
      const login = fake.viewer === 'plain' ? fake.me.login.replace(/\[bot\]$/, '') : fake.me.login;
      return send(res, 200, { data: { viewer: { login, databaseId: fake.me.id } } }, headers);
    }
    const headers = rateHeaders('core', false);
    if (req.method === 'GET' && u.pathname === `${restPrefix}/user`) {
      if (fake.userEndpoint === 'refused') return send(res, 403, { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' }, headers);
      return send(res, 200, { ...fake.me, node_id: `U_${fake.me.id}` }, headers);
    }
    const onIssue = u.pathname.startsWith(base) || u.pathname.startsWith(byId);
    if (fake.mode === 'forbidden' && onIssue) {
      return send(res, 403, { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' }, headers);
    }
    const listPaths = [`${base}/${opts.issue}/comments`, `${byId}/${opts.issue}/comments`];
    if (req.method === 'GET' && listPaths.includes(u.pathname)) {
      const perPage = Math.max(1, Math.min(100, Number(u.searchParams.get('per_page') ?? 30) || 30));
      const page = Math.max(1, Number(u.searchParams.get('page') ?? 1) || 1);
      const slice = fake.comments.slice((page - 1) * perPage, page * perPage).map((c) => render(c, origin));
      const last = Math.max(1, Math.ceil(fake.comments.length / perPage));
      const link = (p: number) => `<${origin}${byId}/${opts.issue}/comments?per_page=${perPage}&page=${p}>`;
      const rels: string[] = [];
      if (page > 1) rels.push(`${link(page - 1)}; rel="prev"`);
      if (page < last) rels.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
      if (page > 1) rels.push(`${link(1)}; rel="first"`);
      return send(res, 200, slice, rels.length ? { ...headers, link: rels.join(', ') } : headers);
    }

    const write = (): FakeComment | null => {
      if (req.method === 'POST' && u.pathname === `${base}/${opts.issue}/comments`) {
        const id = nextId++;
        const c: FakeComment = { id, body: String(reqBody.body), user: fake.me, html_url: `https://github.com/${opts.owner}/${opts.repo}/pull/${opts.issue}#issuecomment-${id}` };
        fake.comments.push(c);
        return c;
      }
      const m = new RegExp(`^${restPrefix}/repos/[^/]+/[^/]+/issues/comments/(\\d+)$`).exec(u.pathname);
      if (req.method === 'PATCH' && m) {
        const c = fake.comments.find((x) => x.id === Number(m[1]));
        if (!c) return null;
        c.body = String(reqBody.body);
        return c;
      }
      return null;
    };
    const isPost = req.method === 'POST' && u.pathname === `${base}/${opts.issue}/comments`;
    if (isPost && fake.postFails > 0) {
      fake.postFails--;
      return send(res, 502, { message: 'Server Error' });
    }
    const written = write();
    if (written) {
      if (fake.writeThenReset > 0) {
        fake.writeThenReset--;
        const rec = fake.requests.at(-1);
        if (rec) rec.status = 0;
        req.socket.destroy();
        return;
      }
      if (fake.writeThen502 > 0) {
        fake.writeThen502--;
        return send(res, 502, { message: 'Server Error' });
      }
      return send(res, isPost ? 201 : 200, render(written, origin), headers);
    }
    const answer = fake.contents.handle(req.method ?? '', u.pathname.slice(restPrefix.length), u.searchParams, String(req.headers.accept ?? ''), reqBody);
    if (answer) return send(res, answer.status, answer.body, headers);
    if (req.method === 'PATCH') return send(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' }, headers);
    return send(res, 404, { message: `Not Found (the fake has no route for ${req.method} ${u.pathname})`, documentation_url: DOCS, status: '404' }, headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  fake.port = port;
  fake.url = `http://127.0.0.1:${port}${restPrefix}`;
  fake.graphqlUrl = `http://127.0.0.1:${port}${graphqlPath}`;
  fake.seed = (count, who, body = (i) => `comment ${i}`) => {
    const user = typeof who === 'string' ? userFor(who) : who;
    for (let i = 0; i < count; i++) {
      const id = nextId++;
      fake.comments.push({ id, body: body(i), user, html_url: `https://github.com/${opts.owner}/${opts.repo}/pull/${opts.issue}#issuecomment-${id}` });
    }
  };
  fake.reset = () => Object.assign(fake, defaults());
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
