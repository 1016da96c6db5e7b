import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { diffFiles, type FileChange } from '../../src/analysis/file-diff.js';
import type { FileEntry } from '../../src/image/types.js';
import { files, type FileSpec } from '../helpers/model-builder.js';

const change = (path: string, kind: FileChange['kind'], status: FileChange['status'], baseSize: number | null, headSize: number | null): FileChange => ({
  path,
  kind,
  status,
  baseSize,
  headSize,
  delta: (headSize ?? 0) - (baseSize ?? 0),
});

describe('diffFiles', () => {
  it('returns nothing for equal filesystems', () => {
    const spec: Record<string, FileSpec> = { '/bin/sh': { type: 'symlink', linkTarget: 'busybox' }, '/bin/busybox': 900, '/tmp': 'dir' };
    assert.deepEqual(diffFiles(files(spec), files(spec)), []);
    assert.deepEqual(diffFiles(new Map(), new Map()), []);
  });

  it('rolls an added directory of many files up into one row', () => {
    const base: Record<string, FileSpec> = { '/usr/lib/libc.so': 2000, '/etc/os-release': 10 };
    const head: Record<string, FileSpec> = { ...base, '/etc/os-release': 12 };
    for (let i = 0; i < 9000; i++) head[`/usr/lib/go-1.19/src/pkg${i % 90}/f${i}.go`] = 10;
    head['/usr/lib/go-1.19/bin/go'] = 5000;
    assert.deepEqual(diffFiles(files(base), files(head)), [
      change('/usr/lib/go-1.19', 'dir', 'added', null, 95_000),
      change('/etc/os-release', 'file', 'changed', 10, 12),
    ]);
  });

  it('shows a directory whose changes are all in one child as that child (chain collapse)', () => {
    // wholly added: /app holds only /app/server
    assert.deepEqual(diffFiles(files({ '/bin/sh': 1 }), files({ '/bin/sh': 1, '/app/server': 500 })), [change('/app/server', 'file', 'added', null, 500)]);
    // on both sides, down through /srv/www to the one changed directory, which stays one row: it is wholly added
    const base = files({ '/srv/www/static/logo.png': 10, '/srv/www/index.html': 3 });
    const head = files({ '/srv/www/static/logo.png': 10, '/srv/www/index.html': 3, '/srv/www/assets/a.js': 40, '/srv/www/assets/b.js': 60 });
    assert.deepEqual(diffFiles(base, head), [change('/srv/www/assets', 'dir', 'added', null, 100)]);
  });

  it('reports a changed file in an existing directory as that file', () => {
    const base = files({ '/usr/lib/a': 10, '/usr/lib/b': 20, '/usr/lib/c': 30 });
    const head = files({ '/usr/lib/a': 10, '/usr/lib/b': 25, '/usr/lib/c': 30 });
    assert.deepEqual(diffFiles(base, head), [change('/usr/lib/b', 'file', 'changed', 20, 25)]);
  });

  it('reports removed files, and a removed directory as one row', () => {
    const base = files({ '/var/cache/apt/a.deb': 1000, '/var/cache/apt/b.deb': 2000, '/var/lib/dpkg/status': 7 });
    const emptied = files({ '/var/cache/apt': 'dir', '/var/lib/dpkg/status': 7 });
    assert.deepEqual(diffFiles(base, emptied), [
      change('/var/cache/apt/b.deb', 'file', 'removed', 2000, null),
      change('/var/cache/apt/a.deb', 'file', 'removed', 1000, null),
    ]);
    const gone = files({ '/var/cache': 'dir', '/var/lib/dpkg/status': 7 });
    assert.deepEqual(diffFiles(base, gone), [change('/var/cache/apt', 'dir', 'removed', 3000, null)]);
  });

  it('counts a type change as a change; zero-delta rows are left out when bytes changed', () => {
    const base = files({ '/bin/sh': 1000, '/bin/busybox': 500, '/bin/ls': { type: 'symlink', linkTarget: 'busybox' }, '/bin/cat': { type: 'symlink', linkTarget: 'busybox' } });
    const head = files({ '/bin/sh': { type: 'symlink', linkTarget: 'busybox' }, '/bin/busybox': 900, '/bin/ls': { type: 'symlink', linkTarget: 'toybox' }, '/bin/cat': { type: 'symlink', linkTarget: 'busybox' } });
    assert.deepEqual(diffFiles(base, head), [
      change('/bin/sh', 'file', 'changed', 1000, 0),
      change('/bin/busybox', 'file', 'changed', 500, 900),
    ]);
  });

  it('shows zero-delta changes (a retargeted link, an empty directory) when nothing else changed', () => {
    const base = files({ '/bin/ls': { type: 'symlink', linkTarget: 'busybox' }, '/bin/cat': { type: 'symlink', linkTarget: 'busybox' } });
    const head = files({ '/bin/ls': { type: 'symlink', linkTarget: 'toybox' }, '/bin/cat': { type: 'symlink', linkTarget: 'busybox' }, '/data': 'dir' });
    assert.deepEqual(diffFiles(base, head), [change('/bin/ls', 'file', 'changed', 0, 0), change('/data', 'dir', 'added', null, 0)]);
  });

  it('opens up a wholly removed top-level directory but keeps a deeper one whole', () => {
    const base = files({ '/usr/lib/go-1.19/src/a.go': 300, '/usr/lib/go-1.19/bin/go': 100, '/usr/share/doc/x': 50, '/app': 1 });
    const head = files({ '/app': 1 });
    assert.deepEqual(diffFiles(base, head), [change('/usr/lib/go-1.19', 'dir', 'removed', 400, null), change('/usr/share/doc/x', 'file', 'removed', 50, null)]);
  });

  it('keeps the top N rows by absolute delta, ties by path', () => {
    const head: Record<string, FileSpec> = {};
    for (let i = 1; i <= 30; i++) head[`/f${String(i).padStart(2, '0')}`] = i;
    head['/g30'] = 30;
    const all = diffFiles(new Map(), files(head));
    assert.equal(all.length, 20); // the default
    assert.deepEqual(all.slice(0, 3).map((c) => c.path), ['/f30', '/g30', '/f29']);
    assert.deepEqual(diffFiles(new Map(), files(head), { top: 3 }).map((c) => [c.path, c.delta]), [['/f30', 30], ['/g30', 30], ['/f29', 29]]);
    assert.deepEqual(diffFiles(new Map(), files(head), { top: 0 }), []);
  });

  it('opens the largest directory when the children shown hold more bytes than the rows they push out', () => {
    const base = files({ '/srv/a': 10, '/srv/b': 20, '/srv/keep': 100, '/opt/x': 5 });
    const head = files({ '/srv/a': 15, '/srv/b': 30, '/srv/c': 1, '/srv/keep': 100, '/opt/x': 7 });
    // in 2 rows: /srv/b and /srv/a (15 bytes) beat /srv/c and /opt/x (3 bytes) that leave the table
    assert.deepEqual(diffFiles(base, head, { top: 2 }), [change('/srv/b', 'file', 'changed', 20, 30), change('/srv/a', 'file', 'changed', 10, 15)]);
    assert.deepEqual(diffFiles(base, head), [
      change('/srv/b', 'file', 'changed', 20, 30),
      change('/srv/a', 'file', 'changed', 10, 15),
      change('/opt/x', 'file', 'changed', 5, 7),
      change('/srv/c', 'file', 'added', null, 1),
    ]);
  });

  it('keeps a directory of many similar changes whole when opening it would show a sliver', () => {
    const base: Record<string, FileSpec> = { '/opt/x': 5, '/srv/keep': 100 };
    const head: Record<string, FileSpec> = { '/opt/x': 8, '/srv/keep': 100 };
    for (let i = 0; i < 10; i++) head[`/srv/f${i}`] = 1;
    // opening /srv into 2 rows would show 1 of its 10 bytes and push /opt/x out
    assert.deepEqual(diffFiles(files(base), files(head), { top: 2 }), [change('/srv', 'dir', 'changed', 100, 110), change('/opt/x', 'file', 'changed', 5, 8)]);
  });

  it('opens a wholly removed /usr/lib into its biggest parts when they do not all fit (the Go toolchain case)', () => {
    const base: Record<string, FileSpec> = { '/hello-old': 1 };
    for (let i = 0; i < 300; i++) base[`/usr/lib/go-1.19/pkg/p${i}.a`] = 1_000_000;
    for (let i = 0; i < 10; i++) base[`/usr/lib/go-1.19/bin/t${i}`] = 1_300_000;
    for (let i = 0; i < 40; i++) base[`/usr/lib/x86_64-linux-gnu/lib${i}.so`] = 1_000_000;
    for (let i = 0; i < 30; i++) base[`/usr/lib/misc${i}/f`] = 10_000 + i; // 30 small directories
    for (let i = 0; i < 20; i++) base[`/usr/share/doc/d${i}/copyright`] = 100_000;
    const head = files({ '/hello': 1_800_000 });
    const rows = diffFiles(files(base), head, { top: 5 });
    assert.deepEqual(
      rows.map((r) => [r.path, r.status, r.delta]),
      [
        ['/usr/lib/go-1.19', 'removed', -313_000_000],
        ['/usr/lib/x86_64-linux-gnu', 'removed', -40_000_000],
        ['/usr/share/doc', 'removed', -2_000_000],
        ['/hello', 'added', 1_800_000],
        ['/usr/lib/misc29/f', 'removed', -10_029],
      ],
    );
  });

  it('shows a wholly added directory that is nearly all one child as that child, down the chain', () => {
    const venv = (root: string): Record<string, FileSpec> => {
      const out: Record<string, FileSpec> = { [`${root}/pyvenv.cfg`]: 100, [`${root}/bin/activate`]: 2000 };
      for (let i = 0; i < 50; i++) out[`${root}/lib/python3.11/site-packages/pkg${i}/mod.py`] = 100_000 + i;
      return out;
    };
    // deep in a wholly added tree: one row, named for the child that holds 99.9% of the bytes
    const deep = diffFiles(new Map(), files(venv('/srv/app/venv')), { top: 3 });
    assert.deepEqual(deep.map((r) => [r.path, r.delta]), [['/srv/app/venv/lib/python3.11/site-packages', 5_001_225]]);
    // a second-level directory is opened while rows remain, so its small parts show too
    const shallow = diffFiles(new Map(), files(venv('/opt/venv')), { top: 3 });
    assert.deepEqual(shallow.map((r) => [r.path, r.delta]), [
      ['/opt/venv/lib/python3.11/site-packages', 5_001_225],
      ['/opt/venv/bin/activate', 2000],
      ['/opt/venv/pyvenv.cfg', 100],
    ]);
    // under 98% in one child, the directory is the better name
    const go = files({ '/usr/lib/go-1.19/pkg/a': 96, '/usr/lib/go-1.19/bin/go': 4, '/etc/hostname': 1 });
    assert.deepEqual(diffFiles(files({ '/etc/hostname': 1 }), go).map((r) => r.path), ['/usr/lib/go-1.19']);
  });

  it('ranks a shrink by its size: negative deltas come first when larger', () => {
    const base = files({ '/usr/share/doc/a/README': 3000, '/usr/share/doc/b/README': 2000, '/app/main.js': 100 });
    const head = files({ '/usr/share': 'dir', '/app/main.js': 200 });
    assert.deepEqual(diffFiles(base, head), [change('/usr/share/doc', 'dir', 'removed', 5000, null), change('/app/main.js', 'file', 'changed', 100, 200)]);
  });

  // How fast this is belongs to `npm run bench`, not to a unit test: here only what it finds.
  it('diffs two 100,000-file filesystems: rolls 50,000 changed files up into their directories', () => {
    const base = new Map<string, FileEntry>();
    const entry = (path: string, type: 'file' | 'dir', size: number): FileEntry => ({ path, type, size, mode: 0o644, linkTarget: null, layer: 0 });
    for (const d of ['/srv', '/srv/a', '/usr', '/usr/lib']) base.set(d, entry(d, 'dir', 0));
    for (let i = 0; i < 1000; i++) {
      base.set(`/srv/a/d${i}`, entry(`/srv/a/d${i}`, 'dir', 0));
      for (let j = 0; j < 100; j++) base.set(`/srv/a/d${i}/f${j}`, entry(`/srv/a/d${i}/f${j}`, 'file', 10));
    }
    base.set('/usr/lib/libc.so', entry('/usr/lib/libc.so', 'file', 2000));
    // head: half the files grow by 1 byte, one directory of 100 files is gone, one of 100 added; same size overall
    const head = new Map(base);
    for (let i = 0; i < 500; i++) for (let j = 0; j < 100; j++) head.set(`/srv/a/d${i}/f${j}`, entry(`/srv/a/d${i}/f${j}`, 'file', 11));
    for (let j = 0; j < 100; j++) head.delete(`/srv/a/d999/f${j}`);
    head.delete('/srv/a/d999');
    head.set('/srv/b', entry('/srv/b', 'dir', 0));
    for (let j = 0; j < 100; j++) head.set(`/srv/b/f${j}`, entry(`/srv/b/f${j}`, 'file', 7));
    assert.ok(base.size > 100_000 && head.size > 100_000);

    const result = diffFiles(base, head);
    // /srv/a has 500 changed children: too many to open within 20 rows
    assert.deepEqual(result, [change('/srv/a', 'dir', 'changed', 1_000_000, 1_000_000 + 50_000 - 1000), change('/srv/b', 'dir', 'added', null, 700)]);
  });
});
