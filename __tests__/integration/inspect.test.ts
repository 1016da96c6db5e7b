// `image-size-guard inspect` on images built for real with buildx, checked against Docker's own accounting.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { cleanInstruction } from '../../src/image/instruction.js';
import type { ComparedReport as Report } from '../helpers/report.js';
import { buildImage, dockerHistory, removeImages, requireDocker, rootfsLayers, runDistCli } from '../helpers/docker.js';

const run = process.pid; // unique tags per test run
const tags = {
  scratch: `isg-test/scratch:${run}`,
  busybox: `isg-test/busybox:${run}`,
  goSingle: `isg-test/go-single:${run}`,
  goMulti: `isg-test/go-multi:${run}`,
};

const GO_MAIN = `package main

import "fmt"

func main() { fmt.Println("hello from image-size-guard") }
`;

const GO_SINGLE = `FROM isg/golang:bookworm
WORKDIR /src
COPY main.go .
RUN CGO_ENABLED=0 go build -o /usr/local/bin/hello main.go
CMD ["/usr/local/bin/hello"]
`;

const GO_MULTI = `FROM isg/golang:bookworm AS build
WORKDIR /src
COPY main.go .
RUN CGO_ENABLED=0 go build -o /usr/local/bin/hello main.go

FROM scratch
COPY --from=build /usr/local/bin/hello /hello
ENTRYPOINT ["/hello"]
`;

async function inspectJson(ref: string): Promise<Report> {
  const r = await runDistCli(['inspect', ref, '--format', 'json']);
  assert.equal(r.code, 0, `inspect ${ref} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Report;
}

/** Our layers against `docker history` and `docker image inspect`: count, order, diffIDs, instructions, sizes. */
async function assertMatchesDocker(ref: string): Promise<Report> {
  const report = await inspectJson(ref);
  const head = report.images[0]!.head;
  const history = await dockerHistory(ref);
  assert.deepEqual(head.layers.map((l) => l.diffId), await rootfsLayers(ref), 'diffIDs in order');
  const withContent = history.filter((h) => h.size > 0);
  assert.deepEqual(
    head.layers.filter((l) => l.size > 0).map((l) => l.instruction),
    withContent.map((h) => cleanInstruction(h.createdBy)),
    'instructions of the layers with content, in order',
  );
  const dockerTotal = history.reduce((n, h) => n + h.size, 0);
  assert.ok(Math.abs(head.size - dockerTotal) <= dockerTotal * 0.01, `size ${head.size} within 1% of docker history's ${dockerTotal}`);
  return report;
}

beforeAll(async () => {
  await requireDocker();
});

afterAll(async () => {
  await removeImages(...Object.values(tags));
});

describe('inspect on real buildx builds', () => {
  it('FROM scratch: layers, empty-layer history entries, overwrites and sizes match docker', async () => {
    const a = randomBytes(150_000);
    const b = randomBytes(70_000);
    const a2 = randomBytes(20_000);
    await buildImage(tags.scratch, {
      'a.bin': a,
      'b.bin': b,
      'a2.bin': a2,
      'dir/one.txt': 'one\n',
      'dir/two.txt': 'two two\n',
      Dockerfile: [
        'FROM scratch',
        'ENV GREETING=hello',
        'COPY a.bin /data/a.bin',
        'LABEL org.example.test=yes',
        'COPY b.bin /data/b.bin',
        'COPY a2.bin /data/a.bin',
        'COPY dir/ /dir/',
        'CMD ["/nothing"]',
        '',
      ].join('\n'),
    });
    const report = await assertMatchesDocker(tags.scratch);
    const entry = report.images[0]!;
    assert.equal(entry.platform, 'linux/amd64');
    assert.equal(entry.name, tags.scratch);
    const head = entry.head;
    assert.deepEqual(head.layers.map((l) => l.instruction), ['COPY a.bin /data/a.bin', 'COPY b.bin /data/b.bin', 'COPY a2.bin /data/a.bin', 'COPY dir/ /dir/']);
    assert.deepEqual(head.layers.map((l) => l.size), [150_000, 70_000, 20_000, 12]);
    assert.equal(head.size, 240_012);
    assert.equal(head.wastedBytes, 150_000, 'the overwritten a.bin is waste, its replacement is not');
    assert.equal(head.fileCount, 4);
    assert.equal(report.schemaVersion, 1);
    assert.equal(report.passed, true);
    assert.match(head.id, /^sha256:[0-9a-f]{64}$/);
  });

  it('busybox: a file deleted in a later layer is absent, and its bytes count as waste', async () => {
    await buildImage(tags.busybox, {
      'big.bin': randomBytes(300_000),
      Dockerfile: [
        'FROM isg/busybox:latest',
        'COPY big.bin /opt/big.bin',
        'RUN rm /opt/big.bin && mkdir -p /opt/keep && echo kept > /opt/keep/file',
        'RUN rm -rf /opt/keep && echo gone',
        'CMD ["sh"]',
        '',
      ].join('\n'),
    });
    const report = await assertMatchesDocker(tags.busybox);
    const head = report.images[0]!.head;
    assert.equal(head.layers.length, 4);
    assert.equal(head.layers[1]!.size, 300_000);
    assert.ok(head.wastedBytes >= 300_000, 'deleted big.bin is waste');
    // the text view names the instruction, and the final filesystem must not list the deleted paths
    const text = await runDistCli(['inspect', tags.busybox]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /RUN rm \/opt\/big\.bin && mkdir -p \/opt\/keep/);
    assert.match(text.stdout, /total/);
    const files = await listFinalFiles(tags.busybox);
    assert.ok(!files.has('/opt/big.bin'), 'deleted file is absent');
    assert.ok(!files.has('/opt/keep') && !files.has('/opt/keep/file'), 'deleted directory is absent');
    assert.ok(files.has('/opt'), 'its parent stays');
    assert.equal(files.get('/bin/sh'), 'symlink');
  });

  it('the Go single-stage vs multi-stage pair: sizes and layers as docker reports them', async () => {
    await buildImage(tags.goSingle, { 'main.go': GO_MAIN, Dockerfile: GO_SINGLE });
    await buildImage(tags.goMulti, { 'main.go': GO_MAIN, Dockerfile: GO_MULTI });
    const single = (await assertMatchesDocker(tags.goSingle)).images[0]!.head;
    const multi = (await assertMatchesDocker(tags.goMulti)).images[0]!.head;
    assert.equal(multi.layers.length, 1);
    assert.equal(multi.layers[0]!.instruction, 'COPY /usr/local/bin/hello /hello');
    assert.ok(multi.size > 500_000 && multi.size < 5_000_000, `multi-stage is a static binary (${multi.size} bytes)`);
    assert.ok(single.size > 100 * multi.size, `single-stage (${single.size}) carries the toolchain`);
    assert.ok(single.layers.some((l) => l.instruction === 'RUN CGO_ENABLED=0 go build -o /usr/local/bin/hello main.go'));
  });
});

/** The final filesystem as the model sees it, through the library (same code the CLI bundles). */
async function listFinalFiles(ref: string): Promise<Map<string, string>> {
  const { readImage } = await import('../../src/sources/open-image.js');
  const model = await readImage({ kind: 'local', ref });
  return new Map([...model.files.values()].map((f) => [f.path, f.type]));
}
