import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { parseChallenges } from '../../src/registry/challenge.js';

describe('parseChallenges (WWW-Authenticate)', () => {
  it('reads a Bearer challenge as registries send it', () => {
    assert.deepEqual(parseChallenges('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"'), [
      { scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/alpine:pull' } },
    ]);
  });

  it('keeps commas and escapes inside quoted values, and the error parameter', () => {
    const [c] = parseChallenges('Bearer realm="https://ghcr.io/token", service="ghcr.io", scope="repository:o/a:pull,push", error="insufficient_scope", x="a\\"b"');
    assert.equal(c?.params.scope, 'repository:o/a:pull,push');
    assert.equal(c?.params.error, 'insufficient_scope');
    assert.equal(c?.params.x, 'a"b');
  });

  it('reads Basic, several challenges in one header and in several headers, scheme case-insensitively', () => {
    assert.deepEqual(parseChallenges('Basic realm="Registry Realm"'), [{ scheme: 'basic', params: { realm: 'Registry Realm' } }]);
    assert.deepEqual(
      parseChallenges('BASIC realm="r1", Bearer realm="https://t/x",service="s"').map((c) => [c.scheme, c.params.realm]),
      [
        ['basic', 'r1'],
        ['bearer', 'https://t/x'],
      ],
    );
    assert.deepEqual(
      parseChallenges(['Basic realm="a"', 'Bearer realm="b"']).map((c) => c.scheme),
      ['basic', 'bearer'],
    );
  });

  it('takes unquoted values up to the next comma', () => {
    assert.deepEqual(parseChallenges('Bearer realm=https://t.example/token,service=reg'), [{ scheme: 'bearer', params: { realm: 'https://t.example/token', service: 'reg' } }]);
  });

  it('gives nothing for a missing or empty header', () => {
    assert.deepEqual(parseChallenges(undefined), []);
    assert.deepEqual(parseChallenges(''), []);
  });
});
