// A local HTTP server that plays the parts of the GitHub REST (and GraphQL viewer) API the Action uses:
// issue comments with Link pagination, create, update, and failure modes (403 for forks, 502 flakes).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string };
  html_url: string;
}

export interface FakeGitHub {
  url: string;
  comments: FakeComment[];
  requests: { method: string; path: string }[];
  me: string;
  /** 'ok', or 'forbidden' (every comment call answers 403, as for a fork PR's read-only token) */
  mode: 'ok' | 'forbidden';
  /** Answer the next N requests with 502 (a flaky API), to exercise retries. */
  flaky: number;
  seed(count: number, login: string, body?: (i: number) => string): void;
  close(): Promise<void>;
}

export async function startFakeGitHub(opts: { owner: string; repo: string; issue: number }): Promise<FakeGitHub> {
  let nextId = 1000;
  const state: Omit<FakeGitHub, 'close' | 'seed' | 'url'> = { comments: [], requests: [], me: 'github-actions[bot]', mode: 'ok', flaky: 0 };
  const base = `/repos/${opts.owner}/${opts.repo}/issues`;
  let url = '';

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const readBody = (req: IncomingMessage): Promise<Record<string, unknown>> =>
    new Promise((resolve) => {
      let data = '';
      req.on('data', (d: Buffer) => (data += d.toString()));
      req.on('end', () => resolve(data ? (JSON.parse(data) as Record<string, unknown>) : {}));
    });

  const server: Server = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://localhost');
    state.requests.push({ method: req.method ?? '', path: u.pathname + u.search });
    if (req.headers.authorization !== 'Bearer test-token') return send(res, 401, { message: 'Bad credentials' });
    if (state.flaky > 0) {
      state.flaky--;
      return send(res, 502, { message: 'Bad Gateway' });
    }
    if (req.method === 'POST' && u.pathname === '/graphql') return send(res, 200, { data: { viewer: { login: state.me } } });
    if (state.mode === 'forbidden' && u.pathname.startsWith(base)) return send(res, 403, { message: 'Resource not accessible by integration' });
    if (req.method === 'GET' && u.pathname === `${base}/${opts.issue}/comments`) {
      const perPage = Math.min(100, Number(u.searchParams.get('per_page') ?? 30));
      const page = Number(u.searchParams.get('page') ?? 1);
      const slice = state.comments.slice((page - 1) * perPage, page * perPage);
      const last = Math.max(1, Math.ceil(state.comments.length / perPage));
      const link: Record<string, string> = page < last ? { link: `<${url}${base}/${opts.issue}/comments?per_page=${perPage}&page=${page + 1}>; rel="next", <${url}${base}/${opts.issue}/comments?per_page=${perPage}&page=${last}>; rel="last"` } : {};
      return send(res, 200, slice, link);
    }
    if (req.method === 'POST' && u.pathname === `${base}/${opts.issue}/comments`) {
      const body = await readBody(req);
      const c: FakeComment = { id: nextId++, body: String(body.body), user: { login: state.me }, html_url: `https://github.example/pr/${opts.issue}#c${nextId}` };
      state.comments.push(c);
      return send(res, 201, c);
    }
    const m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(u.pathname);
    if (req.method === 'PATCH' && m) {
      const c = state.comments.find((x) => x.id === Number(m[1]));
      if (!c) return send(res, 404, { message: 'Not Found' });
      c.body = String((await readBody(req)).body);
      return send(res, 200, c);
    }
    return send(res, 404, { message: `no route for ${req.method} ${u.pathname}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fake = state as FakeGitHub;
  fake.url = url;
  fake.seed = (count, login, body = (i) => `comment ${i}`) => {
    for (let i = 0; i < count; i++) fake.comments.push({ id: nextId++, body: body(i), user: { login }, html_url: `https://github.example/c${nextId}` });
  };
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
