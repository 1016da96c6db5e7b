// Packages with the bytes of their files in the final filesystem, and the base → head package diff.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { diffPackages } from '../../src/analysis/packages/diff-packages.js';
import { ImagePaths, normalizePath } from '../../src/analysis/packages/image-paths.js';
import { bytecodeSource, listPackages, npmPackageDir } from '../../src/analysis/packages/installed-packages.js';
import { compactCapture } from '../../src/image/captured-files.js';
import type { PackageReport } from '../../src/model/report.js';
import { file, fs, hardlink, link, type Spec } from '../helpers/finding-fixtures.js';
import { imageModel } from '../helpers/model-builder.js';

function image(spec: Record<string, Spec>, captured: Record<string, string>) {
  const model = imageModel({ files: fs(spec) });
  for (const [path, text] of Object.entries(captured)) model.capturedFiles.set(path, compactCapture(path, Buffer.from(text))!);
  return model;
}

const stanza = (name: string, version: string, arch = 'amd64', status = 'install ok installed'): string =>
  `Package: ${name}\nStatus: ${status}\nArchitecture: ${arch}\nVersion: ${version}\nInstalled-Size: 99999\n`;

const rows = (pk: PackageReport[]): [string, string, string, number][] => pk.map((p) => [p.manager, p.name, p.version, p.size]);

describe('dpkg packages', () => {
  it('charges each listed file that is in the final filesystem, through merged-/usr links, once, plus its own info files', () => {
    const model = image(
      {
        '/bin': link('usr/bin'),
        '/lib': link('usr/lib'),
        '/usr/bin/bash': file(1_000_000),
        '/usr/bin/rbash': hardlink('/usr/bin/bash'), // a hardlink's content counts once
        '/usr/lib/libc.so.6': file(2_000_000),
        '/usr/share/doc/bash/copyright': file(10_000),
        '/etc/bash.bashrc': file(2_000),
        '/var/lib/dpkg/status': file(300),
        '/var/lib/dpkg/info/bash.list': file(100),
        '/var/lib/dpkg/info/bash.md5sums': file(50),
        '/var/lib/dpkg/info/libc6:amd64.list': file(40),
        '/var/lib/dpkg/info/libc6:amd64.postinst': file(7),
        '/var/lib/dpkg/info/gone.list': file(5),
      },
      {
        '/var/lib/dpkg/status': [stanza('bash', '5.2.15-2'), stanza('libc6', '2.36-9'), stanza('gone', '1', 'all', 'deinstall ok config-files')].join('\n'),
        // /bin/bash is /usr/bin/bash behind the /bin link; the doc file was deleted (path-exclude); dirs are not charged
        '/var/lib/dpkg/info/bash.list': '/.\n/bin\n/bin/bash\n/bin/rbash\n/etc/bash.bashrc\n/usr/share/doc/bash/missing\n/usr/share/doc/bash/copyright\n',
        // libc6 lists bash too (a conflict dpkg would refuse): the file counts for the first package only
        '/var/lib/dpkg/info/libc6:amd64.list': '/lib/libc.so.6\n/usr/bin/bash\n/lib/../../../etc/bash.bashrc\n',
      },
    );
    const pk = listPackages(model);
    assert.deepEqual(rows(pk.packages), [
      ['dpkg', 'libc6', '2.36-9', 2_000_000 + 40 + 7],
      ['dpkg', 'bash', '5.2.15-2', 1_000_000 + 2_000 + 10_000 + 100 + 50],
    ]);
    assert.equal(pk.owners.get('/usr/bin/bash')?.name, 'bash');
    assert.equal(pk.owners.has('/bin/bash'), false, 'owners are keyed by the final path');
  });

  it('keeps two architectures of one package apart, and has no packages without a status file', () => {
    const model = image(
      { '/var/lib/dpkg/status': file(1), '/usr/lib/x86_64-linux-gnu/libz.so': file(100), '/usr/lib/i386-linux-gnu/libz.so': file(90) },
      {
        '/var/lib/dpkg/status': [stanza('zlib1g', '1.2', 'amd64'), stanza('zlib1g', '1.2', 'i386')].join('\n'),
        '/var/lib/dpkg/info/zlib1g:amd64.list': '/usr/lib/x86_64-linux-gnu/libz.so\n',
        '/var/lib/dpkg/info/zlib1g:i386.list': '/usr/lib/i386-linux-gnu/libz.so\n',
      },
    );
    assert.deepEqual(rows(listPackages(model).packages), [
      ['dpkg', 'zlib1g:amd64', '1.2', 100],
      ['dpkg', 'zlib1g:i386', '1.2', 90],
    ]);
    // a status file deleted in a later layer: captured content without a file is not the final state
    const deleted = image({ '/usr/lib/x86_64-linux-gnu/libz.so': file(100) }, { '/var/lib/dpkg/status': stanza('zlib1g', '1.2') });
    assert.deepEqual(listPackages(deleted).packages, []);
  });
});

