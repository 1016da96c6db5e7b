import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { mapLayersToLines } from '../../src/dockerfile/map-layers.js';
import { DockerfileError, parseDockerfile } from '../../src/dockerfile/parse-dockerfile.js';
import { finalStageChain, isEffectivelySingleStage } from '../../src/dockerfile/stage-chain.js';
import type { DockerfileModel } from '../../src/dockerfile/types.js';
import { cleanInstruction } from '../../src/image/instruction.js';

const parse = (lines: string[], opts: { target?: string; buildArgs?: string[] } = {}) =>
  parseDockerfile(lines.join('\n') + '\n', { path: 'Dockerfile', ...opts });
// [keyword, line, endLine, args]: compact enough to assert a stage's instructions at once.
const rows = (m: DockerfileModel, stage: number) =>
  m.stages[stage]!.instructions.map((i) => [i.keyword, i.line, i.endLine, i.args]);
const chain = (m: DockerfileModel) => finalStageChain(m).map((s) => s.index);
// Layers as the image reader gives them: the history's created_by, cleaned.
const history = (...createdBy: string[]) => createdBy.map((c) => ({ instruction: cleanInstruction(c) }));

const goBase = [
  'ADD file:0a1b2c in / ',
  '/bin/sh -c set -eux; apt-get update; apt-get install -y --no-install-recommends gcc libc6-dev',
  'RUN /bin/sh -c set -eux; url="https://dl.google.com/go/go1.22.linux-amd64.tar.gz" # buildkit',
  'RUN /bin/sh -c mkdir -p "$GOPATH/src" "$GOPATH/bin" # buildkit',
  'WORKDIR /go',
];

