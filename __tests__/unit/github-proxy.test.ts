// proxyAwareFetch: HTTP_PROXY / HTTPS_PROXY / NO_PROXY decided per destination as @actions/http-client
// decides them, against a real forward proxy (test helper) and an API host name only that proxy resolves.

import assert from 'node:assert/strict';
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from '@jest/globals';
import { proxyAwareFetch } from '../../src/github/proxy-fetch.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js';

const HOST = 'api.github.isg.test';
const PROXY_VARS = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'];
/** fetch failed because it looked the name up itself, i.e. it went direct */
const unresolved = (err: Error) => /ENOTFOUND|EAI_AGAIN/.test(String((err.cause as Error | undefined)?.message ?? err.message));

describe('proxyAwareFetch', () => {
  let gh: FakeGitHub;
  let proxy: ForwardProxy;
  let saved: Record<string, string | undefined> = {};
  const get = (url: string) => proxyAwareFetch()(url, { headers: { authorization: 'token test-token' } });

  beforeAll(async () => {
    gh = await startFakeGitHub({ owner: 'octo', repo: 'app', issue: 7 });
    proxy = await startForwardProxy({ [HOST]: '127.0.0.1' });
  });
  beforeEach(() => {
    saved = Object.fromEntries(PROXY_VARS.map((k) => [k, process.env[k]]));
    for (const k of PROXY_VARS) delete process.env[k];
    gh.reset();
    proxy.records.length = 0;
  });
  afterEach(() => {
    for (const k of PROXY_VARS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
  afterAll(async () => {
    await proxy.close();
    await gh.close();
  });

  it('goes through HTTP_PROXY for an http:// API', async () => {
    process.env.HTTP_PROXY = proxy.url;
    const res = await get(`http://${HOST}:${gh.port}/repos/octo/app/issues/7/comments`);
    assert.equal(res.status, 200);
    assert.equal(gh.requests.length, 1);
    assert.equal(gh.requests[0]!.host, `${HOST}:${gh.port}`);
    assert.deepEqual(proxy.records.map((r) => [r.target, r.requests, r.upstreamPort]), [[`${HOST}:${gh.port}`, ['GET /repos/octo/app/issues/7/comments'], gh.requests[0]!.remotePort]]);
  });

  it('without a proxy the name does not resolve', async () => {
    await assert.rejects(get(`http://${HOST}:${gh.port}/user`), unresolved);
    assert.equal(proxy.records.length, 0);
    assert.equal(gh.requests.length, 0);
  });

  it('NO_PROXY sends that host direct (and so, here, nowhere)', async () => {
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = `example.com,.isg.test`;
    await assert.rejects(get(`http://${HOST}:${gh.port}/user`), unresolved);
    assert.equal(proxy.records.length, 0);
  });

  it('loopback addresses bypass the proxy, as in every Actions toolkit client', async () => {
    process.env.HTTP_PROXY = proxy.url;
    const res = await get(`http://127.0.0.1:${gh.port}/user`);
    assert.equal(res.status, 403);
    assert.equal(proxy.records.length, 0);
    assert.equal(gh.requests.length, 1);
  });

  it('an https:// API uses HTTPS_PROXY (a CONNECT tunnel), not HTTP_PROXY', async () => {
    process.env.HTTP_PROXY = proxy.url;
    // only HTTP_PROXY: not proxied, so the name does not resolve and the proxy sees nothing
    await assert.rejects(get(`https://${HOST}:${gh.port}/user`), unresolved);
    assert.equal(proxy.records.length, 0);
    process.env.HTTPS_PROXY = proxy.url;
    // the fake speaks plain HTTP, so TLS fails inside the tunnel — after the proxy opened it
    await assert.rejects(get(`https://${HOST}:${gh.port}/user`));
    assert.deepEqual(proxy.records.map((r) => [r.kind, r.target, r.status]), [['connect', `${HOST}:${gh.port}`, 'ok']]);
  });

  it('(test helper) the proxy also forwards absolute-form requests and refuses names it does not know', async () => {
    const viaProxy = (target: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const { hostname, port } = new URL(proxy.url);
        const req = request({ host: hostname, port, path: target, agent: false, headers: { authorization: 'token test-token' } }, (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    const ok = await viaProxy(`http://${HOST}:${gh.port}/repos/octo/app/issues/7/comments?per_page=5`);
    assert.equal(ok.status, 200);
    assert.deepEqual(JSON.parse(ok.body), []);
    const unknown = await viaProxy(`http://nowhere.isg.test:${gh.port}/user`);
    assert.equal(unknown.status, 502);
    assert.deepEqual(proxy.records.map((r) => [r.kind, r.requests, r.status]), [
      ['forward', ['GET /repos/octo/app/issues/7/comments?per_page=5'], 'ok'],
      ['forward', ['GET /user'], 'unresolved'],
    ]);
    assert.equal(proxy.records[0]!.upstreamPort, gh.requests[0]!.remotePort);
  });
});
