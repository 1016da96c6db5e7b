import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { RegistryError } from '../../src/registry/errors.js';
import { retryAfterMs } from '../../src/lib/retry-after.js';
import { checkScheme, registryBase } from '../../src/registry/http.js';

describe('registry HTTP policy', () => {
  it('speaks HTTPS to registries, plain HTTP only to loopback hosts', () => {
    assert.equal(registryBase('ghcr.io').href, 'https://ghcr.io/v2/');
    assert.equal(registryBase('registry-1.docker.io').href, 'https://registry-1.docker.io/v2/');
    assert.equal(registryBase('127.0.0.1:5000').href, 'http://127.0.0.1:5000/v2/');
    assert.equal(registryBase('localhost:5000').href, 'http://localhost:5000/v2/');
    assert.equal(registryBase('[::1]:5000').href, 'http://[::1]:5000/v2/');
    assert.equal(registryBase('10.0.0.5:5000').href, 'https://10.0.0.5:5000/v2/');
  });

  it('refuses plain HTTP (redirects, token realms) to any host but loopback', () => {
    checkScheme(new URL('https://cdn.example.com/blob'));
    checkScheme(new URL('http://127.0.0.2:9000/blob'));
    assert.throws(() => checkScheme(new URL('http://cdn.example.com/blob')), (e: Error) => e instanceof RegistryError && /only HTTPS/.test(e.message));
    assert.throws(() => checkScheme(new URL('ftp://127.0.0.1/x')), RegistryError);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    assert.equal(retryAfterMs('3'), 3000);
    assert.equal(retryAfterMs(undefined), null);
    assert.equal(retryAfterMs('soon'), null);
    const inTen = retryAfterMs(new Date(Date.now() + 10_000).toUTCString()) as number;
    assert.ok(inTen > 8000 && inTen <= 10_000, String(inTen));
    assert.equal(retryAfterMs(new Date(Date.now() - 60_000).toUTCString()), 0);
  });
});