describe('bytecode compiled at install time', () => {
  it('belongs to the package that owns the source next to it', () => {
    const lib = '/usr/lib/python3.11';
    const model = image(
      {
        '/var/lib/dpkg/status': file(1),
        [`${lib}/json/__init__.py`]: file(100),
        [`${lib}/json/__pycache__/__init__.cpython-311.pyc`]: file(3000),
        [`${lib}/json/__pycache__/__init__.cpython-311.opt-1.pyc`]: file(2900),
        [`${lib}/json/__pycache__/orphan.cpython-311.pyc`]: file(500), // no source: nobody's
        '/srv/__pycache__/x.cpython-311.pyc': file(10),
      },
      { '/var/lib/dpkg/status': stanza('libpython3.11-stdlib', '3.11.2-6'), '/var/lib/dpkg/info/libpython3.11-stdlib:amd64.list': `${lib}/json/__init__.py\n` },
    );
    assert.deepEqual(rows(listPackages(model).packages), [['dpkg', 'libpython3.11-stdlib', '3.11.2-6', 6000]]);
    assert.equal(bytecodeSource('/a/__pycache__/m.cpython-311.opt-2.pyc'), '/a/m.py');
    assert.equal(bytecodeSource('/a/__pycache__/.pyc'), null);
    assert.equal(bytecodeSource('/a/m.pyc'), null);
  });
});

describe('apk packages', () => {
  it('charges the F:/R: files present in the final filesystem', () => {
    const model = image(
      { '/lib/apk/db/installed': file(1), '/lib/ld-musl-x86_64.so.1': file(600_000), '/bin/busybox': file(900_000), '/bin/sh': link('/bin/busybox') },
      { '/lib/apk/db/installed': 'P:musl\nV:1.2.4-r2\nF:lib\nR:ld-musl-x86_64.so.1\nR:gone.so\n\nP:busybox\nV:1.36.1-r5\nF:bin\nR:busybox\nR:sh\n' },
    );
    assert.deepEqual(rows(listPackages(model).packages), [
      ['apk', 'busybox', '1.36.1-r5', 900_000],
      ['apk', 'musl', '1.2.4-r2', 600_000],
    ]);
  });
});

describe('pip distributions', () => {
  const site = '/opt/venv/lib/python3.11/site-packages';
  it('charges RECORD paths relative to site-packages (scripts in ../../../bin); ".." above the root is ignored', () => {
    const model = image(
      {
        [`${site}/tiny_pkg/__init__.py`]: file(100),
        [`${site}/tiny_pkg/data.bin`]: file(300_000),
        [`${site}/tiny_pkg/__pycache__/__init__.cpython-311.pyc`]: file(150),
        [`${site}/tiny_pkg-1.0.dist-info/RECORD`]: file(400),
        [`${site}/tiny_pkg-1.0.dist-info/METADATA`]: file(60),
        '/opt/venv/bin/tiny': file(220),
        '/etc/shadow': file(1000),
      },
      {
        [`${site}/tiny_pkg-1.0.dist-info/RECORD`]: [
          'tiny_pkg/__init__.py,sha256=a,100',
          'tiny_pkg/data.bin,sha256=b,300000',
          'tiny_pkg/__pycache__/__init__.cpython-311.pyc,,',
          'tiny_pkg-1.0.dist-info/METADATA,sha256=c,60',
          'tiny_pkg-1.0.dist-info/RECORD,,',
          '../../../bin/tiny,sha256=d,220',
          '../../../../../../../../../../etc/shadow,,', // climbs above / : not a path in the image
          '/etc/shadow,,', // absolute paths are allowed by the format, and this one exists
        ].join('\n'),
      },
    );
    const [pkg] = listPackages(model).packages;
    assert.deepEqual([pkg!.manager, pkg!.name, pkg!.version], ['pip', 'tiny_pkg', '1.0']);
    assert.equal(pkg!.size, 100 + 300_000 + 150 + 60 + 400 + 220 + 1000);
  });

  it('leaves a dist-info the system package manager owns to it (Debian python3-*), and sums copies in several venvs', () => {
    const dist = '/usr/lib/python3/dist-packages';
    const model = image(
      {
        '/var/lib/dpkg/status': file(1),
        [`${dist}/six.py`]: file(30_000),
        [`${dist}/six-1.16.0.dist-info/RECORD`]: file(200),
        [`${site}/six.py`]: file(30_000),
        [`${site}/six-1.16.0.dist-info/RECORD`]: file(200),
        [`/srv/venv2/lib/python3.11/site-packages/Six-1.17.0.dist-info/RECORD`]: file(100),
        [`/srv/venv2/lib/python3.11/site-packages/six.py`]: file(31_000),
      },
      {
        '/var/lib/dpkg/status': stanza('python3-six', '1.16.0-4', 'all'),
        '/var/lib/dpkg/info/python3-six.list': `${dist}/six.py\n${dist}/six-1.16.0.dist-info/RECORD\n`,
        [`${dist}/six-1.16.0.dist-info/RECORD`]: 'six.py,,\nsix-1.16.0.dist-info/RECORD,,\n',
        [`${site}/six-1.16.0.dist-info/RECORD`]: 'six.py,,\nsix-1.16.0.dist-info/RECORD,,\n',
        ['/srv/venv2/lib/python3.11/site-packages/Six-1.17.0.dist-info/RECORD']: 'six.py,,\nSix-1.17.0.dist-info/RECORD,,\n',
      },
    );
    assert.deepEqual(rows(listPackages(model).packages), [
      ['pip', 'six', '1.16.0, 1.17.0', 30_200 + 31_100],
      ['dpkg', 'python3-six', '1.16.0-4', 30_200],
    ]);
  });
});

