import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { detectShell, isShellName, scanShells, shellFormNotes } from '../../src/analysis/findings/shell.js';
import { resolveInImage } from '../../src/analysis/findings/util.js';
import { ctx, distrolessFiles, exe, file, fs, hardlink, KB, link } from '../helpers/finding-fixtures.js';

const BUSYBOX_APPLETS = ['ls', 'cat', 'cp', 'mv', 'rm', 'sed', 'grep', 'awk', 'vi', 'wget', 'tar', 'gzip', 'find'];

describe('shell: absent', () => {
  it('scratch + static binary: nothing', () => {
    assert.equal(detectShell(ctx({ files: fs({ '/app': exe(5_000_000) }) })), null);
    assert.equal(detectShell(ctx()), null);
  });

  it('distroless-style image: nothing', () => {
    assert.equal(detectShell(ctx({ files: distrolessFiles() })), null);
  });

  it('a non-executable file named sh is not a shell', () => {
    assert.equal(detectShell(ctx({ files: fs({ '/usr/share/doc/sh': file(100), '/bin/sh': file(100_000) }) })), null);
  });

  it('a dangling sh symlink is not a shell', () => {
    assert.equal(detectShell(ctx({ files: fs({ '/bin/sh': link('dash'), '/bin/bash': link('/usr/bin/missing') }) })), null);
  });

  it('a directory named sh is not a shell', () => {
    assert.equal(detectShell(ctx({ files: fs({ '/opt/sh': 'dir', '/opt/sh/readme': file(10) }) })), null);
  });

  it('names that merely start like a shell are not shells', () => {
    for (const n of ['shasum', 'bash.bashrc', 'sh.distrib', 'bashbug', 'dash-x', 'fisher', 'ashes']) assert.equal(isShellName(n), false, n);
    for (const n of ['sh', 'bash', 'bash5.2', 'ksh93', 'zsh-5.9', 'busybox', 'toybox', 'mksh', 'yash', 'tcsh']) assert.equal(isShellName(n), true, n);
  });

  it('a symlink loop is not a shell (and does not hang)', () => {
    assert.equal(detectShell(ctx({ files: fs({ '/bin/sh': link('sh2'), '/bin/sh2': link('sh') }) })), null);
  });
});

