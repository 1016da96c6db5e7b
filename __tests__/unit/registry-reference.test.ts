import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { RegistryError } from '../../src/registry/errors.js';
import { formatReference, isLoopbackHost, parseReference } from '../../src/registry/reference.js';

const parsed = (ref: string): [string, string, string, string | null, string | null] => {
  const r = parseReference(ref);
  return [r.registry, r.apiHost, r.repository, r.tag, r.digest];
};
const D = 'sha256:' + 'ab'.repeat(32);

describe('parseReference (Docker normalisation)', () => {
  it('puts bare names on Docker Hub under library/, with latest', () => {
    assert.deepEqual(parsed('alpine'), ['docker.io', 'registry-1.docker.io', 'library/alpine', 'latest', null]);
    assert.deepEqual(parsed('alpine:3.20'), ['docker.io', 'registry-1.docker.io', 'library/alpine', '3.20', null]);
    assert.deepEqual(parsed('bitnami/redis'), ['docker.io', 'registry-1.docker.io', 'bitnami/redis', 'latest', null]);
  });

  it('treats Docker Hub aliases as docker.io', () => {
    assert.deepEqual(parsed('docker.io/alpine'), ['docker.io', 'registry-1.docker.io', 'library/alpine', 'latest', null]);
    assert.deepEqual(parsed('index.docker.io/library/alpine:edge'), ['docker.io', 'registry-1.docker.io', 'library/alpine', 'edge', null]);
    assert.deepEqual(parsed('registry-1.docker.io/foo/bar'), ['docker.io', 'registry-1.docker.io', 'foo/bar', 'latest', null]);
  });

  it('takes the first component as a registry when it has a dot, a port, is localhost or has capitals', () => {
    assert.deepEqual(parsed('ghcr.io/owner/app:v1'), ['ghcr.io', 'ghcr.io', 'owner/app', 'v1', null]);
    assert.deepEqual(parsed('localhost/app'), ['localhost', 'localhost', 'app', 'latest', null]);
    assert.deepEqual(parsed('localhost:5000/app'), ['localhost:5000', 'localhost:5000', 'app', 'latest', null]);
    assert.deepEqual(parsed('127.0.0.1:5000/a/b/c:t'), ['127.0.0.1:5000', '127.0.0.1:5000', 'a/b/c', 't', null]);
    assert.deepEqual(parsed('[::1]:5000/app'), ['[::1]:5000', '[::1]:5000', 'app', 'latest', null]);
    assert.deepEqual(parsed('Registry/app'), ['Registry', 'Registry', 'app', 'latest', null]);
    // "owner/app": no dot, no port: a Docker Hub repository, not a host
    assert.deepEqual(parsed('owner/app:1'), ['docker.io', 'registry-1.docker.io', 'owner/app', '1', null]);
  });

  it('keeps digests, with or without a tag, and no default tag with a digest', () => {
    assert.deepEqual(parsed(`ghcr.io/o/app@${D}`), ['ghcr.io', 'ghcr.io', 'o/app', null, D]);
    assert.deepEqual(parsed(`ghcr.io/o/app:v1@${D}`), ['ghcr.io', 'ghcr.io', 'o/app', 'v1', D]);
    assert.equal(formatReference(parseReference(`app:v1@${D}`)), `docker.io/library/app:v1@${D}`);
    assert.equal(formatReference(parseReference('localhost:5000/app')), 'localhost:5000/app:latest');
  });

  it('accepts the separators Docker accepts in path components', () => {
    assert.equal(parseReference('a/b.c/d_e/f__g/h---i').repository, 'a/b.c/d_e/f__g/h---i');
  });

  for (const bad of ['', 'UPPER', 'ghcr.io/Owner/app', 'app:', 'app:-x', 'app@sha256:1234', 'a//b', 'a/b/', '-a', 'a b', 'ghcr.io/o/app:' + 't'.repeat(129), 'x'.repeat(256)]) {
    it(`rejects ${JSON.stringify(bad.length > 40 ? bad.slice(0, 40) + '…' : bad)} with a one-line RegistryError`, () => {
      assert.throws(() => parseReference(bad), (err: Error) => err instanceof RegistryError && !err.message.includes('\n') && /invalid image reference/.test(err.message));
    });
  }

  it('knows loopback hosts (plain HTTP) from the rest (HTTPS)', () => {
    for (const h of ['localhost', 'localhost:5000', '127.0.0.1', '127.0.0.1:5000', '127.1.2.3:80', '[::1]:5000']) assert.equal(isLoopbackHost(h), true, h);
    for (const h of ['ghcr.io', '10.0.0.1:5000', '128.0.0.1', 'localhost.example.com', '127.0.0.1.nip.io', '[::2]:5000']) assert.equal(isLoopbackHost(h), false, h);
  });
});
