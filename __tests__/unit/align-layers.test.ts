import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { alignLayers, type AlignedLayer } from '../../src/analysis/align-layers.js';
import { normalizeInstruction } from '../../src/image/instruction.js';
import { layers, type LayerSpec } from '../helpers/model-builder.js';

// [status, instruction, baseIndex, headIndex]: compact enough to assert the whole alignment at once.
const rows = (a: AlignedLayer[]) => a.map((l) => [l.status, l.instruction, l.baseIndex, l.headIndex]);

const appSpecs: LayerSpec[] = [
  ['sha256:os', 'ADD file:aaa in / ', 100],
  ['sha256:apt', 'RUN /bin/sh -c apt-get install -y curl # buildkit', 50],
  ['sha256:deps', 'COPY package.json /app/ # buildkit', 10],
  ['sha256:npm', 'RUN /bin/sh -c npm ci # buildkit', 300],
  ['sha256:src', 'COPY . /app # buildkit', 20],
];
const app = layers(...appSpecs);

describe('normalizeInstruction', () => {
  it('spells classic-builder and BuildKit history the same way', () => {
    assert.equal(normalizeInstruction('/bin/sh -c apt-get update'), 'RUN apt-get update');
    assert.equal(normalizeInstruction('RUN /bin/sh -c apt-get update # buildkit'), 'RUN apt-get update');
    assert.equal(normalizeInstruction('RUN apt-get update'), 'RUN apt-get update');
    assert.equal(normalizeInstruction('/bin/sh -c #(nop)  ENV A=b'), normalizeInstruction('ENV A=b # buildkit'));
  });

  it('drops the build args in scope, from either builder', () => {
    assert.equal(normalizeInstruction('RUN |2 A=1 B=2 /bin/sh -c make # buildkit'), 'RUN make');
    assert.equal(normalizeInstruction('|2 A=1 B=2 /bin/sh -c make'), 'RUN make');
    assert.equal(normalizeInstruction('RUN |1 V=a b /bin/sh -c make # buildkit'), 'RUN make'); // unquoted value with a space
    assert.equal(normalizeInstruction('RUN |1 A=1 make # buildkit'), 'RUN make'); // exec form: no shell
  });

  it('collapses whitespace runs', () => {
    assert.equal(normalizeInstruction('RUN /bin/sh -c set -e;\n\tapt-get   update  # buildkit'), 'RUN set -e; apt-get update');
    assert.equal(normalizeInstruction(''), '');
  });
});

