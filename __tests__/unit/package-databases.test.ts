// The package database parsers and the capture rules, with hostile input: huge fields, bad encodings,
// look-alike paths, "..".

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { parseApkInstalled } from '../../src/analysis/packages/apk-db.js';
import { listFileNames, parseDpkgList, parseDpkgStatus } from '../../src/analysis/packages/dpkg-db.js';
import { normalizePythonName, parseDistInfoDir, parseRecordPaths } from '../../src/analysis/packages/python-record.js';
import { captureLimit, compactCapture, decodeManifest, isNodeModulesManifest } from '../../src/image/captured-files.js';
import { readImageArchive } from '../../src/image/read-image.js';
import { chunked, makeImageArchive } from '../helpers/make-archive.js';

describe('dpkg status', () => {
  it('lists installed packages with version and architecture; skips removed, half-installed and broken stanzas', () => {
    const text = [
      'Package: libc6',
      'Status: install ok installed',
      'Architecture: amd64',
      'Multi-Arch: same',
      'Version: 2.36-9+deb12u4',
      'Description: GNU C Library',
      ' Version: 9.9 (a continuation line that looks like a field)',
      '',
      'Package: gone',
      'Status: deinstall ok config-files',
      'Version: 1.0',
      '',
      'Package: half',
      'Status: install reinstreq half-installed',
      '',
      'Status: install ok installed', // no Package field
      'Version: 3',
      '',
      'Package: Bad_Name',
      'Status: install ok installed',
      '',
      'package: golang-1.19-go',
      'STATUS: hold ok installed',
      'Version: 1.19.8-2',
      'Architecture: amd64',
    ].join('\r\n');
    assert.deepEqual(parseDpkgStatus(text), [
      { name: 'libc6', arch: 'amd64', version: '2.36-9+deb12u4' },
      { name: 'golang-1.19-go', arch: 'amd64', version: '1.19.8-2' },
    ]);
    assert.deepEqual(parseDpkgStatus(''), []);
  });

  it('survives a huge field and invalid UTF-8 (decoded with replacement characters)', () => {
    const huge = 'x'.repeat(5_000_000);
    const bytes = Buffer.concat([Buffer.from(`Package: big\nStatus: install ok installed\nVersion: ${huge}\nDescription: `), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('\n')]);
    const [pkg] = parseDpkgStatus(bytes.toString('utf8'));
    assert.equal(pkg!.name, 'big');
    assert.equal(pkg!.version.length, 1024, 'a field value is cut');
  });

  it('names .list files with the architecture for Multi-Arch packages, and reads only absolute paths from them', () => {
    assert.deepEqual(listFileNames({ name: 'libc6', arch: 'amd64', version: '1' }), ['libc6:amd64', 'libc6']);
    assert.deepEqual(listFileNames({ name: 'x', arch: '', version: '1' }), ['x']);
    assert.deepEqual(parseDpkgList('/.\n/usr\n/usr/bin/go\r\nrelative/path\n\n/usr/lib/go-1.19/../../etc/passwd\n'), [
      '/usr',
      '/usr/bin/go',
      '/usr/lib/go-1.19/../../etc/passwd',
    ]);
  });
});

describe('apk installed db', () => {
  it('reads name, version and F:/R: file paths per block; rejects R: names with slashes', () => {
    const db = [
      'C:Q1abc=',
      'P:musl',
      'V:1.2.4-r2',
      'I:638976',
      'F:lib',
      'R:ld-musl-x86_64.so.1',
      'R:libc.musl-x86_64.so.1',
      'R:../../etc/shadow',
      'F:usr/lib/',
      'R:libc.so',
      '',
      'P:busybox',
      'V:1.36.1-r5',
      'F:bin',
      'R:busybox',
      'F:',
      'R:rootfile',
      '',
      'V:9', // no name
      'F:x',
      'R:y',
      '',
    ].join('\n');
    assert.deepEqual(parseApkInstalled(db), [
      { name: 'musl', version: '1.2.4-r2', files: ['/lib/ld-musl-x86_64.so.1', '/lib/libc.musl-x86_64.so.1', '/usr/lib/libc.so'] },
      { name: 'busybox', version: '1.36.1-r5', files: ['/bin/busybox', '/rootfile'] },
    ]);
  });
});

describe('Python dist-info', () => {
  it('splits <name>-<version>.dist-info at the first dash and normalises names (PEP 503)', () => {
    assert.deepEqual(parseDistInfoDir('tiny_pkg-1.0.dist-info'), { name: 'tiny_pkg', version: '1.0' });
    assert.deepEqual(parseDistInfoDir('PyYAML-6.0.1.dist-info'), { name: 'PyYAML', version: '6.0.1' });
    assert.equal(parseDistInfoDir('noversion.dist-info'), null);
    assert.equal(parseDistInfoDir('-1.0.dist-info'), null);
    assert.equal(parseDistInfoDir('x-1.0.egg-info'), null);
    assert.equal(normalizePythonName('Foo__Bar.baz'), 'foo-bar-baz');
  });

  it('reads the path column of RECORD, quoted or not', () => {
    const record = [
      'tiny_pkg/__init__.py,sha256=abc,12',
      '"tiny_pkg/a,b.py",sha256=def,3',
      '"tiny_pkg/say ""hi"".txt",,',
      '../../../bin/tiny,sha256=x,99',
      'tiny_pkg-1.0.dist-info/RECORD,,',
      '"unterminated,sha256=x,1',
      '',
    ].join('\r\n');
    assert.deepEqual(parseRecordPaths(record), ['tiny_pkg/__init__.py', 'tiny_pkg/a,b.py', 'tiny_pkg/say "hi".txt', '../../../bin/tiny', 'tiny_pkg-1.0.dist-info/RECORD']);
  });
});

