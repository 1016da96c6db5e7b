import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, linkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { parsePax, TarFormatError, TarScanner, type TarHeader } from '../../src/image/tar-scanner.js';

// GNU tar writes the three header dialects the scanner must read: GNU (L/K long names), POSIX pax, ustar.
const longDir = 'd'.repeat(60) + '/' + 'e'.repeat(60); // > 100 bytes with the file name: needs prefix / pax / L
const longLink = '/' + 't'.repeat(120);
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'isg-tar-'));
  mkdirSync(join(dir, 'root', longDir), { recursive: true });
  writeFileSync(join(dir, 'root', longDir, 'file.bin'), Buffer.alloc(1234, 1));
  writeFileSync(join(dir, 'root', 'small'), 'hello');
  writeFileSync(join(dir, 'root', 'empty'), '');
  symlinkSync(longLink, join(dir, 'root', 'link'));
  linkSync(join(dir, 'root', 'small'), join(dir, 'root', 'hard'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scan(buf: Buffer, chunk: number): { headers: TarHeader[]; contentBytes: number } {
  const headers: TarHeader[] = [];
  let contentBytes = 0;
  const s = new TarScanner({ entry: (h) => (headers.push(h), true), data: (c) => (contentBytes += c.length) });
  for (let i = 0; i < buf.length; i += chunk) s.push(buf.subarray(i, i + chunk));
  s.end();
  return { headers, contentBytes };
}

for (const format of ['gnu', 'pax', 'ustar']) {
  describe(`GNU tar --format=${format}`, () => {
    it('yields every entry with path, type, size and link target, whatever the chunking', () => {
      // ustar cannot hold a link target over 100 bytes: leave the link out there
      const exclude = format === 'ustar' ? ['--exclude=./link'] : [];
      const args = ['--format=' + format, '--sort=name', '--owner=0', '--group=0', ...exclude, '-cf', '-', '-C', join(dir, 'root'), '.'];
      const buf = execFileSync('tar', args, { maxBuffer: 1 << 26 });
      for (const chunk of [1, 100, 512, 4096, buf.length]) {
        const { headers, contentBytes } = scan(buf, chunk);
        const byPath = new Map(headers.map((h) => [h.path.replace(/^\.\//, '').replace(/\/$/, ''), h]));
        assert.equal(byPath.get(`${longDir}/file.bin`)?.size, 1234, `long path (${format}, chunk ${chunk})`);
        assert.equal(byPath.get(`${longDir}/file.bin`)?.type, 'file');
        assert.equal(byPath.get(longDir)?.type, 'dir');
        // tar stores the second name of an inode as a hardlink to the first (sorted: "hard" < "small")
        assert.deepEqual(
          [byPath.get('hard')?.type, byPath.get('hard')?.size, byPath.get('small')?.type, byPath.get('small')?.size, byPath.get('small')?.linkname],
          ['file', 5, 'hardlink', 0, './hard'],
        );
        assert.equal(byPath.get('empty')?.size, 0);
        if (format !== 'ustar') {
          assert.equal(byPath.get('link')?.type, 'symlink');
          assert.equal(byPath.get('link')?.linkname, longLink);
        }
        assert.equal(contentBytes, 1234 + 5);
      }
    });
  });
}

describe('tar scanner errors', () => {
  it('reports a stream cut inside an entry, naming it', () => {
    const buf = execFileSync('tar', ['-cf', '-', '-C', join(dir, 'root'), 'small']);
    const s = new TarScanner({ entry: () => undefined });
    s.push(buf.subarray(0, 514));
    assert.throws(() => s.end(), (e: Error) => e instanceof TarFormatError && /truncated \(inside "small"\)/.test(e.message));
  });

  it('rejects a malformed pax size instead of misreading what follows', () => {
    assert.throws(() => parsePax(Buffer.from('13 size=-512\n')), /malformed pax size/);
    assert.throws(() => parsePax(Buffer.from('12 size=abc\n')), /malformed pax size/);
    assert.equal(parsePax(Buffer.from('13 size=1024\n')).size, 1024);
  });

  it('rejects a block with a bad checksum', () => {
    const s = new TarScanner({ entry: () => undefined });
    assert.throws(() => s.push(Buffer.alloc(512, 0x41)), /not a tar archive/);
  });

  it('reads base-256 sizes (files over 8 GiB)', () => {
    const block = Buffer.alloc(512);
    block.write('huge', 0);
    block.write('0000644\0', 100);
    block[124] = 0x80; // base-256 marker; value 9 GiB
    block.writeUIntBE(9 * 2 ** 30, 12 + 124 - 6, 6);
    block[156] = 0x30;
    block.write('ustar\x0000', 257, 'latin1');
    block.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of block) sum += b;
    block.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
    const headers: TarHeader[] = [];
    const s = new TarScanner({ entry: (h) => void headers.push(h) });
    s.push(block);
    assert.equal(headers[0]?.size, 9 * 2 ** 30);
  });
});
