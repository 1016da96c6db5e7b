// wasted-space and the deleted caches of package-cache, from hand-made waste ledgers: grouping by writer →
// remover, the thresholds, caches counted once, the base image's own churn left out, the paths that explain a
// group, the status against the base, and fail-on.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { cacheOf } from '../../src/analysis/findings/cache-paths.js';
import type { FindingContext } from '../../src/analysis/findings/context.js';
import { detectDeletedCaches } from '../../src/analysis/findings/deleted-caches.js';
import { detectFindings } from '../../src/analysis/findings/detect-findings.js';
import { detectWastedSpace } from '../../src/analysis/findings/wasted-space.js';
import { commonPath, groupWaste, topPaths } from '../../src/analysis/findings/waste-groups.js';
import { decidePassed } from '../../src/analysis/verdict.js';
import { parseFailOn } from '../../src/config/fail-on.js';
import type { WastedWrite } from '../../src/image/types.js';
import { compareFindings } from '../../src/pipeline/findings-step.js';
import { ctx, file, fs, KB, MB } from '../helpers/finding-fixtures.js';
import type { LayerSpec } from '../helpers/model-builder.js';

const LAYERS: LayerSpec[] = [
  ['sha256:' + 'a'.repeat(64), '/bin/sh -c #(nop) ADD file:rootfs in / ', 0],
  ['sha256:' + 'b'.repeat(64), 'RUN /bin/sh -c curl -o /tmp/app.tar.gz https://example.com/app.tar.gz # buildkit', 0],
  ['sha256:' + 'c'.repeat(64), 'RUN /bin/sh -c tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz # buildkit', 0],
  ['sha256:' + 'd'.repeat(64), 'COPY dist/ /opt/app/ # buildkit', 0],
];
const DOCKERFILE = { path: 'Dockerfile', singleStage: true, fromLine: 1 };
const LINES = [null, 3, 4, 6];

const w = (path: string, bytes: number, layer: number, removedBy: number, how: WastedWrite['how'] = 'deleted'): WastedWrite => ({ path, bytes, layer, removedBy, how });

function withWaste(waste: WastedWrite[], opts: { dockerfile?: boolean } = {}): FindingContext {
  const c = ctx({ layers: LAYERS, dockerfile: opts.dockerfile === false ? null : DOCKERFILE, layerLines: LINES, files: fs({ '/opt/app/server': file(3 * MB, 3), '/root': 'dir' }) });
  c.model.waste = waste;
  return c;
}

