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
    // an HTTP date counts from the clock given (the caller's now), so the answer is exact
    const now = Date.parse('2026-03-01T10:00:00Z');
    assert.equal(retryAfterMs('Sun, 01 Mar 2026 10:00:10 GMT', now), 10_000);
    assert.equal(retryAfterMs('Sun, 01 Mar 2026 09:59:00 GMT', now), 0, 'a date in the past: no wait');
  });
});