describe('which files the reader captures', () => {
  it('captures the databases and nothing that only looks like them', () => {
    const yes = [
      '/var/lib/dpkg/status',
      '/lib/apk/db/installed',
      '/var/lib/dpkg/info/libc6:amd64.list',
      '/usr/lib/python3/dist-packages/six-1.16.0.dist-info/RECORD',
      '/opt/venv/lib/python3.11/site-packages/tiny_pkg-1.0.dist-info/RECORD',
      '/app/node_modules/left-pad/package.json',
      '/app/node_modules/@scope/pkg/package.json',
      '/app/node_modules/a/node_modules/b/package.json',
    ];
    const no = [
      '/var/lib/dpkg/status-old',
      '/var/lib/dpkg/info/sub/x.list',
      '/var/lib/dpkg/info/.list',
      '/etc/apt/sources.list',
      '/srv/site-packages/x-1.dist-info/RECORD.bak',
      '/srv/lib/x-1.dist-info/RECORD', // not in site-packages
      '/srv/site-packages/.dist-info/RECORD',
      '/app/package.json',
      '/app/node_modules/package.json',
      '/app/node_modules/@scope/package.json',
      '/app/node_modules/.bin/package.json',
      '/app/node_modules/x/lib/package.json',
      '/app/node_modules/@/x/package.json',
    ];
    for (const p of yes) assert.ok(captureLimit(p) > 0, p);
    for (const p of no) assert.equal(captureLimit(p), 0, p);
    assert.equal(isNodeModulesManifest('/node_modules/a/package.json'), true);
  });

  it('keeps a package.json as its name and version only, and nothing for one that is not a package', () => {
    const big = Buffer.from(JSON.stringify({ name: 'left-pad', version: '1.3.0', readme: 'x'.repeat(100_000), dependencies: { a: '1' } }));
    const kept = compactCapture('/app/node_modules/left-pad/package.json', big)!;
    assert.ok(kept.length < 20, `${kept.length} bytes kept`);
    assert.deepEqual(decodeManifest(kept), { name: 'left-pad', version: '1.3.0' });
    const p = '/a/node_modules/x/package.json';
    assert.equal(compactCapture(p, Buffer.from('{not json')), null);
    assert.equal(compactCapture(p, Buffer.from('[1,2]')), null);
    assert.equal(compactCapture(p, Buffer.from('{"name": 7}')), null);
    assert.equal(compactCapture(p, Buffer.from(JSON.stringify({ name: 'n'.repeat(300), version: '1' }))), null);
    assert.equal(compactCapture(p, Buffer.from(JSON.stringify({ name: 'a\nb', version: '1' }))), null);
    assert.deepEqual(decodeManifest(compactCapture(p, Buffer.from(JSON.stringify({ name: 'x', version: { v: 1 } })))!), { name: 'x', version: '' });
    assert.deepEqual(decodeManifest(compactCapture(p, Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('{"name":"bom","version":"1"}')]))!), {
      name: 'bom',
      version: '1',
    }, 'a UTF-8 byte-order mark is tolerated');
    const db = Buffer.from('Package: x\n');
    assert.equal(compactCapture('/var/lib/dpkg/status', db), db);
  });

  it('keeps the final copy from the layers: a later invalid package.json or a deletion forgets it, an oversized .list is not read', async () => {
    const big = Buffer.alloc(8 * 1024 * 1024 + 1, 0x61);
    const made = await makeImageArchive({
      format: 'oci',
      layers: [
        {
          entries: [
            { path: 'app/node_modules/a/package.json', content: '{"name":"a","version":"1.0.0"}' },
            { path: 'app/node_modules/b/package.json', content: '{"name":"b","version":"1.0.0"}' },
            { path: 'app/node_modules/c/package.json', content: '{"name":"c","version":"1.0.0"}' },
            { path: 'var/lib/dpkg/info/huge.list', content: big },
            { path: 'var/lib/dpkg/info/small.list', content: '/usr/bin/small\n' },
          ],
        },
        {
          entries: [
            { path: 'app/node_modules/a/package.json', content: '{"name":"a","version":"2.0.0"}' },
            { path: 'app/node_modules/b/package.json', content: 'garbage' },
            { path: 'app/node_modules/c/.wh.package.json' },
          ],
        },
      ],
    });
    const model = await readImageArchive(chunked(made.archive, 4096));
    assert.deepEqual(decodeManifest(model.capturedFiles.get('/app/node_modules/a/package.json')!), { name: 'a', version: '2.0.0' });
    assert.equal(model.capturedFiles.has('/app/node_modules/b/package.json'), false);
    assert.equal(model.capturedFiles.has('/app/node_modules/c/package.json'), false);
    assert.equal(model.capturedFiles.has('/var/lib/dpkg/info/huge.list'), false);
    assert.equal(model.capturedFiles.get('/var/lib/dpkg/info/small.list')?.toString(), '/usr/bin/small\n');
    assert.equal(model.files.get('/var/lib/dpkg/info/huge.list')?.size, big.length, 'an uncaptured file is still in the filesystem');
  });
});
