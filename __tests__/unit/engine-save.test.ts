// The engine path of `local://` images (sources/engine-save.ts): which socket the docker CLI would use, and
// what happens when the engine refuses or drops the stream. The happy path runs against the real dockerd in
// __tests__/integration/engine-save.test.ts; here a small HTTP server on a unix socket plays an engine that
// misbehaves in ways a real one only does under load or failure.

import assert from 'node:assert/strict';
import { afterAll, afterEach, beforeAll, describe, it } from '@jest/globals';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChunkedDecoder, EngineRefusedError, EngineStreamError, engineHasImage, engineSocket, saveFromEngine } from '../../src/sources/engine-save.js';
import { ImageOpener } from '../../src/sources/open-image.js';
import { ImageSourceError } from '../../src/image/source-error.js';
import { makeImageArchive } from '../helpers/make-archive.js';

let dir = '';
let sock = '';
let server: Server;
let handler: (path: string, res: ServerResponse) => void = (_p, res) => res.end();
const paths: string[] = [];
// a raw socket: the exact bytes an engine (or whatever sits on the socket) might send
let rawSock = '';
let rawServer: NetServer;
let raw: (c: Socket) => void = (c) => c.end();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'isg-engine-'));
  sock = join(dir, 'engine.sock');
  server = createServer((req, res) => {
    paths.push(req.url ?? '');
    handler(req.url ?? '', res);
  });
  await new Promise<void>((r) => server.listen(sock, r));
  rawSock = join(dir, 'raw.sock');
  rawServer = createNetServer((c) => {
    let req = '';
    c.on('data', (d: Buffer) => {
      req += d.toString('latin1');
      if (req.includes('\r\n\r\n')) raw(c);
    });
    c.on('error', () => undefined);
  });
  await new Promise<void>((r) => rawServer.listen(rawSock, r));
});

