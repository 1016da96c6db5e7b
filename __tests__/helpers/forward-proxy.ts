// A real forward proxy for tests: CONNECT tunnelling (undici's ProxyAgent tunnels even to http:// targets)
// and absolute-form HTTP forwarding (`GET http://host:port/path`). It resolves host names from its own
// table only — made-up names such as `api.github.isg.test` exist nowhere else — and records every tunnel
// and request it served, including the local port of each upstream connection it opened, so a test can
// match the connections a server saw against the ones this proxy made.

import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ProxyRecord {
  kind: 'connect' | 'forward';
  /** host:port asked for */
  target: string;
  /** request lines seen: the forwarded one, or the plain-HTTP ones inside a tunnel */
  requests: string[];
  /** local port of the proxy's connection to the target (null when it was not resolved or failed) */
  upstreamPort: number | null;
  status: 'ok' | 'unresolved' | 'failed';
}

export interface ForwardProxy {
  url: string;
  records: ProxyRecord[];
  close(): Promise<void>;
}

export async function startForwardProxy(hosts: Record<string, string>): Promise<ForwardProxy> {
  const records: ProxyRecord[] = [];
  const sockets = new Set<Socket>();
  const resolve = (host: string): string | undefined => hosts[host.toLowerCase()];

  const server: Server = createServer((req, res) => {
    // absolute-form request: GET http://host:port/path HTTP/1.1
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute-form request expected');
      return;
    }
    const rec: ProxyRecord = { kind: 'forward', target: target.host, requests: [`${req.method} ${target.pathname}${target.search}`], upstreamPort: null, status: 'ok' };
    records.push(rec);
    const address = resolve(target.hostname);
    if (!address || target.protocol !== 'http:') {
      rec.status = 'unresolved';
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`proxy: cannot resolve ${target.hostname}`);
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    delete headers['proxy-authorization'];
    // agent: false — a fresh upstream connection per request, so each one's port is known
    const upstream = httpRequest({ host: address, port: Number(target.port || 80), agent: false, method: req.method, path: target.pathname + target.search, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('socket', (s) => s.on('connect', () => (rec.upstreamPort = s.localPort ?? null)));
    upstream.on('error', () => {
      rec.status = 'failed';
      if (!res.headersSent) res.writeHead(502).end('proxy: upstream failed');
      else res.destroy();
    });
    req.pipe(upstream);
  });

  server.on('connect', (req, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    const target = req.url ?? '';
    const rec: ProxyRecord = { kind: 'connect', target, requests: [], upstreamPort: null, status: 'ok' };
    records.push(rec);
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target);
    const address = m ? resolve(m[1]!) : undefined;
    if (!m || !address) {
      rec.status = 'unresolved';
      client.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(Number(m[2]), address, () => {
      rec.upstreamPort = upstream.localPort ?? null;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      // the tunnel is opaque; for plain-HTTP targets the request lines can still be read off it
      const sniff = (chunk: Buffer): void => {
        for (const line of chunk.toString('latin1').matchAll(/(?:^|\r\n)([A-Z]+ \/\S* HTTP\/1\.[01])\r\n/g)) rec.requests.push(line[1]!.replace(/ HTTP\/1\.[01]$/, ''));
      };
      if (head.length) {
        sniff(head);
        upstream.write(head);
      }
      client.on('data', sniff);
      client.pipe(upstream);
      upstream.pipe(client);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => {
      rec.status = 'failed';
      client.destroy();
    });
    client.on('error', () => upstream.destroy());
  });

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    records,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
