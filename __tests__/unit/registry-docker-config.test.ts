import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from '@jest/globals';
import type { CredentialHelperRunner } from '../../src/registry/credential-helper.js';
import { configKeyHost, dockerConfigDir, findCredentials, loadDockerConfig, sameRegistry, type DockerConfig } from '../../src/registry/docker-config.js';
import { RegistryError } from '../../src/registry/errors.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');

/** A helper runner that answers from a table and records its calls (the real helpers run in the integration tests). */
function helpers(table: Record<string, Record<string, { username: string; secret: string }>>): CredentialHelperRunner & { calls: string[] } {
  const calls: string[] = [];
  const run = (async (name: string, url: string) => {
    calls.push(`${name} ${url}`);
    return table[name]?.[url] ?? null;
  }) as CredentialHelperRunner & { calls: string[] };
  run.calls = calls;
  return run;
}

describe('Docker config credentials', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('reads auths: base64 user:password, exact host keys and URL-shaped keys', async () => {
    const config: DockerConfig = { auths: { 'ghcr.io': { auth: b64('me:p:w') }, 'https://127.0.0.1:5000/v2/': { auth: b64('u:x') } } };
    const none = helpers({});
    assert.deepEqual(await findCredentials(config, 'ghcr.io', none), { username: 'me', password: 'p:w' });
    assert.deepEqual(await findCredentials(config, '127.0.0.1:5000', none), { username: 'u', password: 'x' });
    assert.equal(await findCredentials(config, 'quay.io', none), null);
    assert.equal(await findCredentials(null, 'ghcr.io', none), null);
  });

  it('treats docker.io, index.docker.io, registry-1.docker.io and https://index.docker.io/v1/ as one registry', async () => {
    const config: DockerConfig = { auths: { 'https://index.docker.io/v1/': { auth: b64('hub:pw') } } };
    for (const name of ['docker.io', 'index.docker.io', 'registry-1.docker.io']) {
      assert.deepEqual(await findCredentials(config, name, helpers({})), { username: 'hub', password: 'pw' }, name);
    }
    assert.equal(configKeyHost('https://index.docker.io/v1/'), 'index.docker.io');
    assert.equal(sameRegistry('docker.io', 'registry-1.docker.io'), true);
    assert.equal(sameRegistry('ghcr.io', 'docker.io'), false);
    // an exact key wins over an alias
    const both: DockerConfig = { auths: { 'https://index.docker.io/v1/': { auth: b64('old:1') }, 'docker.io': { auth: b64('new:2') } } };
    assert.deepEqual(await findCredentials(both, 'docker.io', helpers({})), { username: 'new', password: '2' });
  });

  it('uses identity tokens', async () => {
    const config: DockerConfig = { auths: { 'myregistry.azurecr.io': { auth: b64('00000000-0000-0000-0000-000000000000:'), identitytoken: 'refresh-me' } } };
    assert.deepEqual(await findCredentials(config, 'myregistry.azurecr.io', helpers({})), {
      username: '00000000-0000-0000-0000-000000000000',
      password: '',
      identityToken: 'refresh-me',
    });
  });

  it('asks credHelpers first, with Docker Hub under its classic server URL, and credsStore before auths', async () => {
    const run = helpers({
      ecr: { '123.dkr.ecr.eu-west-1.amazonaws.com': { username: 'AWS', secret: 'tok' } },
      hubhelper: { 'https://index.docker.io/v1/': { username: 'hubuser', secret: 'hubpw' } },
      desktop: { 'ghcr.io': { username: '<token>', secret: 'idtoken' } },
    });
    const config: DockerConfig = {
      credHelpers: { '123.dkr.ecr.eu-west-1.amazonaws.com': 'ecr', 'docker.io': 'hubhelper' },
      credsStore: 'desktop',
      auths: { 'ghcr.io': { auth: b64('file:pw') }, 'quay.io': { auth: b64('q:pw') } },
    };
    assert.deepEqual(await findCredentials(config, '123.dkr.ecr.eu-west-1.amazonaws.com', run), { username: 'AWS', password: 'tok' });
    assert.deepEqual(await findCredentials(config, 'docker.io', run), { username: 'hubuser', password: 'hubpw' });
    // "<token>" as user name means the secret is an identity token
    assert.deepEqual(await findCredentials(config, 'ghcr.io', run), { username: '', password: '', identityToken: 'idtoken' });
    // the store has nothing for quay.io: the file's auths answer
    assert.deepEqual(await findCredentials(config, 'quay.io', run), { username: 'q', password: 'pw' });
    assert.deepEqual(run.calls, [
      'ecr 123.dkr.ecr.eu-west-1.amazonaws.com',
      'hubhelper https://index.docker.io/v1/',
      'desktop ghcr.io',
      'desktop quay.io',
    ]);
  });

  it('finds config.json under $DOCKER_CONFIG, tolerates a missing one, refuses a broken one in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'isg-cfg-'));
    dirs.push(dir);
    assert.equal(dockerConfigDir({ DOCKER_CONFIG: dir }), dir);
    assert.match(dockerConfigDir({}), /\.docker$/);
    assert.equal(await loadDockerConfig(dir), null);
    writeFileSync(join(dir, 'config.json'), '{"auths": {"x": {"auth": "' + b64('a:b') + '"}}}');
    assert.deepEqual(await findCredentials(await loadDockerConfig(dir), 'x', helpers({})), { username: 'a', password: 'b' });
    writeFileSync(join(dir, 'config.json'), '{"auths": ');
    await assert.rejects(loadDockerConfig(dir), (e: Error) => e instanceof RegistryError && /not valid JSON/.test(e.message));
    await assert.rejects(findCredentials({ auths: { x: { auth: b64('nocolon') } } }, 'x', helpers({})), RegistryError);
  });
});
