import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { detectBuildTools, scanTooling } from '../../src/analysis/findings/build-tools.js';
import { detectMissingMultiStage } from '../../src/analysis/findings/missing-multi-stage.js';
import { parseApkInstalled, parseDpkgStatus } from '../../src/analysis/findings/packages.js';
import { apkInstalled, ctx, distrolessFiles, dpkgStatus, exe, file, fs, KB, link, MB, type CtxOptions } from '../helpers/finding-fixtures.js';

const SINGLE = { path: 'Dockerfile', singleStage: true, fromLine: 1 };
const MULTI = { path: 'build/Dockerfile', singleStage: false, fromLine: 9 };
const LINES = [1, 3, 5];

/** Debian's golang-1.19: the toolchain under /usr/lib/go-1.19, its sources under /usr/share/go-1.19. */
const goFiles = () =>
  fs({
    '/usr/lib/go-1.19/bin/go': exe(15 * MB, 1),
    '/usr/lib/go-1.19/bin/gofmt': exe(3 * MB, 1),
    '/usr/lib/go-1.19/pkg/tool/linux_amd64/compile': exe(20 * MB, 1),
    '/usr/lib/go-1.19/pkg/tool/linux_amd64/link': exe(7 * MB, 1),
    '/usr/lib/go-1.19/src': link('../../share/go-1.19/src', 1),
    '/usr/share/go-1.19/src/fmt/print.go': file(100 * MB, 1),
    '/usr/bin/go': link('../lib/go-1.19/bin/go', 1),
    '/app/server': exe(8 * MB, 2),
  });

/** gcc from apt: /usr/lib/gcc (cc1, collect2), the driver and binutils in /usr/bin. */
const gccFiles = () =>
  fs({
    '/usr/lib/gcc/x86_64-linux-gnu/12/cc1': exe(30 * MB, 1),
    '/usr/lib/gcc/x86_64-linux-gnu/12/cc1plus': exe(32 * MB, 1),
    '/usr/lib/gcc/x86_64-linux-gnu/12/collect2': exe(300 * KB, 1),
    '/usr/bin/x86_64-linux-gnu-gcc-12': exe(1 * MB, 1),
    '/usr/bin/gcc': link('gcc-12', 1),
    '/usr/bin/gcc-12': link('x86_64-linux-gnu-gcc-12', 1),
    '/usr/bin/x86_64-linux-gnu-ld.bfd': exe(1_800 * KB, 1),
    '/usr/bin/x86_64-linux-gnu-as': exe(700 * KB, 1),
    '/usr/include/stdio.h': file(30 * KB, 1),
    '/app/server': exe(8 * MB, 2),
  });

const both = (opts: CtxOptions) => [detectMissingMultiStage(ctx(opts)), detectBuildTools(ctx(opts))];

describe('missing-multi-stage', () => {
  it('single stage with /usr/lib/go-1.19: on the FROM line, not build-tools', () => {
    const [mms, bt] = both({ files: goFiles(), dockerfile: SINGLE, layerLines: LINES });
    assert.equal(bt, null);
    assert.ok(mms);
    assert.equal(mms.id, 'missing-multi-stage');
    assert.deepEqual(mms.dockerfile, { path: 'Dockerfile', line: 1 });
    assert.equal(mms.bytes, 145 * MB);
    assert.deepEqual(mms.evidence, [
      { path: '/usr/share/go-1.19', size: 100 * MB, layer: 1, instruction: 'RUN apt-get update && apt-get install -y gcc' },
      { path: '/usr/lib/go-1.19', size: 45 * MB, layer: 1, instruction: 'RUN apt-get update && apt-get install -y gcc' },
    ]);
    assert.match(mms.message, /saves at least 145 MB\.$/);
    assert.match(mms.message, /\/usr\/share\/go-1\.19 and \/usr\/lib\/go-1\.19/);
  });

  it('does not fire without tooling, without a Dockerfile, or for a multi-stage one', () => {
    assert.equal(detectMissingMultiStage(ctx({ files: distrolessFiles(), dockerfile: SINGLE })), null);
    assert.equal(detectMissingMultiStage(ctx({ files: goFiles(), dockerfile: null })), null);
    assert.equal(detectMissingMultiStage(ctx({ files: goFiles(), dockerfile: MULTI })), null);
  });

  it('respects the threshold', () => {
    const opts: CtxOptions = { files: goFiles(), dockerfile: SINGLE };
    assert.ok(detectMissingMultiStage(ctx({ ...opts, thresholds: { buildToolsMinBytes: 145 * MB } })));
    assert.equal(detectMissingMultiStage(ctx({ ...opts, thresholds: { buildToolsMinBytes: 145 * MB + 1 } })), null);
  });
});