describe('grouping and threshold', () => {
  it('a 20 MB download deleted a step later: one wasted-space finding naming both lines, the path and the fix', () => {
    const [f, ...rest] = detectWastedSpace(withWaste([w('/tmp/app.tar.gz', 20 * MB, 1, 2)]));
    assert.equal(rest.length, 0);
    assert.equal(f!.id, 'wasted-space');
    assert.equal(f!.bytes, 20 * MB);
    assert.deepEqual(f!.dockerfile, { path: 'Dockerfile', line: 3 });
    assert.deepEqual(f!.removedBy, { layer: 2, instruction: 'RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz', dockerfile: { path: 'Dockerfile', line: 4 } });
    assert.deepEqual(f!.evidence, [{ path: '/tmp/app.tar.gz', size: 20 * MB, layer: 1, instruction: 'RUN curl -o /tmp/app.tar.gz https://example.com/app.tar.gz' }]);
    assert.equal(
      f!.message,
      '20 MB written by Dockerfile:3 are deleted by Dockerfile:4: /tmp/app.tar.gz (20 MB). The later delete does not make the image smaller: ' +
        'the bytes still ship in the earlier layer. Delete them in the same RUN that writes them, or make them in a build stage and COPY --from only what the image needs.',
    );
  });

  it('groups by writer → remover and reports each pair at or above 5 MB, biggest first', () => {
    const found = detectWastedSpace(
      withWaste([
        w('/tmp/a', 3 * MB, 1, 2),
        w('/tmp/b', 2 * MB, 1, 2), // 5 MB together: reported
        w('/opt/app/bundle.js', 4_999_999, 2, 3, 'overwritten'), // one byte short
        w('/srv/x', 6 * MB, 1, 3),
      ]),
    );
    assert.deepEqual(
      found.map((f) => [f.bytes, f.dockerfile?.line, f.removedBy?.dockerfile?.line]),
      [
        [6 * MB, 3, 6],
        [5 * MB, 3, 4],
      ],
    );
  });

  it('an overwrite says so, and its fix is to write the final version once', () => {
    const [f] = detectWastedSpace(withWaste([w('/opt/app/bundle.js', 8 * MB, 2, 3, 'overwritten')]));
    assert.match(f!.message, /^8 MB written by Dockerfile:4 are overwritten by Dockerfile:6: \/opt\/app\/bundle\.js \(8 MB\)\. The later write does not make the image smaller/);
    assert.match(f!.message, /Write the final version once/);
  });

  it('dpkg and debconf churn between apt layers (under 2 MB a pair, as measured on bookworm) is not reported', () => {
    const churn = [
      w('/var/cache/debconf/templates.dat', 753_157, 0, 1, 'overwritten'),
      w('/var/cache/debconf/templates.dat-old', 713_572, 0, 1, 'overwritten'),
      w('/var/lib/dpkg/status', 77_102, 0, 1, 'overwritten'),
      w('/var/lib/dpkg/status-old', 77_105, 0, 1, 'overwritten'),
      w('/etc/ld.so.cache', 21_000, 1, 2, 'overwritten'),
      w('/var/cache/debconf/templates.dat', 780_197, 1, 2, 'overwritten'),
    ];
    assert.deepEqual(detectFindings(withWaste(churn)), []);
  });

  it('a write removed by its own layer (a tar listing a path twice) is no pair of instructions', () => {
    assert.deepEqual(groupWaste([w('/x', 50 * MB, 2, 2, 'overwritten')], () => true, 1), []);
  });

  it('churn inside the base image is not this Dockerfile\'s; deleting base files later is, on the FROM line', () => {
    assert.deepEqual(detectWastedSpace(withWaste([w('/usr/share/doc/big', 9 * MB, 0, 0)])), []);
    const [f] = detectWastedSpace(withWaste([w('/usr/share/doc/big', 9 * MB, 0, 2)]));
    assert.deepEqual(f!.dockerfile, { path: 'Dockerfile', line: 1 });
    assert.match(f!.message, /^9 MB written by the base image \(Dockerfile:1\) are deleted by Dockerfile:4: .*Start from a smaller base image/);
  });

  it('without a Dockerfile the layers are named by number and instruction, and base-image layers are not told apart', () => {
    const [f] = detectWastedSpace(withWaste([w('/tmp/app.tar.gz', 20 * MB, 1, 2)], { dockerfile: false }));
    assert.equal(f!.dockerfile, null);
    assert.match(f!.message, /^20 MB written by layer 2 \(RUN curl -o \/tmp\/app\.tar\.gz https:\/\/example\.com\/app\.tar\.gz\) are deleted by layer 3 \(RUN tar -xzf/);
  });
});

describe('caches count under package-cache only', () => {
  const lists = [
    w('/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages', 50_060_337, 1, 2),
    w('/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_i18n_Translation-en', 32_699_363, 1, 2),
    w('/var/lib/apt/lists/lock', 0.5 * MB, 1, 2), // apt's furniture, not cache
    w('/root/.cache/pip/http/a', 2 * MB, 1, 2),
  ];

  it('apt lists deleted a step later: package-cache with both lines, the cache bytes and the fix; no wasted-space for them', () => {
    const all = detectFindings(withWaste(lists));
    assert.deepEqual(all.map((f) => f.id), ['package-cache']);
    const f = all[0]!;
    assert.equal(f.bytes, 50_060_337 + 32_699_363 + 2 * MB);
    assert.deepEqual(f.evidence.map((e) => [e.path, e.size, e.layer]), [
      ['/var/lib/apt/lists', 50_060_337 + 32_699_363, 1],
      ['/root/.cache/pip', 2 * MB, 1],
    ]);
    assert.deepEqual([f.dockerfile?.line, f.removedBy?.dockerfile?.line], [3, 4]);
    assert.equal(
      f.message,
      'Package-manager caches (84.7 MB) written by Dockerfile:3 are deleted by Dockerfile:4: /var/lib/apt/lists (82.7 MB) and /root/.cache/pip (2 MB). ' +
        'The later delete does not make the image smaller: the caches still ship in the earlier layer; run rm -rf /var/lib/apt/lists/* in the same RUN that fills ' +
        '/var/lib/apt/lists (Dockerfile:3), or use a cache mount (RUN --mount=type=cache,target=/var/lib/apt/lists).',
    );
  });

  it('the non-cache rest of the same pair is wasted-space when it reaches 5 MB on its own', () => {
    const all = detectFindings(withWaste([...lists, w('/tmp/build/out.o', 6 * MB, 1, 2)]));
    // apt's lock file is not cache: it joins the build output
    assert.deepEqual(all.map((f) => [f.id, f.bytes]), [
      ['package-cache', 50_060_337 + 32_699_363 + 2 * MB],
      ['wasted-space', 6.5 * MB],
    ]);
  });

  it('under 1 MB of deleted cache: nothing; caches both left and deleted: two package-cache findings', () => {
    assert.deepEqual(detectDeletedCaches(withWaste([w('/var/cache/apk/APKINDEX.tar.gz', 900 * KB, 1, 2)])), []);
    const c = withWaste(lists);
    c.model.files = fs({ '/var/lib/apt/lists/x_Packages': file(20 * MB, 3) });
    const all = detectFindings(c);
    assert.deepEqual(all.map((f) => [f.id, f.removedBy === undefined]), [
      ['package-cache', true],
      ['package-cache', false],
    ]);
  });

  it('cacheOf judges by path alone: the innermost cache, apt furniture and home caches', () => {
    assert.equal(cacheOf('/var/cache/apt/archives/gcc_12_amd64.deb')?.dir, '/var/cache/apt/archives');
    assert.equal(cacheOf('/var/cache/apt/archives/lock'), null);
    assert.equal(cacheOf('/var/cache/apt/pkgcache.bin')?.dir, '/var/cache/apt');
    assert.equal(cacheOf('/var/lib/apt/lists/lock'), null);
    assert.equal(cacheOf('/home/dev/.npm/_cacache/x')?.dir, '/home/dev/.npm');
    assert.equal(cacheOf('/home/.npm/x'), null);
    assert.equal(cacheOf('/var/lib/apt/listsx/y'), null);
  });
});

describe('the paths that explain a group', () => {
  it('a build tree of 3,000 small files is one row; a shallow directory opens into its parts, a deeper one does not', () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ path: `/tmp/build/obj/f${i}.o`, bytes: 10 * KB }));
    assert.deepEqual(topPaths(many, 10), [{ path: '/tmp/build/obj', bytes: 30 * MB, files: 3000 }]);
    const two = [...many, { path: '/tmp/build/cache/big.bin', bytes: 20 * MB }, { path: '/tmp/notes.txt', bytes: 10 }];
    assert.deepEqual(
      topPaths(two, 10).map((r) => r.path),
      ['/tmp/build/obj', '/tmp/build/cache/big.bin', '/tmp/notes.txt'],
    );
    assert.equal(commonPath(two), '/tmp');
    // base-image files deleted later: the second-level directory opens, the third-level ones name themselves
    const share = [
      ...Array.from({ length: 600 }, (_, i) => ({ path: `/usr/share/locale/l${i % 60}/LC_MESSAGES/m${i}.mo`, bytes: 50 * KB })),
      ...Array.from({ length: 450 }, (_, i) => ({ path: `/usr/share/doc/p${i}/changelog.gz`, bytes: 16 * KB })),
      ...Array.from({ length: 300 }, (_, i) => ({ path: `/usr/share/man/${['man1', 'man8', 'de', 'fr', 'it'][i % 5]}/x${i}.gz`, bytes: 10 * KB })),
    ];
    assert.deepEqual(topPaths(share, 10), [
      { path: '/usr/share/locale', bytes: 30 * MB, files: 600 },
      { path: '/usr/share/doc', bytes: 7.2 * MB, files: 450 },
      { path: '/usr/share/man', bytes: 3 * MB, files: 300 },
    ]);
    assert.equal(commonPath([{ path: '/tmp/a' }]), '/tmp/a');
    assert.equal(commonPath([{ path: '/tmp/a' }, { path: '/srv/b' }]), '/');
  });
});

