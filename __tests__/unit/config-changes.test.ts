// The image config's runtime settings: read from hostile JSON, compared between base and head (environment
// variables by name, values never kept), and rendered in the comment, the terminal and inspect.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { configReport, diffConfig } from '../../src/analysis/config-diff.js';
import { configSummary, envFingerprint } from '../../src/image/config-summary.js';
import type { ImageEntry } from '../../src/model/report.js';
import { renderCompareText } from '../../src/report/compare-text.js';
import { configChangesMarkdown, configChangesText, configText, healthcheckText } from '../../src/report/config-changes.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { hasNews } from '../../src/report/summary-table.js';
import { readImageArchive } from '../../src/image/read-image.js';
import { chunked, makeImageArchive } from '../helpers/make-archive.js';

const SECRET = 'tok_live_5f3b0c1e-made-up-value';

const side = (config: unknown, annotations?: unknown, platform = 'linux/amd64') => ({ config: configSummary(config as never, annotations), platform });

const BASE = {
  User: 'app',
  Entrypoint: ['/app/server'],
  Cmd: ['--port', '8080'],
  WorkingDir: '/app',
  Env: ['PATH=/usr/local/bin:/usr/bin', `API_TOKEN=${SECRET}`, 'LOG=info'],
  ExposedPorts: { '8080/tcp': {} },
  Labels: { version: '1.0', team: 'core' },
};

describe('reading the config', () => {
  it('keeps names and fingerprints of environment variables, never a value; the last of a repeated name wins', () => {
    const c = configSummary({ Env: ['A=1', 'B', '=nameless', 7, 'A=2', `T=${SECRET}`] } as never);
    assert.deepEqual(c.env.map((e) => e.name), ['B', 'A', 'T']);
    assert.equal(c.env.find((e) => e.name === 'A')!.fingerprint, envFingerprint('A', '2'));
    assert.notEqual(envFingerprint('A', '1'), envFingerprint('A', '2'));
    assert.notEqual(envFingerprint('A', 'x'), envFingerprint('B', 'x'), 'the name is part of it');
    assert.equal(JSON.stringify(c).includes(SECRET), false);
  });

  it('leaves out what is malformed: non-string labels, a port list that is not an object, a healthcheck without a test', () => {
    const c = configSummary(JSON.parse('{"User":7,"Labels":{"ok":"yes","n":1,"__proto__":"p"},"ExposedPorts":["22/tcp"],"Volumes":{"/data":{}},"Healthcheck":{"Interval":5},"StopSignal":"SIGTERM"}'));
    assert.equal(c.user, null);
    assert.deepEqual(c.labels, [{ name: '__proto__', value: 'p' }, { name: 'ok', value: 'yes' }]);
    assert.deepEqual(c.exposedPorts, []);
    assert.deepEqual(c.volumes, ['/data']);
    assert.equal(c.healthcheck, null);
    assert.equal(c.healthcheckSettings, null);
    assert.equal(c.stopSignal, 'SIGTERM');
    assert.deepEqual(configSummary(null), configSummary('not an object' as never));
  });

  it('the base image: the manifest annotations first, then the labels of the same names', () => {
    const labels = { 'org.opencontainers.image.base.name': 'docker.io/library/debian:bookworm', 'org.opencontainers.image.base.digest': 'sha256:' + '1'.repeat(64) };
    const fromLabels = configSummary({ Labels: labels });
    assert.equal(fromLabels.baseName, 'docker.io/library/debian:bookworm');
    const fromManifest = configSummary({ Labels: labels }, { 'org.opencontainers.image.base.name': 'registry.example/debian:12' });
    assert.equal(fromManifest.baseName, 'registry.example/debian:12');
    assert.equal(fromManifest.baseDigest, 'sha256:' + '1'.repeat(64));
    // they are settings of their own, not labels
    assert.deepEqual(configReport(side({ Labels: labels })).labels, []);
  });

  it('an OCI archive: the base image from its manifest\'s annotations; a docker-save archive has none, so the labels', async () => {
    const layers = [{ entries: [{ path: 'a', content: 'x' }] }];
    const annotations = { 'org.opencontainers.image.base.name': 'docker.io/library/alpine:3.20', 'org.opencontainers.image.base.digest': 'sha256:' + 'ab'.repeat(32) };
    const labels = { Labels: { 'org.opencontainers.image.base.name': 'from-a-label:1' } };
    const oci = await makeImageArchive({ format: 'oci', layers, config: labels, manifestAnnotations: annotations });
    const a = await readImageArchive(chunked(oci.archive, 512), { compressedSize: 'off' });
    assert.deepEqual([a.config.baseName, a.config.baseDigest], [annotations['org.opencontainers.image.base.name'], annotations['org.opencontainers.image.base.digest']]);
    const legacy = await makeImageArchive({ format: 'docker-save', layers, config: labels });
    const b = await readImageArchive(chunked(legacy.archive, 512), { compressedSize: 'off' });
    assert.deepEqual([b.config.baseName, b.config.baseDigest], ['from-a-label:1', null]);
    assert.deepEqual(diffConfig(b, a), {
      baseName: { base: 'from-a-label:1', head: 'docker.io/library/alpine:3.20' },
      baseDigest: { base: null, head: 'sha256:' + 'ab'.repeat(32) },
    });
  });
});