describe('parseDockerfile', () => {
  it('models a single-stage file', () => {
    const m = parse([
      'FROM golang:1.22',
      'WORKDIR /src',
      'COPY --chown=1000:1000 --chmod=755 go.mod main.go ./',
      'RUN CGO_ENABLED=0 go build -o /x main.go',
      'ENV A=1',
      'CMD ["/x"]',
      'ENTRYPOINT /x --serve',
    ]);
    assert.equal(m.stages.length, 1);
    assert.equal(m.target, 0);
    const s = m.stages[0]!;
    assert.deepEqual([s.name, s.from, s.fromLine, s.fromStage, s.usesStages], [null, 'golang:1.22', 1, null, []]);
    assert.deepEqual(rows(m, 0), [
      ['WORKDIR', 2, 2, '/src'],
      ['COPY', 3, 3, 'go.mod main.go ./'],
      ['RUN', 4, 4, 'CGO_ENABLED=0 go build -o /x main.go'],
      ['ENV', 5, 5, 'A=1'],
      ['CMD', 6, 6, '["/x"]'],
      ['ENTRYPOINT', 7, 7, '/x --serve'],
    ]);
    assert.deepEqual(s.instructions[1]!.flags, { chown: '1000:1000', chmod: '755' });
    assert.deepEqual(
      s.instructions.map((i) => i.shellForm),
      [false, false, true, false, false, true],
    );
    assert.equal(isEffectivelySingleStage(m), true);
    assert.deepEqual(chain(m), [0]);
  });

  it('models a classic multi-stage build ending FROM scratch', () => {
    const m = parse([
      'FROM golang:1.22 AS build',
      'WORKDIR /src',
      'COPY . .',
      'RUN go build -o /usr/local/bin/hello .',
      'FROM scratch',
      'COPY --from=build /usr/local/bin/hello /hello',
      'ENTRYPOINT ["/hello"]',
    ]);
    assert.deepEqual(
      m.stages.map((s) => [s.index, s.name, s.from, s.fromLine, s.fromStage, s.usesStages]),
      [
        [0, 'build', 'golang:1.22', 1, null, []],
        [1, null, 'scratch', 5, null, [0]],
      ],
    );
    assert.deepEqual(rows(m, 1), [
      ['COPY', 6, 6, '/usr/local/bin/hello /hello'],
      ['ENTRYPOINT', 7, 7, '["/hello"]'],
    ]);
    assert.deepEqual(m.stages[1]!.instructions[0]!.flags, { from: 'build' });
    assert.equal(m.stages[1]!.instructions[1]!.shellForm, false);
    assert.equal(m.target, 1);
    assert.equal(isEffectivelySingleStage(m), false);
    assert.deepEqual(chain(m), [1]);
  });

  it('follows a final stage built FROM an earlier stage (stage names case-insensitive)', () => {
    const m = parse(['FROM node:22 AS Base', 'RUN npm i -g pnpm', 'FROM BASE', 'COPY . /app']);
    assert.equal(m.stages[0]!.name, 'base');
    assert.deepEqual([m.stages[1]!.from, m.stages[1]!.fromStage, m.stages[1]!.usesStages], ['BASE', 0, [0]]);
    assert.deepEqual(chain(m), [0, 1]);
    assert.equal(isEffectivelySingleStage(m), false);
  });

  it('counts a final stage that uses nothing from the others as single-stage', () => {
    const m = parse(['FROM alpine AS tools', 'RUN apk add curl', 'FROM python:3.12', 'RUN pip install flask']);
    assert.equal(m.stages.length, 2);
    assert.deepEqual(m.stages[1]!.usesStages, []);
    assert.equal(isEffectivelySingleStage(m), true);
    assert.deepEqual(chain(m), [1]);
  });

  it('finds the stages used by COPY --from=<index> and RUN --mount from=', () => {
    const m = parse([
      'FROM alpine AS a',
      'FROM alpine AS b',
      'FROM debian',
      'COPY --from=0 /x /x',
      'RUN --mount=type=bind,from=B,source=/y,target=/y --network=none cp /y /z',
      'COPY --from=nginx:latest /etc/nginx /etc/nginx',
    ]);
    assert.deepEqual(m.stages[2]!.usesStages, [0, 1]);
    const run = m.stages[2]!.instructions[1]!;
    assert.equal(run.args, 'cp /y /z');
    assert.deepEqual(run.flags, { mount: 'type=bind,from=B,source=/y,target=/y', network: 'none' });
  });

  it('picks the --target stage, and rejects an unknown one', () => {
    const lines = ['FROM golang AS build', 'RUN go build', 'FROM build AS Test', 'RUN go test', 'FROM scratch AS final', 'COPY --from=build /x /x'];
    const m = parse(lines, { target: 'test' });
    assert.equal(m.target, 1);
    assert.deepEqual(chain(m), [0, 1]);
    assert.throws(
      () => parse(lines, { target: 'x' }),
      (e: unknown) => e instanceof DockerfileError && e.message === 'unknown --target "x" (stages: build, test, final)',
    );
  });

  it('substitutes ARGs declared before the first FROM, overridden by build args', () => {
    const lines = [
      '# syntax=docker/dockerfile:1.7',
      'ARG BASE=alpine',
      'ARG TAG',
      'ARG STAGE=build',
      'FROM --platform=$BUILDPLATFORM ${BASE}:${TAG:-3.20} AS build',
      'FROM $BASE',
      'ARG STAGE',
      'COPY --from=${STAGE} /a /a',
    ];
    const m = parse(lines);
    assert.deepEqual(
      m.stages.map((s) => [s.from, s.fromLine]),
      [
        ['alpine:3.20', 5],
        ['alpine', 6],
      ],
    );
    assert.deepEqual(m.stages[1]!.usesStages, [0]);
    const o = parse(lines, { buildArgs: ['BASE=debian', 'TAG=12-slim', 'STAGE=other'] });
    assert.deepEqual(
      o.stages.map((s) => s.from),
      ['debian:12-slim', 'debian'],
    );
    assert.deepEqual(o.stages[1]!.usesStages, []);
    const q = parse(['ARG REG="my registry" V=1', 'FROM ${REG}/app:v$V${UNSET:+x}-${NOPE}']);
    assert.equal(q.stages[0]!.from, 'my registry/app:v1-${NOPE}'); // undeclared names stay as written
  });

  it('joins continuation lines, dropping comments between them', () => {
    const m = parse([
      'FROM debian',
      'RUN apt-get update && \\',
      '    # the compiler',
      '    apt-get install -y gcc \\',
      '',
      '      && rm -rf /var/lib/apt/lists/*',
      'RUN echo done',
    ]);
    assert.deepEqual(rows(m, 0), [
      ['RUN', 2, 6, 'apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*'],
      ['RUN', 7, 7, 'echo done'],
    ]);
  });

  it('keeps a heredoc RUN as one instruction', () => {
    const m = parse(['FROM alpine', 'RUN <<EOF', 'set -e', 'apk add gcc', 'EOF', 'RUN ["echo", "hi"]']);
    assert.deepEqual(rows(m, 0), [
      ['RUN', 2, 5, '<<EOF set -e apk add gcc EOF'],
      ['RUN', 6, 6, 'echo hi'],
    ]);
    assert.deepEqual(
      m.stages[0]!.instructions.map((i) => i.shellForm),
      [true, false],
    );
  });

  it('honours the escape directive', () => {
    const m = parse(['# escape=`', 'FROM mcr.microsoft.com/windows/servercore', 'RUN echo a `', '    b', 'COPY C:\\src C:\\app']);
    assert.deepEqual(rows(m, 0), [
      ['RUN', 3, 4, 'echo a b'],
      ['COPY', 5, 5, 'C:\\src C:\\app'],
    ]);
  });

  it('marks HEALTHCHECK CMD shell form', () => {
    const m = parse(['FROM alpine', 'HEALTHCHECK --interval=5s CMD wget -q localhost', 'HEALTHCHECK CMD ["wget"]', 'HEALTHCHECK NONE']);
    assert.deepEqual(
      m.stages[0]!.instructions.map((i) => [i.args, i.shellForm]),
      [
        ['CMD wget -q localhost', true],
        ['CMD ["wget"]', false],
        ['NONE', false],
      ],
    );
  });

  it('rejects a file without FROM', () => {
    assert.throws(() => parse(['RUN echo']), DockerfileError);
  });
});