describe('status against the base, and fail-on', () => {
  const failOn = parseFailOn('wasted-space');
  const side = (waste: WastedWrite[]) => ({ findings: detectFindings(withWaste(waste)), layerLines: LINES });

  it('the same pair in both (lines moved, sizes changed): existing; a new pair: new; a pair gone: resolved', () => {
    const base = side([w('/tmp/app.tar.gz', 20 * MB, 1, 2), w('/srv/old/data', 9 * MB, 1, 3)]);
    const head = side([w('/tmp/app.tar.gz', 22 * MB, 1, 3), w('/var/tmp/other.iso', 7 * MB, 2, 3)]);
    const findings = compareFindings(head, base, failOn);
    assert.deepEqual(findings.map((f) => [f.id, f.status, f.bytes]), [
      ['wasted-space', 'existing', 22 * MB],
      ['wasted-space', 'new', 7 * MB],
      ['wasted-space', 'resolved', 9 * MB],
    ]);
    assert.equal(findings[2]!.message, 'The 9 MB (/srv/old/data) that one step wrote and a later one deleted or overwrote no longer ship.');
    assert.ok(findings.every((f) => f.severity === 'error'));
    assert.equal(decidePassed([], findings, failOn), false);
    assert.equal(decidePassed([], findings.filter((f) => f.status === 'resolved'), failOn), true);
    // the key is not part of the report
    assert.ok(findings.every((f) => !('key' in f)));
    assert.deepEqual(Object.keys(findings[0]!), ['id', 'severity', 'status', 'message', 'bytes', 'evidence', 'dockerfile', 'removedBy']);
  });

  it('fail-on names wasted-space; other ids do not fail on it', () => {
    assert.ok(parseFailOn('budget, wasted-space').findings.has('wasted-space'));
    const findings = compareFindings(side([w('/tmp/app.tar.gz', 20 * MB, 1, 2)]), null, parseFailOn('shell'));
    assert.deepEqual(findings.map((f) => [f.status, f.severity]), [['new', 'warning']]);
    assert.equal(decidePassed([], findings, parseFailOn('shell')), true);
  });
});