describe('build-tools', () => {
  it('multi-stage with gcc: build-tools, not missing-multi-stage', () => {
    const [mms, bt] = both({ files: gccFiles(), dockerfile: MULTI, layerLines: LINES });
    assert.equal(mms, null);
    assert.ok(bt);
    assert.deepEqual(
      bt.evidence.map((e) => [e.path, e.size]),
      [
        ['/usr/lib/gcc', 63_300 * KB],
        ['/usr/bin/x86_64-linux-gnu-ld.bfd', 1_800 * KB],
        ['/usr/bin/x86_64-linux-gnu-as', 700 * KB],
        ['/usr/include', 30 * KB],
      ],
      'the gcc driver joins /usr/lib/gcc; binutils stand alone',
    );
    assert.equal(bt.bytes, 63_300 * KB + 1_800 * KB + 700 * KB + 30 * KB);
    assert.deepEqual(bt.dockerfile, { path: 'build/Dockerfile', line: 3 });
    assert.match(bt.message, /^The final image carries 65\.8 MB of build tooling \(\/usr\/lib\/gcc, /);
  });

  it('no Dockerfile: fires, without a location', () => {
    const bt = detectBuildTools(ctx({ files: gccFiles() }))!;
    assert.equal(bt.dockerfile, null);
    assert.match(bt.message, /build in a separate stage/);
  });

  it('distroless-style and scratch images: nothing', () => {
    assert.equal(detectBuildTools(ctx({ files: distrolessFiles() })), null);
    assert.equal(detectBuildTools(ctx({ files: fs({ '/server': exe(20 * MB) }) })), null);
  });

  it('a stray empty /usr/include or a few headers: below the threshold', () => {
    assert.equal(detectBuildTools(ctx({ files: fs({ '/usr/include': 'dir', '/app/server': exe(MB) }) })), null);
    assert.equal(detectBuildTools(ctx({ files: fs({ '/usr/include/zlib.h': file(90 * KB) }) })), null);
  });

  it('a program named go without a toolchain next to it is not Go', () => {
    assert.equal(detectBuildTools(ctx({ files: fs({ '/app/bin/go': exe(30 * MB) }) })), null);
    assert.equal(detectBuildTools(ctx({ files: fs({ '/usr/local/go/bin/go': exe(15 * MB), '/usr/local/go/pkg/tool/x/compile': exe(20 * MB) }) }))!.bytes, 35 * MB);
  });

  it('dpkg -dev packages are evidence; removed ones and non-dev ones are not', () => {
    const status = dpkgStatus([
      ['libc6', 13_000],
      ['libc6-dev', 12_000],
      ['linux-libc-dev', 7_000],
      ['libssl-dev', 9_000, 'deinstall ok config-files'],
      ['udev', 9_000],
    ]);
    const files = fs({ '/var/lib/dpkg/status': file(status.length, 1), '/usr/include/stdio.h': file(2 * MB, 1) });
    const bt = detectBuildTools(ctx({ files, captured: { '/var/lib/dpkg/status': status }, layerLines: LINES, dockerfile: MULTI }))!;
    assert.deepEqual(
      bt.evidence.map((e) => [e.path, e.size, e.layer]),
      [
        ['dpkg:libc6-dev', 12_000 * 1024, 1],
        ['dpkg:linux-libc-dev', 7_000 * 1024, 1],
        ['/usr/include', 2 * MB, 1],
      ],
    );
    // the packages' headers in /usr/include are not counted twice
    assert.equal(bt.bytes, 19_000 * 1024);
  });

  it('a dpkg status deleted from the final filesystem is ignored', () => {
    const status = dpkgStatus([['libc6-dev', 12_000]]);
    assert.equal(detectBuildTools(ctx({ captured: { '/var/lib/dpkg/status': status } })), null);
  });

  it('apk db with musl-dev', () => {
    const db = apkInstalled([
      ['musl', 600_000],
      ['musl-dev', 1_300_000],
      ['busybox', 900_000],
    ]);
    const files = fs({ '/lib/apk/db/installed': file(db.length, 1), '/usr/include/stdio.h': file(20 * KB, 1) });
    const bt = detectBuildTools(ctx({ files, captured: { '/lib/apk/db/installed': db } }))!;
    assert.deepEqual(
      bt.evidence.map((e) => [e.path, e.size]),
      [
        ['apk:musl-dev', 1_300_000],
        ['/usr/include', 20 * KB],
      ],
    );
    assert.equal(bt.bytes, 1_300_000);
  });

  it('JDK: counts what a JRE lacks, not the runtime', () => {
    const jdk = '/usr/lib/jvm/java-17-openjdk-amd64';
    const files = fs({
      [`${jdk}/bin/java`]: exe(20 * KB),
      [`${jdk}/bin/javac`]: exe(20 * KB),
      [`${jdk}/bin/jar`]: exe(20 * KB),
      [`${jdk}/lib/modules`]: file(130 * MB),
      [`${jdk}/jmods/java.base.jmod`]: file(20 * MB),
      [`${jdk}/lib/src.zip`]: file(50 * MB),
      '/usr/bin/javac': link(`${jdk}/bin/javac`),
    });
    const scan = scanTooling(ctx({ files }));
    assert.deepEqual(scan.entries.map((e) => [e.path, e.bytes, e.tool]), [[jdk, 70 * MB + 40 * KB, 'jdk']]);
  });

  it('dotnet SDK, clang, rustup', () => {
    const files = fs({
      '/usr/share/dotnet/dotnet': exe(100 * KB),
      '/usr/share/dotnet/shared/Microsoft.NETCore.App/8.0.0/x.dll': file(70 * MB),
      '/usr/share/dotnet/sdk/8.0.100/sdk.dll': file(150 * MB),
      '/usr/share/dotnet/packs/x/y.dll': file(30 * MB),
      '/usr/lib/llvm-15/bin/clang': exe(100 * KB),
      '/usr/lib/llvm-15/lib/libclang-cpp.so.15': file(60 * MB),
      '/usr/bin/clang-15': link('../lib/llvm-15/bin/clang'),
      '/root/.rustup/toolchains/stable/lib/librustc_driver.so': file(140 * MB),
      '/root/.cargo/bin/cargo': exe(10 * MB),
    });
    const scan = scanTooling(ctx({ files }));
    assert.deepEqual(
      scan.entries.map((e) => [e.path, e.bytes]),
      [
        ['/usr/share/dotnet', 180 * MB],
        ['/root/.rustup', 140 * MB],
        ['/usr/lib/llvm-15', 60_100 * KB],
        ['/root/.cargo/bin', 10 * MB],
      ],
    );
  });

  it('evidence is capped with "and N more"', () => {
    const spec: Parameters<typeof fs>[0] = {};
    for (let i = 0; i < 12; i++) spec[`/opt/t${i}/bin/x86_64-linux-gnu-ld`] = exe((i + 1) * MB);
    const bt = detectBuildTools(ctx({ files: fs(spec), thresholds: { maxEvidence: 3 } }))!;
    assert.equal(bt.evidence.length, 3);
    assert.match(bt.message, /\/opt\/t9\/bin\/x86_64-linux-gnu-ld and 9 more\)/);
  });
});

describe('package databases', () => {
  it('dpkg: multi-line fields, CRLF-free stanzas, Installed-Size in KiB', () => {
    assert.deepEqual(parseDpkgStatus(dpkgStatus([['a-dev', 10], ['b', 2, 'purge ok not-installed'], ['c', 3, 'hold ok installed']])), [
      { manager: 'dpkg', name: 'a-dev', bytes: 10_240 },
      { manager: 'dpkg', name: 'c', bytes: 3_072 },
    ]);
  });
  it('apk: P and I lines', () => {
    assert.deepEqual(parseApkInstalled(apkInstalled([['zlib-dev', 123]])), [{ manager: 'apk', name: 'zlib-dev', bytes: 123 }]);
  });
});