describe('mapLayersToLines', () => {
  it('maps a Go single-stage image: base layers null, then WORKDIR/COPY/RUN', () => {
    const m = parse([
      'FROM golang:1.22',
      'ARG V=1',
      'WORKDIR /src',
      'COPY go.mod main.go ./',
      'RUN CGO_ENABLED=0 \\',
      '    go build -o /x main.go',
      'RUN echo $V',
      'CMD ["/x"]',
    ]);
    const layers = history(
      ...goBase,
      'WORKDIR /src',
      'COPY go.mod main.go ./ # buildkit',
      'RUN |1 V=1 /bin/sh -c CGO_ENABLED=0     go build -o /x main.go # buildkit',
      'RUN |1 V=1 /bin/sh -c echo $V # buildkit',
    );
    assert.deepEqual(mapLayersToLines(m, layers), [null, null, null, null, null, 3, 4, 5, 7]);
  });

  it('does not give a WORKDIR that made no layer to the base image WORKDIR', () => {
    const m = parse(['FROM golang:1.22', 'WORKDIR /go/src', 'COPY . .', 'RUN go build -o /x']); // exists already
    const layers = history(...goBase, 'COPY . . # buildkit', 'RUN /bin/sh -c go build -o /x # buildkit');
    assert.deepEqual(mapLayersToLines(m, layers).slice(-3), [null, 3, 4]);
    const rel = parse(['FROM golang:1.22', 'WORKDIR /src', 'WORKDIR app', 'COPY . .']);
    const relLayers = history(...goBase, 'WORKDIR /src', 'WORKDIR /src/app', 'COPY . . # buildkit');
    assert.deepEqual(mapLayersToLines(rel, relLayers).slice(-4), [null, 2, 3, 4]);
  });

  it('maps a Go multi-stage image: the single COPY layer to the COPY --from line', () => {
    const m = parse([
      'FROM golang:1.22 AS build',
      'WORKDIR /src',
      'COPY . .',
      'RUN CGO_ENABLED=0 go build -o /usr/local/bin/hello .',
      '',
      'FROM scratch',
      'COPY --from=build /usr/local/bin/hello /hello',
      'ENTRYPOINT ["/hello"]',
    ]);
    assert.deepEqual(mapLayersToLines(m, history('COPY /usr/local/bin/hello /hello # buildkit')), [7]);
  });

  it('maps the layers of a base built FROM a local stage', () => {
    const m = parse([
      'FROM debian:12 AS base',
      'RUN apt-get update && \\',
      '    apt-get install -y ca-certificates',
      'FROM base',
      'COPY app /app',
      'RUN <<EOF',
      'chmod +x /app',
      'EOF',
    ]);
    const layers = history(
      'ADD file:9f8e7d in / ',
      'RUN /bin/sh -c apt-get update &&     apt-get install -y ca-certificates # buildkit',
      'COPY app /app # buildkit',
      'RUN /bin/sh -c <<EOF\nchmod +x /app\nEOF # buildkit',
    );
    assert.deepEqual(mapLayersToLines(m, layers), [null, 2, 5, 6]);
  });

  it('still maps the other instructions in order when one was edited', () => {
    const m = parse(['FROM alpine:3.20', 'RUN apk add --no-cache curl jq', 'COPY entry.sh /', 'RUN chmod +x /entry.sh', 'COPY conf /etc/app']);
    const layers = history(
      'ADD file:1234 in / ',
      'RUN /bin/sh -c apk add --no-cache curl # buildkit', // the Dockerfile has since added jq
      'COPY entry.sh / # buildkit',
      'RUN /bin/sh -c chmod +x /entry.sh # buildkit',
      'COPY conf /etc/app # buildkit',
    );
    assert.deepEqual(mapLayersToLines(m, layers), [null, 2, 3, 4, 5]);
    // An instruction with no layer of its kind left maps nowhere; the rest stay in order.
    const fewer = history('ADD file:1234 in / ', 'COPY entry.sh / # buildkit', 'RUN /bin/sh -c chmod +x /entry.sh # buildkit', 'COPY conf /etc/app # buildkit');
    assert.deepEqual(mapLayersToLines(m, fewer), [null, 3, 4, 5]);
  });

  it('maps nothing when no instruction makes a layer', () => {
    const m = parse(['FROM alpine', 'CMD ["sh"]']);
    assert.deepEqual(mapLayersToLines(m, history('ADD file:1 in / ')), [null]);
  });
});
