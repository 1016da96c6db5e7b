// Progress on an image of many small files: the last figure is the size of the `docker save` stream.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { buildImage, DOCKER, removeImages, requireDocker, runDistCli } from '../helpers/docker.js';

const tag = `isg-test/many-files:${process.pid}`;

// 20,000 small files in 100 directories, written by a shell loop (busybox)
const DOCKERFILE = `FROM isg/busybox:latest
RUN mkdir -p /many && cd /many && for d in $(seq 0 99); do mkdir d$d; done \\
 && seq 1 20000 | while read i; do echo "small file $i" > d$((i % 100))/f$i.txt; done
`;

function saveSize(ref: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(DOCKER, ['save', ref], { stdio: ['ignore', 'pipe', 'inherit'] });
    let n = 0;
    child.stdout.on('data', (d: Buffer) => (n += d.length));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(n) : reject(new Error(`docker save exited with ${code}`))));
  });
}

const UNITS: Record<string, number> = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 };

describe('progress (real docker save of many small files)', () => {
  beforeAll(async () => {
    await requireDocker();
    await buildImage(tag, { Dockerfile: DOCKERFILE });
  });
  afterAll(() => removeImages(tag));

  it('ends with a line whose byte count is the docker save stream size (within 10%), as log lines in GitHub Actions', async () => {
    const streamBytes = await saveSize(tag);
    const r = await runDistCli(['inspect', tag, '--compressed-size', 'off', '--format', 'json'], { env: { GITHUB_ACTIONS: 'true' } });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(JSON.parse(r.stdout).images[0].head.fileCount >= 20_000);
    const lines = r.stderr.trimEnd().split('\n');
    assert.ok(lines.every((l) => l.startsWith(`reading docker save ${tag}: `)), r.stderr);
    assert.ok(!r.stderr.includes('\r') && !r.stderr.includes('\x1b'), 'no terminal redraws in a log');
    const m = /: ([\d.]+) (B|kB|MB|GB) read in [\d.]+ s \(([\d.]+) (B|kB|MB|GB)\/s\)$/.exec(lines.at(-1) as string);
    assert.ok(m, `last line: ${lines.at(-1)}`);
    const shown = Number(m[1]) * (UNITS[m[2] as string] as number);
    assert.ok(Math.abs(shown - streamBytes) / streamBytes < 0.1, `progress ends at ${shown} bytes, docker save wrote ${streamBytes}`);
    assert.ok(streamBytes > 20_000 * 1024, `20,000 files take at least a header and a block each (${streamBytes})`);
  });
});
