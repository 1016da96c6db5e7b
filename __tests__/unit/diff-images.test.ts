import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { diffImages } from '../../src/analysis/diff-images.js';
import { files, imageModel, layers, type FileSpec } from '../helpers/model-builder.js';

const MB = 1_000_000;

describe('diffImages', () => {
  it('reports no change between equal images', () => {
    const l = layers(['sha256:os', 'ADD file:a in / ', 7 * MB], ['sha256:app', 'COPY app /app # buildkit', MB]);
    const fs = files({ '/bin/sh': 7 * MB, '/app/server': MB });
    const d = diffImages(imageModel({ layers: l, files: fs, compressedSize: 3 * MB }), imageModel({ layers: l, files: fs, compressedSize: 3 * MB }));
    assert.deepEqual(
      { ...d, layers: d.layers.map((r) => r.status) },
      { sizeDelta: 0, sizeDeltaPercent: 0, compressedSizeDelta: 0, layers: ['unchanged', 'unchanged'], files: [], packages: [], growth: null, config: {} },
    );
    assert.ok(!Object.is(d.sizeDeltaPercent, -0));
  });

  it('gives no percentage against a zero-size base, and no compressed delta when a side is unknown', () => {
    const base = imageModel({});
    const head = imageModel({ layers: layers(['sha256:x', 'COPY x /x', 500]), files: files({ '/x': 500 }), compressedSize: 200 });
    const d = diffImages(base, head);
    assert.equal(d.sizeDelta, 500);
    assert.equal(d.sizeDeltaPercent, null);
    assert.equal(d.compressedSizeDelta, null);
    assert.deepEqual(d.layers, [{ status: 'added', instruction: 'COPY x /x', baseSize: null, headSize: 500, delta: 500 }]);
    assert.deepEqual(d.files, [{ path: '/x', kind: 'file', status: 'added', baseSize: null, headSize: 500, delta: 500 }]);
  });

  it('compressed delta only when both sides have a compressed size', () => {
    const head = imageModel({ size: 1500, compressedSize: 999 });
    assert.equal(diffImages(imageModel({ size: 1000, compressedSize: 400 }), head).compressedSizeDelta, 599);
    assert.equal(diffImages(imageModel({ size: 1000, compressedSize: null }), head).compressedSizeDelta, null);
    assert.equal(diffImages(imageModel({ size: 1000, compressedSize: 400 }), imageModel({ compressedSize: null })).compressedSizeDelta, null);
    assert.equal(diffImages(imageModel({ size: 1000 }), head).sizeDeltaPercent, 50);
  });

  it('rounds the percentage to two decimals, never to -0', () => {
    assert.equal(diffImages(imageModel({ size: 3000 }), imageModel({ size: 4000 })).sizeDeltaPercent, 33.33);
    const tiny = diffImages(imageModel({ size: 1_000_000 }), imageModel({ size: 999_999 })).sizeDeltaPercent;
    assert.ok(Object.is(tiny, 0), `got ${tiny}`);
  });

  it('reports the single-stage → multi-stage move as a ~99.8% shrink', () => {
    // base: golang toolchain, sources and the binary in one stage; head: the binary alone on a scratch-like base
    const baseFiles: Record<string, FileSpec> = { '/app/server': 1_800_000, '/usr/share': 'dir' };
    // a toolchain's parts: sources, compiled packages and tools, the go command
    for (let i = 0; i < 150; i++) baseFiles[`/usr/local/go/src/pkg${i}/x.go`] = 2_000_000;
    for (let i = 0; i < 149; i++) baseFiles[`/usr/local/go/pkg/tool/t${i}`] = 2_000_000;
    baseFiles['/usr/local/go/bin/go'] = 2_000_000;
    for (let i = 0; i < 100; i++) baseFiles[`/usr/lib/x86_64-linux-gnu/lib${i}.so`] = 1_700_000;
    baseFiles['/root/.cache/go-build/index'] = 47_200_000;
    const base = imageModel({
      layers: layers(
        ['sha256:debian', 'ADD file:deb in / ', 170_000_000],
        ['sha256:go', 'RUN /bin/sh -c curl -L go.tgz | tar -C /usr/local -xz # buildkit', 600_000_000],
        ['sha256:src', 'COPY . /src # buildkit', 0],
        ['sha256:build', 'RUN /bin/sh -c go build -o /app/server # buildkit', 49_000_000],
      ),
      files: files(baseFiles),
    });
    const head = imageModel({
      layers: layers(['sha256:bin', 'COPY /app/server /app/server # buildkit', 1_800_000]),
      files: files({ '/app/server': 1_800_000, '/usr/share': 'dir' }), // distroless keeps a /usr
    });
    const d = diffImages(base, head, { topFiles: 5 });
    assert.equal(base.size, 819 * MB);
    assert.equal(d.sizeDelta, -817.2 * MB);
    assert.equal(d.sizeDeltaPercent, -99.78);
    assert.deepEqual(d.layers.map((l) => [l.status, l.instruction, l.delta]), [
      ['removed', 'ADD file:deb in /', -170_000_000],
      ['removed', 'RUN curl -L go.tgz | tar -C /usr/local -xz', -600_000_000],
      ['removed', 'COPY . /src', 0],
      ['removed', 'RUN go build -o /app/server', -49_000_000],
      ['added', 'COPY /app/server /app/server', 1_800_000],
    ]);
    assert.deepEqual(d.files, [
      { path: '/usr/local/go', kind: 'dir', status: 'removed', baseSize: 600_000_000, headSize: null, delta: -600_000_000 },
      { path: '/usr/lib/x86_64-linux-gnu', kind: 'dir', status: 'removed', baseSize: 170_000_000, headSize: null, delta: -170_000_000 },
      { path: '/root/.cache/go-build/index', kind: 'file', status: 'removed', baseSize: 47_200_000, headSize: null, delta: -47_200_000 },
    ]);
  });
});
