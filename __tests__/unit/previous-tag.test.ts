// The release before a version among a repository's tags (`--base-tag previous`), and the options that ask
// for it: checked before anything is built, each mistake one line naming the option.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from '@jest/globals';
import { checkReleaseOptions, CLI_RELEASE_NAMES, imageTag, INPUT_RELEASE_NAMES } from '../../src/config/release-options.js';
import { ConfigError } from '../../src/config/errors.js';
import { parseVersion, previousTag } from '../../src/registry/previous-tag.js';

const head = (v: string) => parseVersion(v)!;
const TAGS = ['latest', 'main', '1.x', 'v1.0.0', 'v1.1.0', 'v1.2.0-rc.1', 'v1.2.0', 'sha-1a2b3c4', '1.1', 'v1.1.9-beta.1', 'v9.9.9', '=1.1.5', 'V1.1.6'];

describe('previousTag', () => {
  it('the highest release below the head, pre-releases left out for a release', () => {
    assert.equal(previousTag(TAGS, head('v1.2.0')), 'v1.1.0'); // not v1.2.0-rc.1, v1.1.9-beta.1, =1.1.5 or V1.1.6
    assert.equal(previousTag(TAGS, head('1.2.1')), 'v1.2.0');
    assert.equal(previousTag(TAGS, head('v2.0.0')), 'v1.2.0');
  });

  it('a pre-release head counts pre-releases too', () => {
    assert.equal(previousTag(TAGS, head('v1.3.0-rc.2')), 'v1.2.0');
    assert.equal(previousTag(TAGS, head('v1.2.0-rc.2')), 'v1.2.0-rc.1');
    assert.equal(previousTag(TAGS, head('v1.2.0-rc.1')), 'v1.1.9-beta.1');
  });

  it('nothing below the first release; the head itself is not below itself', () => {
    assert.equal(previousTag(TAGS, head('v1.0.0')), null);
    assert.equal(previousTag(['v1.0.0', 'latest'], head('1.0.0')), null);
    assert.equal(previousTag([], head('1.0.0')), null);
  });

  it('build metadata plays no part; equal versions resolve to the same tag whatever the order', () => {
    assert.equal(previousTag(['1.1.0', 'v1.1.0'], head('v1.2.0+build.7')), '1.1.0');
    assert.equal(previousTag(['v1.1.0', '1.1.0'], head('v1.2.0')), '1.1.0');
    assert.equal(previousTag(['v1.1.0', 'v1.1.0-rc.1'], head('v1.1.0+abc')), null, 'v1.1.0+abc is v1.1.0: nothing below among releases');
  });

  it('versions are semver 2.0 with an optional v: no loose forms', () => {
    for (const bad of ['latest', '1.2', 'v1', '=1.2.0', 'V1.2.0', '01.2.3', '1.2.3.4', 'v1.2.3-', '']) assert.equal(parseVersion(bad), null, bad);
    assert.equal(parseVersion('v1.2.3-rc.1+b5')?.version, '1.2.3-rc.1');
  });
});

describe('checkReleaseOptions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'isg-release-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const check = (o: Parameters<typeof checkReleaseOptions>[0], env: NodeJS.ProcessEnv = {}) => checkReleaseOptions(o, CLI_RELEASE_NAMES, dir, env);
  const base = 'registry://ghcr.io/o/app';
  const fails = (fn: () => unknown, re: RegExp) =>
    assert.throws(fn, (e: unknown) => e instanceof ConfigError && re.test(e.message) && !e.message.includes('\n'));

  it('the head version: the image\'s tag, else --head-version, else the pushed tag', () => {
    assert.deepEqual(check({ baseTag: 'previous', baseImage: base, image: 'registry://ghcr.io/o/app:v1.3.0', headVersion: 'v9.0.0' }), { baseTag: 'previous', headVersion: 'v1.3.0' });
    assert.deepEqual(check({ baseTag: 'previous', baseImage: base, image: 'local://app:dev', headVersion: 'v2.0.0' }), { baseTag: 'previous', headVersion: 'v2.0.0' });
    const tagPush = { GITHUB_REF: 'refs/tags/v1.4.0-rc.1', GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v1.4.0-rc.1' };
    assert.deepEqual(check({ baseTag: 'previous', baseImage: base }, tagPush), { baseTag: 'previous', headVersion: 'v1.4.0-rc.1' });
    fails(() => check({ baseTag: 'previous', baseImage: base }, { GITHUB_REF: 'refs/heads/main', GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main' }), /needs the head's version: .*--head-version/);
  });

  it('the base must be a registry repository without a tag or digest', () => {
    const o = { baseTag: 'previous', headVersion: 'v1.0.0' };
    fails(() => check({ ...o, baseImage: 'registry://ghcr.io/o/app:v1.0.0' }), /--base-image as registry:\/\/REPOSITORY without a tag.*the tag is what it finds/);
    fails(() => check({ ...o, baseImage: `registry://ghcr.io/o/app@sha256:${'a'.repeat(64)}` }), /without a tag/);
    fails(() => check({ ...o, baseImage: 'ghcr.io/o/app' }), /--base-image as registry:\/\/REPOSITORY/);
    fails(() => check({ ...o, baseImage: 'archive://app.tar' }), /registry:\/\/REPOSITORY/);
    fails(() => check(o), /--base-image as registry/);
    fails(() => check({ ...o, baseImage: 'registry://ghcr.io/O/App' }), /--base-image: invalid image reference/);
    assert.deepEqual(check({ ...o, baseImage: 'registry://127.0.0.1:5000/o/app' }), { baseTag: 'previous', headVersion: 'v1.0.0' });
  });

  it('one value; a version that is not semver; head-version alone', () => {
    fails(() => check({ baseTag: 'latest', baseImage: base, headVersion: 'v1.0.0' }), /--base-tag: the one value is "previous"/);
    fails(() => check({ baseTag: 'previous', baseImage: base, image: 'registry://ghcr.io/o/app:latest' }), /the head's version "latest" \(the tag of --image\) is not a semantic version/);
    fails(() => check({ baseTag: 'previous', baseImage: base, headVersion: 'release-7' }), /"release-7" \(--head-version\)/);
    fails(() => check({ headVersion: 'v1.0.0' }), /--head-version: only used with --base-tag previous/);
    assert.throws(() => checkReleaseOptions({ headVersion: 'v1' }, INPUT_RELEASE_NAMES, dir, {}), (e: unknown) => (e as Error).message === 'head-version: only used with base-tag previous');
    assert.deepEqual(check({}), {});
  });

  it('the tag in an image argument', () => {
    assert.equal(imageTag('registry://ghcr.io/o/app:v1.2.0', dir), 'v1.2.0');
    assert.equal(imageTag('registry://127.0.0.1:5000/o/app', dir), null, 'a port is not a tag');
    assert.equal(imageTag(`registry://ghcr.io/o/app@sha256:${'b'.repeat(64)}`, dir), null);
    assert.equal(imageTag('archive://out/app.tar:v2.0.0', dir), 'v2.0.0');
    assert.equal(imageTag('oci-dir://layout:1.0.0-rc.1', dir), '1.0.0-rc.1');
    writeFileSync(join(dir, 'app:v3.tar'), '');
    assert.equal(imageTag('archive://app:v3.tar', dir), null, 'a file that exists as named has no tag');
    assert.equal(imageTag('local://app:v1.0.0', dir), null);
  });
});
