// Findings on images built for real (no registry: local base images from .ci/make-base-images.sh).
// Each case builds a context with `compare` (working tree, no base) and checks exactly which findings fire.

import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Finding, ImageEntry } from '../../src/model/report.js';
import type { ComparedReport as Report } from '../helpers/report.js';
import { requireDocker, runDistCli } from '../helpers/docker.js';

type Spec = string | { content?: string | Buffer; copyFrom?: string; mode?: number; symlink?: string };
const dirs: string[] = [];

function context(files: Record<string, Spec>): string {
  const dir = mkdtempSync(join(tmpdir(), 'isg-find-'));
  dirs.push(dir);
  for (const [path, spec] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    if (typeof spec === 'string') writeFileSync(full, spec);
    else if (spec.symlink) symlinkSync(spec.symlink, full);
    else if (spec.copyFrom) copyFileSync(spec.copyFrom, full);
    else writeFileSync(full, spec.content ?? '');
    if (typeof spec !== 'string' && spec.mode !== undefined) chmodSync(full, spec.mode);
  }
  return dir;
}

async function analyse(files: Record<string, Spec>, ...flags: string[]): Promise<{ entry: ImageEntry; text: string; markdown: string }> {
  const cwd = context(files);
  const r = await runDistCli(['compare', '--format', 'json', '--compressed-size', 'off', ...flags], { cwd });
  assert.ok(r.code === 0 || r.code === 1, `compare failed (${r.code}): ${r.stderr.slice(-1500)}`);
  const entry = (JSON.parse(r.stdout) as Report).images[0]!;
  const text = await runDistCli(['compare', '--compressed-size', 'off', ...flags], { cwd });
  const markdown = await runDistCli(['compare', '--format', 'markdown', '--compressed-size', 'off', ...flags], { cwd });
  return { entry, text: text.stdout, markdown: markdown.stdout };
}

const ids = (findings: Finding[]): string[] => findings.map((f) => f.id).sort();
const byId = (entry: ImageEntry, id: string): Finding => {
  const f = entry.findings.find((x) => x.id === id);
  assert.ok(f, `expected a ${id} finding, got ${ids(entry.findings).join(', ') || 'none'}`);
  return f;
};

const GO_MAIN = 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n';

