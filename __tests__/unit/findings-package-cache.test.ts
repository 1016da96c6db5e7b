import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { detectPackageCache, scanCaches } from '../../src/analysis/findings/package-cache.js';
import { ctx, distrolessFiles, exe, file, fs, KB, MB } from '../helpers/finding-fixtures.js';

const LINES = [1, 4, 7];

describe('package-cache', () => {
  it('apt lists left behind: fires with their bytes, on the RUN that wrote them', () => {
    const files = fs({
      '/var/lib/apt/lists/lock': file(0, 1),
      '/var/lib/apt/lists/partial': 'dir',
      '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4': file(18 * MB, 1),
      '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease': file(150 * KB, 1),
      '/usr/bin/curl': exe(300 * KB, 1),
    });
    const f = detectPackageCache(ctx({ files, dockerfile: { path: 'Dockerfile', singleStage: false, fromLine: 1 }, layerLines: LINES }))!;
    assert.equal(f.id, 'package-cache');
    assert.equal(f.bytes, 18_150 * KB);
    assert.deepEqual(f.evidence, [{ path: '/var/lib/apt/lists', size: 18_150 * KB, layer: 1, instruction: 'RUN apt-get update && apt-get install -y gcc' }]);
    assert.deepEqual(f.dockerfile, { path: 'Dockerfile', line: 4 });
    assert.equal(
      f.message,
      'Package-manager caches (18.1 MB) are left in the image: /var/lib/apt/lists (18.1 MB); run rm -rf /var/lib/apt/lists/* in the same RUN that fills /var/lib/apt/lists, or use a cache mount (RUN --mount=type=cache,target=/var/lib/apt/lists).',
    );
  });

  it('apt lists removed (only lock and partial/ left): nothing', () => {
    const files = fs({ '/var/lib/apt/lists/lock': file(0), '/var/lib/apt/lists/partial': 'dir', '/var/cache/apt/archives/lock': file(0), '/var/cache/apt/archives/partial': 'dir' });
    assert.equal(detectPackageCache(ctx({ files })), null);
    assert.equal(detectPackageCache(ctx({ files: distrolessFiles() })), null);
    assert.equal(detectPackageCache(ctx()), null);
  });

  it('apt archives (*.deb) and pkgcache.bin are separate entries; other files there are not cache', () => {
    const files = fs({
      '/var/cache/apt/archives/gcc_12_amd64.deb': file(20 * MB, 1),
      '/var/cache/apt/archives/lock': file(10, 1),
      '/var/cache/apt/pkgcache.bin': file(30 * MB, 1),
      '/var/cache/apt/notes.txt': file(5 * MB, 1),
    });
    const s = scanCaches(files);
    assert.deepEqual(
      s.entries.map((e) => [e.dir, e.bytes]),
      [
        ['/var/cache/apt', 30 * MB],
        ['/var/cache/apt/archives', 20 * MB],
      ],
    );
    assert.equal(s.bytes, 50 * MB);
  });

  it('pip cache under /root/.cache/pip', () => {
    const files = fs({ '/root/.cache/pip/http-v2/a/b/c': file(40 * MB, 2), '/root/.cache/pip/wheels/x.whl': file(2 * MB, 2), '/root/.cache/other/x': file(5 * MB, 2) });
    const f = detectPackageCache(ctx({ files }))!;
    assert.deepEqual(
      f.evidence.map((e) => [e.path, e.size, e.layer]),
      [['/root/.cache/pip', 42 * MB, 2]],
    );
    assert.match(f.message, /rm -rf \/root\/\.cache\/pip in the same RUN/);
    assert.match(f.message, /target=\/root\/\.cache\/pip\)\.$/);
  });

  it('per-user and image-specific caches', () => {
    const files = fs({
      '/home/node/.npm/_cacache/x': file(3 * MB, 1),
      '/usr/local/share/.cache/yarn/v6/x': file(4 * MB, 1),
      '/go/pkg/mod/cache/download/x': file(5 * MB, 1),
      '/root/.cache/go-build/00/x': file(6 * MB, 1),
      '/root/.m2/repository/org/x.jar': file(7 * MB, 1),
      '/home/app/.gradle/caches/x': file(8 * MB, 1),
      '/root/.cargo/registry/cache/x.crate': file(9 * MB, 1),
      '/var/cache/apk/APKINDEX.tar.gz': file(2 * MB, 1),
      '/app/node_modules/x.js': file(50 * MB, 2), // not a cache
    });
    assert.deepEqual(
      scanCaches(files).entries.map((e) => e.dir),
      ['/root/.cargo/registry', '/home/app/.gradle/caches', '/root/.m2/repository', '/root/.cache/go-build', '/go/pkg/mod', '/usr/local/share/.cache/yarn', '/home/node/.npm', '/var/cache/apk'],
    );
  });

  it('thresholds and evidence cap', () => {
    const files = fs({ '/var/cache/apk/a': file(600 * KB), '/root/.npm/b': file(400 * KB), '/root/.cache/yarn/c': file(100 * KB) });
    assert.ok(detectPackageCache(ctx({ files })));
    assert.equal(detectPackageCache(ctx({ files, thresholds: { packageCacheMinBytes: 1_100_001 } })), null);
    const f = detectPackageCache(ctx({ files, thresholds: { maxEvidence: 1 } }))!;
    assert.equal(f.evidence.length, 1);
    assert.match(f.message, /\/var\/cache\/apk \(600 kB\) and 2 more;/);
  });
});