describe('npm packages', () => {
  it('charges every file under a package directory except nested node_modules; scoped names; symlinks cost nothing', () => {
    const nm = '/app/node_modules';
    const model = image(
      {
        [`${nm}/a/package.json`]: file(50),
        [`${nm}/a/index.js`]: file(1000),
        [`${nm}/a/lib/deep/x.js`]: file(2000),
        [`${nm}/a/node_modules/b/package.json`]: file(40),
        [`${nm}/a/node_modules/b/big.bin`]: file(500_000),
        [`${nm}/@s/c/package.json`]: file(30),
        [`${nm}/@s/c/c.js`]: file(700),
        [`${nm}/.bin/a`]: link('../a/index.js'),
        [`${nm}/.package-lock.json`]: file(900),
        [`${nm}/linked`]: link('/srv/linked-src'),
        [`${nm}/junk/readme.md`]: file(5), // no package.json: not a package
      },
      {
        [`${nm}/a/package.json`]: '{"name":"a","version":"1.0.0"}',
        [`${nm}/a/node_modules/b/package.json`]: '{"name":"b","version":"2.0.0"}',
        [`${nm}/@s/c/package.json`]: '{"name":"@s/c","version":"0.1.0"}',
      },
    );
    assert.deepEqual(rows(listPackages(model).packages), [
      ['npm', 'b', '2.0.0', 500_040],
      ['npm', 'a', '1.0.0', 3050],
      ['npm', '@s/c', '0.1.0', 730],
    ]);
    assert.equal(npmPackageDir('/x/node_modules/@s/c/lib/y.js'), '/x/node_modules/@s/c');
    assert.equal(npmPackageDir('/x/node_modules/.package-lock.json'), null);
    assert.equal(npmPackageDir('/x/node_modules/@s'), null);
    assert.equal(npmPackageDir('/x/src/y.js'), null);
  });
});

describe('image paths', () => {
  it('normalises lexically and refuses to climb above the root', () => {
    assert.equal(normalizePath('/a/./b/../c//d'), '/a/c/d');
    assert.equal(normalizePath('/a/../../b'), null);
    assert.equal(normalizePath('/'), '/');
  });

  it('resolves parent directories through links (relative, absolute, chained) and gives up on loops', () => {
    const paths = new ImagePaths(
      fs({
        '/lib': link('usr/lib'),
        '/usr/lib/x': file(1),
        '/alias': link('/lib'),
        '/loop1': link('loop2'),
        '/loop2': link('loop1'),
        '/up': link('../../../usr'),
        '/usr/file-not-dir': file(1),
      }),
    );
    assert.equal(paths.lookup('/lib/x')?.path, '/usr/lib/x');
    assert.equal(paths.lookup('/alias/x')?.path, '/usr/lib/x');
    assert.equal(paths.lookup('/up/lib/x')?.path, '/usr/lib/x', '".." at the root stays at the root');
    assert.equal(paths.lookup('/loop1/x'), null);
    assert.equal(paths.lookup('/usr/file-not-dir/x'), null);
    assert.equal(paths.lookup('/lib')?.entry.type, 'symlink', 'the last component is not followed');
  });
});

describe('diffPackages', () => {
  const p = (manager: PackageReport['manager'], name: string, version: string, size: number): PackageReport => ({ manager, name, version, size });
  it('reports added, removed and version changes, biggest change first (ties by manager, name); same version is no change', () => {
    const base = [p('dpkg', 'golang-1.19-go', '1.19.8-2', 342_000_000), p('dpkg', 'libc6', '2.36-9', 13_000_000), p('pip', 'Tiny_Pkg', '1.0', 300_000), p('npm', 'a', '1.0.0', 10)];
    const head = [p('dpkg', 'libc6', '2.36-9', 13_000_100), p('pip', 'tiny-pkg', '2.0', 900_000), p('npm', 'a', '1.0.0', 10), p('apk', 'musl', '1.2', 600_000)];
    assert.deepEqual(diffPackages(base, head), [
      { manager: 'dpkg', name: 'golang-1.19-go', status: 'removed', baseVersion: '1.19.8-2', headVersion: null, sizeDelta: -342_000_000 },
      { manager: 'apk', name: 'musl', status: 'added', baseVersion: null, headVersion: '1.2', sizeDelta: 600_000 },
      { manager: 'pip', name: 'tiny-pkg', status: 'upgraded', baseVersion: '1.0', headVersion: '2.0', sizeDelta: 600_000 },
    ]);
    assert.deepEqual(diffPackages([], []), []);
  });
});
