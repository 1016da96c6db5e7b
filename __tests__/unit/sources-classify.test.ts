// Which source an image argument names: schemes, files, OCI layout directories, and a bare reference looked up
// in scout's order (file → daemon → registry). The daemon is asked through an injected probe here.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { classifySource, sourceKind, sourceRef, type ImageSource } from '../../src/sources/classify-source.js';
import { UserError } from '../../src/model/errors.js';

let dir = '';
let archive = '';
let layout = '';
let plainDir = '';
const asked: string[] = [];
const has = (names: string[]) => async (ref: string): Promise<boolean> => {
  asked.push(ref);
  return names.includes(ref);
};
const never = has([]);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'isg-classify-'));
  archive = join(dir, 'image.tar');
  writeFileSync(archive, 'x');
  layout = join(dir, 'layout');
  mkdirSync(layout);
  writeFileSync(join(layout, 'index.json'), '{}');
  plainDir = join(dir, 'plain');
  mkdirSync(plainDir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rejectsOneLine(arg: string, pattern: RegExp, probe = never): Promise<void> {
  await assert.rejects(classifySource(arg, probe), (e: Error) => e instanceof UserError && pattern.test(e.message) && !e.message.includes('\n'));
}

describe('classifySource: schemes', () => {
  it('registry:// never asks the daemon and checks the reference', async () => {
    asked.length = 0;
    assert.deepEqual(await classifySource('registry://ghcr.io/o/app:v1', has(['ghcr.io/o/app:v1'])), { kind: 'registry', ref: 'ghcr.io/o/app:v1', bare: false });
    assert.deepEqual(asked, []);
    await rejectsOneLine('registry://ghcr.io/O/App:v1', /invalid image reference/);
  });

  it('local:// is the daemon without asking first', async () => {
    asked.length = 0;
    assert.deepEqual(await classifySource('local://app:dev', never), { kind: 'local', ref: 'app:dev' });
    assert.deepEqual(asked, []);
    await rejectsOneLine('local://', /not an image reference/);
  });

  it('archive:// wants a file, oci-dir:// a directory with index.json; each points at the other when mixed up', async () => {
    assert.deepEqual(await classifySource(`archive://${archive}`), { kind: 'archive', path: archive });
    assert.deepEqual(await classifySource(`oci-dir://${layout}`), { kind: 'oci-dir', path: layout });
    await rejectsOneLine(`archive://${join(dir, 'missing.tar')}`, /no such file/);
    await rejectsOneLine(`archive://${layout}`, /is a directory, not an image archive \(use oci-dir:\/\//);
    await rejectsOneLine(`oci-dir://${archive}`, /is not a directory \(use archive:\/\//);
    await rejectsOneLine(`oci-dir://${plainDir}`, /is not an OCI image layout: it has no index\.json/);
    await rejectsOneLine(`oci-dir://${join(dir, 'nope')}`, /no such directory/);
  });

  it('an unknown scheme is named with the ones that exist', async () => {
    await rejectsOneLine('docker://app', /unknown image source "docker:\/\/app": use registry:\/\/, local:\/\/, oci-dir:\/\/, archive:\/\//);
  });
});

describe('classifySource: a bare argument, in scout\'s order', () => {
  it('an existing file is an archive, whatever the daemon has', async () => {
    asked.length = 0;
    assert.deepEqual(await classifySource(archive, has([archive])), { kind: 'archive', path: archive });
    assert.deepEqual(asked, []);
  });

  it('a directory is an OCI layout when it has index.json, else an error', async () => {
    assert.deepEqual(await classifySource(layout, never), { kind: 'oci-dir', path: layout });
    await rejectsOneLine(plainDir, /is a directory without an OCI image layout/);
  });

  it('a path-like argument that does not exist is a missing file, not a reference', async () => {
    await rejectsOneLine('./nope.tar', /no such file/);
    await rejectsOneLine('image.tar.gz', /no such file/);
  });

  it('else the daemon\'s image when it has it, else the registry (marked bare for its error messages)', async () => {
    assert.deepEqual(await classifySource('app:dev', has(['app:dev'])), { kind: 'local', ref: 'app:dev' });
    assert.deepEqual(await classifySource('ghcr.io/o/app:v1', never), { kind: 'registry', ref: 'ghcr.io/o/app:v1', bare: true });
  });

  it('a daemon-only name the daemon lacks (an image id, capitals) is an error about the daemon', async () => {
    await rejectsOneLine('sha256:' + 'a'.repeat(64), /no image "sha256:a+" in the Docker engine \(and it is not a registry reference\)/);
    await rejectsOneLine('App:v1', /no image "App:v1" in the Docker engine/);
  });

  it('text that is no reference at all is refused before the daemon is asked', async () => {
    asked.length = 0;
    await rejectsOneLine('app name with spaces', /not an image reference/, has([]));
    assert.deepEqual(asked, []);
  });
});

describe('sourceKind and sourceRef: what the report says', () => {
  const cases: [ImageSource, string, string][] = [
    [{ kind: 'registry', ref: 'ghcr.io/o/app:v1', bare: false }, 'registry', 'ghcr.io/o/app:v1'],
    [{ kind: 'local', ref: 'app:dev' }, 'local', 'app:dev'],
    [{ kind: 'archive', path: 'a.tar' }, 'archive', 'a.tar'],
    [{ kind: 'stdin' }, 'archive', '-'],
    [{ kind: 'oci-dir', path: 'out/' }, 'oci-dir', 'out/'],
  ];
  for (const [source, kind, ref] of cases) {
    it(`${source.kind} → ${kind}`, () => {
      assert.equal(sourceKind(source), kind);
      assert.equal(sourceRef(source), ref);
    });
  }
});

describe('classifySource: a ref inside a layout or archive (PATH:REF)', () => {
  it('oci-dir://DIR:REF and archive://FILE:REPO:TAG name the path and the ref; the report names both', async () => {
    const dirRef = await classifySource(`oci-dir://${layout}:v2`, never);
    assert.deepEqual(dirRef, { kind: 'oci-dir', path: layout, refName: 'v2' });
    assert.equal(sourceRef(dirRef), `${layout}:v2`);
    const fileRef = await classifySource(`archive://${archive}:isg/app:v1`, never);
    assert.deepEqual(fileRef, { kind: 'archive', path: archive, refName: 'isg/app:v1' });
    assert.equal(sourceRef(fileRef), `${archive}:isg/app:v1`);
  });

  it('an existing path that contains ":" is that path; with :REF after it, the longest existing path wins', async () => {
    const colon = join(dir, 'a:b');
    mkdirSync(colon);
    writeFileSync(join(colon, 'index.json'), '{}');
    assert.deepEqual(await classifySource(`oci-dir://${colon}`, never), { kind: 'oci-dir', path: colon });
    assert.deepEqual(await classifySource(`oci-dir://${colon}:latest`, never), { kind: 'oci-dir', path: colon, refName: 'latest' });
  });

  it('a path that exists under no prefix, or an empty ref: one line', async () => {
    await rejectsOneLine(`oci-dir://${join(dir, 'nope')}:v1`, /no such directory/);
    await rejectsOneLine(`oci-dir://${layout}:`, /ends in ":" without a ref/);
  });
});