afterAll(async () => {
  await new Promise((r) => rawServer.close(r));
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('engineSocket: the engine the docker CLI would talk to, or null (then the CLI is used)', () => {
  const noConfig = (): string => {
    const d = join(dir, `cfg-${Math.random().toString(16).slice(2)}`);
    mkdirSync(d);
    return d;
  };

  it('a unix DOCKER_HOST names the socket', () => {
    assert.equal(engineSocket({ DOCKER_HOST: `unix://${sock}`, DOCKER_CONFIG: noConfig() }), sock);
  });

  it('TCP, SSH and missing sockets are left to the CLI', () => {
    assert.equal(engineSocket({ DOCKER_HOST: 'tcp://127.0.0.1:2376' }), null);
    assert.equal(engineSocket({ DOCKER_HOST: 'ssh://me@host' }), null);
    assert.equal(engineSocket({ DOCKER_HOST: `unix://${join(dir, 'absent.sock')}` }), null);
    assert.equal(engineSocket({ DOCKER_HOST: `unix://${dir}` }), null, 'a directory is not a socket');
  });

  it('DOCKER_PATH (another CLI, maybe another engine) and a selected docker context are left to the CLI', () => {
    assert.equal(engineSocket({ DOCKER_HOST: `unix://${sock}`, DOCKER_PATH: '/usr/bin/podman' }), null);
    assert.equal(engineSocket({ DOCKER_CONTEXT: 'remote', DOCKER_CONFIG: noConfig() }), null);
    const cfg = noConfig();
    writeFileSync(join(cfg, 'config.json'), JSON.stringify({ currentContext: 'colima' }));
    assert.equal(engineSocket({ DOCKER_CONFIG: cfg }), null);
    const broken = noConfig();
    writeFileSync(join(broken, 'config.json'), '{ not json');
    assert.equal(engineSocket({ DOCKER_CONFIG: broken }), null, 'an unreadable config: the CLI decides');
  });

  it('no DOCKER_HOST and the default context: the default socket, when it is one', () => {
    const cfg = noConfig();
    writeFileSync(join(cfg, 'config.json'), JSON.stringify({ currentContext: 'default' }));
    assert.equal(engineSocket({ DOCKER_CONFIG: cfg }, sock), sock);
    assert.equal(engineSocket({ DOCKER_CONFIG: cfg, DOCKER_CONTEXT: 'default' }, sock), sock);
    assert.equal(engineSocket({ DOCKER_CONFIG: noConfig(), DOCKER_HOST: '' }, sock), sock, 'an empty DOCKER_HOST is unset');
    assert.equal(engineSocket({ DOCKER_CONFIG: cfg }, join(dir, 'absent.sock')), null);
  });

  it('DOCKER_API_VERSION (the CLI pins its requests to it) is left to the CLI', () => {
    assert.equal(engineSocket({ DOCKER_HOST: `unix://${sock}`, DOCKER_API_VERSION: '1.41' }), null);
  });
});

describe('saveFromEngine', () => {
  afterEach(() => {
    paths.length = 0;
  });

  it('asks for the reference as one query value, however it is spelt', async () => {
    handler = (_p, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"nope"}');
    await assert.rejects(saveFromEngine(sock, 'app:1&names=secret/other:1'), EngineRefusedError);
    assert.equal(new URL(paths[0]!, 'http://x').searchParams.getAll('names').join('|'), 'app:1&names=secret/other:1');
  });

  it('the engine\'s JSON message is the error; any other body becomes one line', async () => {
    handler = (_p, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"reference does not exist"}');
    await assert.rejects(saveFromEngine(sock, 'app:1'), (e: Error) => e instanceof EngineRefusedError && e.message === 'reference does not exist');
    handler = (_p, res) => res.writeHead(502).end('<html>\n<b>bad\x1b[31m gateway</b>\n</html>');
    await assert.rejects(saveFromEngine(sock, 'app:1'), (e: Error) => {
      assert.ok(e instanceof EngineRefusedError);
      assert.match(e.message, /^the engine answered 502: <html>/);
      assert.doesNotMatch(e.message, /[\n\x1b]/);
      return true;
    });
  });

  it('an unreachable socket is a connection error (not a refusal), so the caller can fall back to the CLI', async () => {
    await assert.rejects(saveFromEngine(join(dir, 'absent.sock'), 'app:1'), (e: NodeJS.ErrnoException) => !(e instanceof EngineRefusedError) && e.code === 'ENOENT');
  });
});

describe('engineHasImage: `docker image inspect`\'s question on the socket', () => {
  it('200 is yes, 404 is no, anything else (or no engine) is "ask the CLI"', async () => {
    handler = (p, res) => res.writeHead(p === '/images/ghcr.io/o/app:1/json' ? 200 : 404, { 'content-type': 'application/json' }).end('{}');
    assert.equal(await engineHasImage(sock, 'ghcr.io/o/app:1'), true);
    assert.equal(await engineHasImage(sock, 'ghcr.io/o/other:1'), false);
    handler = (_p, res) => res.writeHead(500).end('{"message":"boom"}');
    assert.equal(await engineHasImage(sock, 'ghcr.io/o/app:1'), null);
    assert.equal(await engineHasImage(join(dir, 'absent.sock'), 'ghcr.io/o/app:1'), null);
  });

  it('a name outside a reference\'s alphabet is never put in a request path', async () => {
    const before = paths.length;
    for (const ref of ['app:1?x=1', 'app 1', '../../containers/json', 'app#1', '%2e%2e/x', '']) assert.equal(await engineHasImage(sock, ref), null, ref);
    assert.equal(paths.length, before);
  });
});

describe('saveFromEngine on the wire: framings a real engine (or a proxy) may use', () => {
  const collect = async (body: AsyncIterable<Buffer>): Promise<string> => {
    const parts: Buffer[] = [];
    for await (const p of body) parts.push(p);
    return Buffer.concat(parts).toString();
  };
  /** Writes the pieces one by one, a tick apart, so that each arrives in its own read. */
  const send = (c: Socket, pieces: (string | Buffer)[], end = true): void => {
    const next = (i: number): void => {
      if (i === pieces.length) {
        if (end) c.end();
        return;
      }
      c.write(pieces[i]!, () => setTimeout(() => next(i + 1), 5));
    };
    next(0);
  };

  it('an interim 100 Continue, headers split across reads, and a Content-Length body', async () => {
    raw = (c) => send(c, ['HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 2', '00 OK\r\nContent-Le', 'ngth: 11\r\n\r', '\nhello', ' world', 'EXTRA']);
    const archive = await saveFromEngine(rawSock, 'app:1');
    assert.equal(await collect(archive.body), 'hello world');
  });

  it('a body that runs until the connection closes', async () => {
    raw = (c) => send(c, ['HTTP/1.1 200 OK\r\n\r\nall ', 'of it']);
    assert.equal(await collect((await saveFromEngine(rawSock, 'app:1')).body), 'all of it');
  });

  it('a Content-Length body cut short is an error, not a shorter archive', async () => {
    raw = (c) => send(c, ['HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n', 'only this']);
    const archive = await saveFromEngine(rawSock, 'app:1');
    await assert.rejects(collect(archive.body), (e: Error) => e instanceof EngineStreamError && /after 9 bytes/.test(e.message));
  });

  it('an error with an empty body (Content-Length: 0) still says its status, and does not wait for the close', async () => {
    raw = (c) => send(c, ['HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n'], false);
    await assert.rejects(saveFromEngine(rawSock, 'app:1'), (e: Error) => e instanceof EngineRefusedError && e.message === 'the engine answered 500');
  });

  it('an error message split inside a UTF-8 character, trimmed as the CLI prints it', async () => {
    const body = Buffer.from('{"message":"naïve é failed\\n"}\n');
    const cut = body.indexOf(Buffer.from('ï')) + 1;
    raw = (c) => send(c, [`HTTP/1.1 404 Not Found\r\nContent-Length: ${body.length}\r\n\r\n`, body.subarray(0, cut), body.subarray(cut)]);
    await assert.rejects(saveFromEngine(rawSock, 'app:1'), (e: Error) => e instanceof EngineRefusedError && e.message === 'naïve é failed');
  });
});

describe('ChunkedDecoder', () => {
  const wire = Buffer.from('5;ext=1\r\nhello\r\n1A\r\n' + 'x'.repeat(26) + '\r\n0\r\nX-Trailer: y\r\n\r\nNEXT');
  const body = 'hello' + 'x'.repeat(26);

  it('decodes the same body whatever slices the socket delivers, and stops at the last chunk', () => {
    for (let a = 0; a <= wire.length; a++) {
      for (const b of [a, Math.min(wire.length, a + 1), Math.min(wire.length, a + 7)]) {
        const d = new ChunkedDecoder();
        const got = [wire.subarray(0, a), wire.subarray(a, b), wire.subarray(b)].flatMap((p) => d.push(p)).map((x) => x.toString()).join('');
        assert.equal(got, body, `split at ${a}/${b}`);
        assert.equal(d.done, true);
      }
    }
  });

  it('is not done before the terminating chunk', () => {
    const d = new ChunkedDecoder();
    d.push(wire.subarray(0, 20));
    assert.equal(d.done, false);
  });

  it('refuses malformed framing', () => {
    assert.throws(() => new ChunkedDecoder().push(Buffer.from('zz\r\n')), EngineStreamError);
    assert.throws(() => new ChunkedDecoder().push(Buffer.from('3\r\nabcXY\r\n')), EngineStreamError);
    assert.throws(() => new ChunkedDecoder().push(Buffer.from('1'.repeat(5000))), EngineStreamError);
  });
});

describe('local:// through the engine API (an engine that drops the stream)', () => {
  let archive: Buffer;
  const saved = process.env.DOCKER_HOST;
  const savedPath = process.env.DOCKER_PATH;

  beforeAll(async () => {
    const made = await makeImageArchive({
      format: 'docker-save',
      layers: [{ entries: [{ path: 'a.bin', content: 'a'.repeat(300_000) }] }, { entries: [{ path: 'b.bin', content: 'b'.repeat(300_000) }] }],
    });
    archive = made.archive;
    process.env.DOCKER_HOST = `unix://${sock}`;
    delete process.env.DOCKER_PATH;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
    if (savedPath !== undefined) process.env.DOCKER_PATH = savedPath;
  });

  it('a whole archive is read (the fake engine is faithful when it does not fail)', async () => {
    handler = (_p, res) => {
      res.writeHead(200, { 'content-type': 'application/x-tar' });
      res.end(archive);
    };
    const model = await new ImageOpener().openOne({ kind: 'local', ref: 'app:1' });
    assert.equal(model.layers.length, 2);
    assert.equal(paths.at(-1), '/images/get?names=app%3A1');
  });

  it('a chunked archive in small writes is read whole', async () => {
    handler = (_p, res) => {
      res.writeHead(200, { 'content-type': 'application/x-tar' }); // no length: chunked, as dockerd sends it
      for (let i = 0; i < archive.length; i += 7000) res.write(archive.subarray(i, i + 7000));
      res.end();
    };
    const model = await new ImageOpener().openOne({ kind: 'local', ref: 'app:1' });
    assert.equal(model.layers.length, 2);
    assert.equal(model.layers[1]!.size, 300_000);
  });

  it('a stream cut halfway: one line saying the engine closed it, never a partial report', async () => {
    handler = (_p, res) => {
      res.writeHead(200, { 'content-type': 'application/x-tar' });
      res.write(archive.subarray(0, Math.floor(archive.length / 2)), () => setTimeout(() => res.socket?.destroy(), 20));
    };
    await assert.rejects(new ImageOpener().openOne({ kind: 'local', ref: 'app:1' }), (e: Error) => {
      assert.ok(e instanceof ImageSourceError, `${e.constructor.name}: ${e.message}`);
      assert.match(e.message, /^docker save app:1 failed: the engine closed the stream after \d+ bytes/);
      return true;
    });
  });

  it('an export that fails after it started (the engine appends its error to the stream): the engine\'s message', async () => {
    handler = (_p, res) => {
      res.writeHead(200, { 'content-type': 'application/x-tar' });
      res.write(archive.subarray(0, 4096 * 3));
      res.end('{"errorDetail":{"message":"open /var/lib/docker/overlay2/x/diff: no such file or directory"},"error":"open …"}\r\n');
    };
    await assert.rejects(new ImageOpener().openOne({ kind: 'local', ref: 'app:1' }), (e: Error) => {
      assert.ok(e instanceof ImageSourceError, `${e.constructor.name}: ${e.message}`);
      assert.equal(e.message, 'docker save app:1 failed: open /var/lib/docker/overlay2/x/diff: no such file or directory');
      return true;
    });
  });

  it('a refusal is the engine\'s message, as `docker save` would print it', async () => {
    handler = (_p, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"reference does not exist"}');
    await assert.rejects(
      new ImageOpener().openOne({ kind: 'local', ref: 'gone:1' }),
      (e: Error) => e instanceof ImageSourceError && e.message === 'docker save gone:1 failed: reference does not exist',
    );
  });
});