describe('what changed', () => {
  it('a PR that switches USER to root, adds an ENV, adds EXPOSE 22 and changes the ENTRYPOINT: those four, in order', () => {
    const head = { ...BASE, User: 'root', Entrypoint: ['/bin/sh', '-c', '/app/server'], Env: [...BASE.Env, 'DEBUG=1'], ExposedPorts: { '8080/tcp': {}, '22/tcp': {} } };
    const d = diffConfig(side(BASE), side(head));
    assert.deepEqual(d, {
      user: { base: 'app', head: 'root' },
      entrypoint: { base: ['/app/server'], head: ['/bin/sh', '-c', '/app/server'] },
      exposedPorts: { added: ['22/tcp'], removed: [] },
      env: { added: ['DEBUG'], removed: [], changed: [] },
    });
  });

  it('an environment value changed, a variable removed: by name only', () => {
    const head = { ...BASE, Env: ['PATH=/usr/local/bin:/usr/bin', 'API_TOKEN=tok_live_other-made-up'] };
    const d = diffConfig(side(BASE), side(head));
    assert.deepEqual(d, { env: { added: [], removed: ['LOG'], changed: ['API_TOKEN'] } });
    assert.equal(JSON.stringify(d).includes('tok_live'), false);
  });

  it('labels, volumes, stop signal, healthcheck timing, workdir, cmd, base image and platform', () => {
    const head = {
      ...BASE,
      Cmd: ['--port', '9090'],
      WorkingDir: '/srv',
      Labels: { version: '1.1', owner: 'web' },
      Volumes: { '/data': {} },
      StopSignal: 'SIGQUIT',
      Healthcheck: { Test: ['CMD', 'curl', '-f', 'localhost'], Interval: 30e9, Retries: 3 },
    };
    const d = diffConfig(side(BASE), side(head, { 'org.opencontainers.image.base.name': 'debian:12' }, 'linux/arm64'));
    assert.deepEqual(Object.keys(d), ['cmd', 'workdir', 'volumes', 'stopSignal', 'healthcheck', 'labels', 'baseName', 'platform']);
    assert.deepEqual(d.labels, { added: [{ name: 'owner', value: 'web' }], removed: [{ name: 'team', value: 'core' }], changed: [{ name: 'version', base: '1.0', head: '1.1' }] });
    assert.equal(healthcheckText(d.healthcheck!.head!), 'CMD ["curl","-f","localhost"] (interval 30s, retries 3)');
    assert.equal(healthcheckText({ test: ['CMD-SHELL', 'curl -f localhost'], interval: 90e9, timeout: 5e8, startPeriod: 0, startInterval: 0, retries: 0 }), 'CMD-SHELL curl -f localhost (interval 1m30s, timeout 500ms)');
    assert.deepEqual(diffConfig(side(BASE), side(BASE)), {});
  });
});

describe('rendering', () => {
  const entry = (head: unknown): ImageEntry => {
    const b = side(BASE);
    const h = side(head);
    return {
      name: 'web', platform: 'linux/amd64', status: 'compared',
      head: { ref: 'h', source: 'build', id: 'sha256:h', size: 10, compressedSize: null, compressedSizeExact: false, fileCount: 1, wastedBytes: 0, efficiency: 1, dockerfile: null, layers: [] },
      base: { ref: 'b', source: 'build', id: 'sha256:b', size: 10, compressedSize: null, compressedSizeExact: false, fileCount: 1, wastedBytes: 0, efficiency: 1, dockerfile: null, layers: [] },
      diff: { sizeDelta: 0, sizeDeltaPercent: 0, compressedSizeDelta: null, layers: [], files: [], packages: [], growth: null, config: diffConfig(b, h) },
      findings: [], budgets: [], passed: true,
    };
  };
  const hostile = { ...BASE, User: 'root', Env: [...BASE.Env, 'NEW_VAR=whatever'], ExposedPorts: { '8080/tcp': {}, '22/tcp': {} }, Labels: { ...BASE.Labels, note: 'line one\n::error::x `a` | <b>@team' } };

  it('the comment: a folded section naming what changed; label values in code spans, one line; env by name', () => {
    const e = entry(hostile);
    const md = renderMarkdown(e);
    const section = configChangesMarkdown(e.diff).join('\n');
    assert.ok(md.includes(section));
    assert.match(section, /^<details><summary>Config changes: user, 1 exposed port, 1 label, 1 env<\/summary>$/m);
    assert.match(section, /^\| user \| `app` \| `root` \|$/m);
    assert.match(section, /^\| exposed port `22\/tcp` \| — \| exposed \|$/m);
    assert.match(section, /^\| env `NEW_VAR` \| — \| set \|$/m);
    assert.match(section, /^\| label `note` \| — \| ``line one ↵ ::error::x `a` \\\| <b>@team`` \|$/m);
    assert.equal(md.includes('whatever'), false);
    assert.equal(md.includes(SECRET), false);
    assert.ok(hasNews(e), 'a config change is news for the comment');
    assert.deepEqual(configChangesMarkdown(entry(BASE).diff), []);
  });

  it('the terminal: base → PR per setting, one line each', () => {
    const e = entry(hostile);
    const text = renderCompareText(e, { width: 100 });
    const lines = configChangesText(e.diff, 100);
    assert.ok(text.includes(lines.join('\n')));
    assert.equal(lines[0], 'Config changes');
    assert.match(lines.find((l) => l.includes('user'))!, /^ {2}user\s+app\s+→\s+root$/);
    assert.match(lines.find((l) => l.includes('label note'))!, /line one ↵ ::error::x/);
    assert.ok(lines.every((l) => !l.includes('\n')));
    assert.equal(text.includes(SECRET) || text.includes('whatever'), false);
  });

  it('inspect lists one image\'s settings, env by name', () => {
    const lines = configText(configReport(side(BASE)), 100);
    assert.equal(lines[0], 'Config');
    assert.match(lines.join('\n'), /env\s+PATH API_TOKEN LOG/);
    assert.match(lines.join('\n'), /entrypoint\s+\["\/app\/server"\]/);
    assert.equal(lines.join('\n').includes(SECRET), false);
  });
});