describe('alignLayers', () => {
  it('marks every layer of identical images unchanged, with zero deltas', () => {
    const a = alignLayers(app, app);
    assert.deepEqual(a.map((l) => l.status), ['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    assert.deepEqual(a.map((l) => [l.baseIndex, l.headIndex, l.baseSize, l.headSize, l.delta]), [
      [0, 0, 100, 100, 0], [1, 1, 50, 50, 0], [2, 2, 10, 10, 0], [3, 3, 300, 300, 0], [4, 4, 20, 20, 0],
    ]);
    assert.equal(a[1]!.instruction, 'RUN apt-get install -y curl');
  });

  it('reports an inserted RUN as the only added layer: later layers are not shifted', () => {
    const head = layers(
      ['sha256:os', 'ADD file:aaa in / ', 100],
      ['sha256:apt', 'RUN /bin/sh -c apt-get install -y curl # buildkit', 50],
      ['sha256:gcc', 'RUN /bin/sh -c apt-get install -y gcc # buildkit', 80],
      ['sha256:deps', 'COPY package.json /app/ # buildkit', 10],
      ['sha256:npm2', 'RUN /bin/sh -c npm ci # buildkit', 310], // rebuilt on the new parent: new diffID
      ['sha256:src', 'COPY . /app # buildkit', 20],
    );
    const a = alignLayers(app, head);
    assert.deepEqual(rows(a), [
      ['unchanged', 'ADD file:aaa in /', 0, 0],
      ['unchanged', 'RUN apt-get install -y curl', 1, 1],
      ['added', 'RUN apt-get install -y gcc', null, 2],
      ['unchanged', 'COPY package.json /app/', 2, 3],
      ['changed', 'RUN npm ci', 3, 4],
      ['unchanged', 'COPY . /app', 4, 5],
    ]);
    assert.deepEqual(a.map((l) => l.delta), [0, 0, 80, 0, 10, 0]);
  });

  it('reports a removed layer where it stood', () => {
    const a = alignLayers(app, layers(...appSpecs.filter((_, i) => i !== 2)));
    assert.deepEqual(rows(a), [
      ['unchanged', 'ADD file:aaa in /', 0, 0],
      ['unchanged', 'RUN apt-get install -y curl', 1, 1],
      ['removed', 'COPY package.json /app/', 2, null],
      ['unchanged', 'RUN npm ci', 3, 2],
      ['unchanged', 'COPY . /app', 4, 3],
    ]);
    assert.deepEqual([a[2]!.baseSize, a[2]!.headSize, a[2]!.delta], [10, null, -10]);
  });

  it('pairs a bumped FROM layer as changed and keeps the rest unchanged', () => {
    const head = layers(
      ['sha256:os2', 'ADD file:bbb in / ', 120],
      ['sha256:apt', 'RUN /bin/sh -c apt-get install -y curl # buildkit', 50],
      ['sha256:deps', 'COPY package.json /app/ # buildkit', 10],
      ['sha256:npm', 'RUN /bin/sh -c npm ci # buildkit', 300],
      ['sha256:src', 'COPY . /app # buildkit', 20],
    );
    const a = alignLayers(app, head);
    assert.deepEqual(a.map((l) => l.status), ['changed', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    assert.deepEqual([a[0]!.instruction, a[0]!.baseSize, a[0]!.headSize, a[0]!.delta], ['ADD file:bbb in /', 100, 120, 20]);
  });

  it('pairs an edited instruction with the same keyword as one changed row', () => {
    const base = layers(['sha256:os', 'FROM', 5], ['sha256:a', 'RUN /bin/sh -c apt-get install a # buildkit', 10], ['sha256:x', 'COPY x /x # buildkit', 1]);
    const head = layers(['sha256:os', 'FROM', 5], ['sha256:ab', 'RUN /bin/sh -c apt-get install a b # buildkit', 25], ['sha256:x', 'COPY x /x # buildkit', 1]);
    assert.deepEqual(rows(alignLayers(base, head)), [
      ['unchanged', 'FROM', 0, 0],
      ['changed', 'RUN apt-get install a b', 1, 1],
      ['unchanged', 'COPY x /x', 2, 2],
    ]);
  });

  it('does not pair layers of different keywords, and pairs the same spelling across builders', () => {
    const base = layers(['sha256:b0', '/bin/sh -c apt-get update', 10], ['sha256:b1', '/bin/sh -c #(nop) COPY file:1 in /x ', 5]);
    const head = layers(['sha256:h0', 'RUN /bin/sh -c apt-get update # buildkit', 11], ['sha256:h1', 'ADD x.tar /x # buildkit', 6]);
    assert.deepEqual(rows(alignLayers(base, head)), [
      ['changed', 'RUN apt-get update', 0, 0],
      ['removed', 'COPY file:1 in /x', 1, null],
      ['added', 'ADD x.tar /x', null, 1],
    ]);
  });

  it('keeps reordered layers with the same content unchanged, in head order', () => {
    const base = layers(['sha256:a', 'COPY a /a', 1], ['sha256:b', 'COPY b /b', 2], ['sha256:c', 'COPY c /c', 3]);
    const head = layers(['sha256:a', 'COPY a /a', 1], ['sha256:c', 'COPY c /c', 3], ['sha256:b', 'COPY b /b', 2]);
    const a = alignLayers(base, head);
    assert.deepEqual(rows(a), [
      ['unchanged', 'COPY a /a', 0, 0],
      ['unchanged', 'COPY c /c', 2, 1],
      ['unchanged', 'COPY b /b', 1, 2],
    ]);
    assert.ok(a.every((l) => l.delta === 0));
  });

  it('reports everything added against an empty base, and everything removed against an empty head', () => {
    assert.deepEqual(alignLayers([], app).map((l) => [l.status, l.headIndex, l.delta]), [
      ['added', 0, 100], ['added', 1, 50], ['added', 2, 10], ['added', 3, 300], ['added', 4, 20],
    ]);
    assert.deepEqual(alignLayers(app, []).map((l) => [l.status, l.baseIndex, l.headSize, l.delta]), [
      ['removed', 0, null, -100], ['removed', 1, null, -50], ['removed', 2, null, -10], ['removed', 3, null, -300], ['removed', 4, null, -20],
    ]);
    assert.deepEqual(alignLayers([], []), []);
  });

  it('aligns repeated diffIDs one-to-one', () => {
    const empty = 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef';
    const base = layers([empty, 'RUN /bin/sh -c true # buildkit', 0], ['sha256:x', 'COPY x /x', 4], [empty, 'WORKDIR /w', 0]);
    const head = layers([empty, 'RUN /bin/sh -c true # buildkit', 0], [empty, 'RUN /bin/sh -c mkdir -p /w # buildkit', 0], ['sha256:x', 'COPY x /x', 4], [empty, 'WORKDIR /w', 0]);
    const a = alignLayers(base, head);
    assert.deepEqual(rows(a), [
      ['unchanged', 'RUN true', 0, 0],
      ['added', 'RUN mkdir -p /w', null, 1],
      ['unchanged', 'COPY x /x', 1, 2],
      ['unchanged', 'WORKDIR /w', 2, 3],
    ]);
    const baseIdx = a.map((l) => l.baseIndex).filter((i) => i !== null);
    assert.equal(new Set(baseIdx).size, baseIdx.length);
  });

  it('aligns layers without history by diffID, pairing the rest in order when the gap is one-to-one', () => {
    const base = layers(['sha256:a', '', 1], ['sha256:b', '', 2], ['sha256:c', '', 3]);
    const head = layers(['sha256:a', '', 1], ['sha256:x', '', 4], ['sha256:c', '', 3]);
    assert.deepEqual(rows(alignLayers(base, head)), [
      ['unchanged', '', 0, 0],
      ['changed', '', 1, 1],
      ['unchanged', '', 2, 2],
    ]);
  });

  it('does not pair by keyword in an uneven gap (a rewrite, not an edit)', () => {
    const base = layers(['sha256:a', '', 1], ['sha256:b', '', 2], ['sha256:c', '', 3]);
    const head = layers(['sha256:a', '', 1], ['sha256:x', '', 4], ['sha256:y', '', 5], ['sha256:c', '', 3]);
    assert.deepEqual(rows(alignLayers(base, head)), [
      ['unchanged', '', 0, 0],
      ['removed', '', 1, null],
      ['added', '', null, 1],
      ['added', '', null, 2],
      ['unchanged', '', 2, 3],
    ]);
  });

  it('prefers a diffID match over any number of instruction matches that would cross it', () => {
    // Matching the three RUNs by text would leave the identical COPY layer as removed + added.
    const base = layers(['sha256:r1', 'RUN a', 1], ['sha256:r2', 'RUN b', 2], ['sha256:r3', 'RUN c', 3], ['sha256:c', 'COPY . .', 4]);
    const head = layers(['sha256:c', 'COPY . .', 4], ['sha256:r4', 'RUN a', 5], ['sha256:r5', 'RUN b', 6], ['sha256:r6', 'RUN c', 7]);
    assert.deepEqual(rows(alignLayers(base, head)), [
      ['removed', 'RUN a', 0, null],
      ['removed', 'RUN b', 1, null],
      ['removed', 'RUN c', 2, null],
      ['unchanged', 'COPY . .', 3, 0],
      ['added', 'RUN a', null, 1],
      ['added', 'RUN b', null, 2],
      ['added', 'RUN c', null, 3],
    ]);
  });
});