describe('shell: present', () => {
  it('busybox with applet symlinks: the binary and its links, capped with "and N more"', () => {
    const spec: Parameters<typeof fs>[0] = { '/bin/busybox': exe(900 * KB, 0), '/bin/sh': link('/bin/busybox'), '/bin/ash': link('busybox') };
    for (const a of BUSYBOX_APPLETS) spec[`/bin/${a}`] = link('/bin/busybox');
    const f = detectShell(ctx({ files: fs(spec) }))!;
    assert.equal(f.id, 'shell');
    assert.equal(f.bytes, 900 * KB, 'the binary counts once');
    assert.equal(f.evidence.length, 10);
    assert.deepEqual(
      f.evidence.slice(0, 3).map((e) => e.path),
      ['/bin/busybox', '/bin/ash', '/bin/sh'],
      'binary first, then the shell-named links',
    );
    assert.deepEqual(f.evidence[0], { path: '/bin/busybox', size: 900 * KB, layer: 0, instruction: 'ADD file:rootfs in /' });
    const total = 3 + BUSYBOX_APPLETS.length;
    assert.match(f.message, new RegExp(`and ${total - 10} more\\.$`));
    assert.match(f.message, /900 kB/);
  });

  it('distroless :debug layout: /busybox/sh', () => {
    const f = detectShell(ctx({ files: fs({ '/busybox/busybox': exe(1_100 * KB), '/busybox/sh': link('busybox'), '/app/server': exe(10 * KB) }) }))!;
    assert.deepEqual(
      f.evidence.map((e) => e.path),
      ['/busybox/busybox', '/busybox/sh'],
    );
    assert.equal(f.bytes, 1_100 * KB);
  });

  it('busybox applets as hardlinks count the binary once', () => {
    const f = detectShell(ctx({ files: fs({ '/bin/busybox': exe(800 * KB), '/bin/sh': hardlink('/bin/busybox') }) }))!;
    assert.deepEqual(
      f.evidence.map((e) => e.path),
      ['/bin/busybox', '/bin/sh'],
    );
    assert.equal(f.bytes, 800 * KB);
  });

  it('bash only in /usr/bin', () => {
    const f = detectShell(ctx({ files: fs({ '/usr/bin/bash': exe(1_200 * KB, 1) }) }))!;
    assert.deepEqual(f.evidence, [{ path: '/usr/bin/bash', size: 1_200 * KB, layer: 1, instruction: 'RUN apt-get update && apt-get install -y gcc' }]);
    assert.equal(f.bytes, 1_200 * KB);
    assert.equal(f.message, 'The image contains a shell (1.2 MB): /usr/bin/bash.');
  });

  it('merged /usr: /bin -> usr/bin and /usr/bin/sh -> dash', () => {
    const files = fs({ '/bin': link('usr/bin'), '/usr/bin/dash': exe(125 * KB), '/usr/bin/sh': link('dash'), '/usr/bin/rbash': link('/bin/bash'), '/usr/bin/bash': exe(1_265 * KB) });
    const f = detectShell(ctx({ files }))!;
    assert.deepEqual(
      f.evidence.map((e) => e.path),
      ['/usr/bin/bash', '/usr/bin/dash', '/usr/bin/sh', '/usr/bin/rbash'],
    );
    assert.equal(f.bytes, 1_390 * KB);
  });

  it('a symlink chain escaping with ../../.. stays inside the image', () => {
    const files = fs({ '/a/b/sh': link('../../../../../../bin/real'), '/bin/real': link('../../..//usr/bin/dash'), '/usr/bin/dash': exe(100 * KB) });
    assert.equal(resolveInImage(files, '/a/b/sh')?.path, '/usr/bin/dash');
    const f = detectShell(ctx({ files }))!;
    assert.deepEqual(
      f.evidence.map((e) => e.path),
      ['/usr/bin/dash', '/a/b/sh', '/bin/real'],
    );
    // a chain pointing outside, to nothing inside: dangling, no crash
    assert.equal(detectShell(ctx({ files: fs({ '/a/sh': link('../../../../host/bin/bash') }) })), null);
  });

  it('a chain longer than 40 hops is not followed', () => {
    const spec: Parameters<typeof fs>[0] = { '/bin/dash': exe(100 * KB) };
    for (let i = 0; i < 41; i++) spec[`/l/${i}`] = link(i === 40 ? '/bin/dash' : `/l/${i + 1}`);
    spec['/bin/sh'] = link('/l/0');
    const paths = scanShells(fs(spec)).paths.map((e) => e.path);
    assert.ok(paths.includes('/l/1'), '40 hops are followed');
    assert.ok(!paths.includes('/l/0'), '41 hops are not');
    assert.ok(!paths.includes('/bin/sh'));
  });

  it('notes shell-form CMD, ENTRYPOINT and HEALTHCHECK', () => {
    const files = fs({ '/bin/sh': exe(100 * KB) });
    const cmd = detectShell(ctx({ files, config: { cmd: ['/bin/sh', '-c', 'node server.js'] } }))!;
    assert.match(cmd.message, /; CMD runs through \/bin\/sh -c: removing the shell breaks it\.$/);
    const exec = detectShell(ctx({ files, config: { cmd: ['node', 'server.js'] } }))!;
    assert.doesNotMatch(exec.message, /runs through/);
    assert.deepEqual(shellFormNotes({ entrypoint: ['/bin/sh', '-c', 'x'], cmd: ['/bin/sh', '-c', 'y'], healthcheck: ['CMD-SHELL', 'curl -f localhost'] }), [
      'ENTRYPOINT runs through /bin/sh -c',
      'HEALTHCHECK runs through /bin/sh -c',
    ]);
    assert.deepEqual(shellFormNotes({ entrypoint: null, cmd: null, healthcheck: ['CMD', 'curl', '-f', 'localhost'] }), []);
  });

  it('scanShells counts distinct binaries', () => {
    const s = scanShells(fs({ '/bin/bash': exe(1000), '/bin/sh': link('bash'), '/usr/bin/zsh': exe(500), '/usr/bin/zsh5': hardlink('/usr/bin/zsh') }));
    assert.equal(s.bytes, 1500);
    assert.equal(s.paths.length, 4);
  });
});