beforeAll(async () => {
  await requireDocker();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('shell', () => {
  it('scratch + a static binary: no finding at all', async () => {
    const { entry } = await analyse({
      'main.go': GO_MAIN,
      Dockerfile: 'FROM isg/golang:bookworm AS build\nWORKDIR /src\nCOPY main.go .\nRUN CGO_ENABLED=0 go build -o /app main.go\n\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
    });
    assert.deepEqual(ids(entry.findings), []);
  });

  it('busybox with applet links: shell, with evidence, a note on the shell-form CMD, and the layer line', async () => {
    const { entry, text, markdown } = await analyse({ Dockerfile: 'FROM isg/busybox:latest\nRUN echo hi > /hi\nCMD echo hello\n' });
    assert.deepEqual(ids(entry.findings), ['shell']);
    const f = byId(entry, 'shell');
    assert.equal(f.status, 'new');
    assert.ok(f.evidence.some((e) => e.path === '/bin/busybox'), JSON.stringify(f.evidence));
    assert.ok(f.evidence.some((e) => e.path === '/bin/sh'));
    assert.match(f.message, /sh -c/);
    assert.match(text, /shell/);
    assert.match(markdown, /`shell`/);
    // layers map to Dockerfile lines: the RUN is line 2, the base image layer has none
    assert.deepEqual(entry.head.layers.map((l) => l.dockerfileLine), [null, 2]);
  });

  it('a /busybox/sh layout (distroless :debug style) is a shell', async () => {
    const { entry } = await analyse({
      'busybox/busybox': { copyFrom: '/bin/busybox', mode: 0o755 },
      'busybox/sh': { symlink: 'busybox' },
      Dockerfile: 'FROM scratch\nCOPY busybox/ /busybox/\nENTRYPOINT ["/busybox/sh"]\n',
    });
    assert.deepEqual(ids(entry.findings), ['shell']);
    assert.ok(byId(entry, 'shell').evidence.some((e) => e.path === '/busybox/sh'));
  });

  it('bash only in /usr/bin is a shell', async () => {
    const { entry } = await analyse({ 'bash': { copyFrom: '/bin/bash', mode: 0o755 }, Dockerfile: 'FROM scratch\nCOPY bash /usr/bin/bash\n' });
    assert.deepEqual(ids(entry.findings), ['shell']);
    assert.equal(byId(entry, 'shell').evidence[0]!.path, '/usr/bin/bash');
    assert.equal(byId(entry, 'shell').dockerfile?.line, 2);
  });

  it('/bin/sh and every other shell removed in a later layer: no shell', async () => {
    const { entry } = await analyse({ Dockerfile: 'FROM isg/busybox:latest\nRUN ["/bin/busybox", "rm", "-rf", "/bin"]\n' });
    assert.deepEqual(ids(entry.findings), []);
  });

  it('a non-executable file named sh is not a shell', async () => {
    const { entry } = await analyse({ sh: { content: '#!/not/a/shell\n', mode: 0o644 }, Dockerfile: 'FROM scratch\nCOPY sh /bin/sh\n' });
    assert.deepEqual(ids(entry.findings), []);
  });

  it('a Debian base has a shell (dash)', async () => {
    const { entry } = await analyse({ Dockerfile: 'FROM isg/debian:bookworm\nCMD ["/bin/true"]\n' });
    assert.ok(ids(entry.findings).includes('shell'));
    const paths = byId(entry, 'shell').evidence.map((e) => e.path);
    assert.ok(paths.some((p) => /\/(dash|sh)$/.test(p)), paths.join(', '));
  });
});

describe('multi-stage and build tools', () => {
  it('a single-stage Go build with its toolchain: missing-multi-stage on the FROM line', async () => {
    const { entry, markdown } = await analyse({
      'main.go': GO_MAIN,
      // a parser directive first (not `# syntax=`: that would pull a frontend image from a registry)
      Dockerfile: '# escape=\\\nFROM isg/golang:bookworm\nWORKDIR /src\nCOPY main.go .\nRUN CGO_ENABLED=0 go build -o /app main.go\nCMD ["/app"]\n',
    }, '--fail-on', 'missing-multi-stage');
    const f = byId(entry, 'missing-multi-stage');
    assert.ok(!ids(entry.findings).includes('build-tools'), 'not also build-tools');
    assert.deepEqual(f.dockerfile, { path: 'Dockerfile', line: 2 });
    assert.ok(f.bytes! > 100_000_000, `tooling bytes ${f.bytes}`);
    assert.ok(f.evidence.length > 0 && f.evidence.length <= 10);
    assert.equal(f.severity, 'error');
    assert.equal(entry.passed, false, 'fail-on missing-multi-stage fails the run');
    assert.match(markdown, /missing-multi-stage/);
  });

  it('multi-stage ending FROM scratch: nothing', async () => {
    const { entry } = await analyse({
      'main.go': GO_MAIN,
      Dockerfile: 'FROM isg/golang:bookworm AS build\nCOPY main.go .\nRUN CGO_ENABLED=0 go build -o /app main.go\nFROM scratch\nCOPY --from=build /app /app\n',
    });
    assert.deepEqual(ids(entry.findings), []);
  });

  it('multi-stage whose final stage still installs gcc: build-tools, not missing-multi-stage', async () => {
    const { entry } = await analyse({
      Dockerfile: [
        'FROM isg/debian:bookworm AS build',
        'RUN echo built > /artifact',
        'FROM isg/debian:bookworm',
        'COPY --from=build /artifact /artifact',
        'RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev && rm -rf /var/lib/apt/lists/*',
        '',
      ].join('\n'),
    });
    assert.ok(ids(entry.findings).includes('build-tools'), ids(entry.findings).join(','));
    assert.ok(!ids(entry.findings).includes('missing-multi-stage'));
    assert.ok(!ids(entry.findings).includes('package-cache'), 'lists removed in the same RUN');
    const f = byId(entry, 'build-tools');
    assert.equal(f.dockerfile?.line, 5);
    assert.ok(f.evidence.some((e) => /gcc|include|libc6-dev/.test(e.path)), JSON.stringify(f.evidence));
  });
});

describe('package caches', () => {
  it('apt lists left behind: package-cache with bytes and the RUN that left them', async () => {
    const { entry } = await analyse({ Dockerfile: 'FROM isg/debian:bookworm\nRUN apt-get update\n' });
    const f = byId(entry, 'package-cache');
    assert.ok(f.evidence.some((e) => e.path === '/var/lib/apt/lists'), JSON.stringify(f.evidence));
    assert.ok(f.bytes! > 1_000_000);
    assert.equal(f.dockerfile?.line, 2);
    assert.match(f.message, /rm -rf|cache/);
  });

  it('apt lists removed in the same RUN: no package-cache', async () => {
    const { entry } = await analyse({ Dockerfile: 'FROM isg/debian:bookworm\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\n' });
    assert.ok(!ids(entry.findings).includes('package-cache'), ids(entry.findings).join(','));
  });
});
