// Packages made in the test, installed by the real package managers inside real builds: a Python wheel (a zip
// with a dist-info) and npm tarballs (package/… in a .tgz). Nothing comes from PyPI or the npm registry.

import { createHash } from 'node:crypto';
import { crc32, gzipSync } from 'node:zlib';
import { tarBuffer } from './make-archive.js';

/** A stored (uncompressed) zip: enough for pip, which reads any zip. */
export function zipStored(files: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const n = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(0x0314, 4); // made by: unix, 2.0
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(0, 10);
    cd.writeUInt16LE(0, 12);
    cd.writeUInt16LE(0x21, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(n.length, 28);
    cd.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: a regular file, rw-r--r--
    cd.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    central.push(cd, n);
    offset += local.length + n.length + data.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBytes, end]);
}

const recordHash = (b: Buffer): string => 'sha256=' + createHash('sha256').update(b).digest('base64url');

/** A pure-Python wheel `<dist>-<version>-py3-none-any.whl` holding `files` (paths inside site-packages). */
export function makeWheel(dist: string, version: string, files: Record<string, Buffer | string>): { name: string; data: Buffer } {
  const info = `${dist}-${version}.dist-info`;
  const all: Record<string, Buffer> = {};
  for (const [p, c] of Object.entries(files)) all[p] = Buffer.from(c);
  all[`${info}/METADATA`] = Buffer.from(`Metadata-Version: 2.1\nName: ${dist.replace(/_/g, '-')}\nVersion: ${version}\n`);
  all[`${info}/WHEEL`] = Buffer.from('Wheel-Version: 1.0\nGenerator: image-size-guard-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n');
  const record = Object.entries(all).map(([p, c]) => `${p},${recordHash(c)},${c.length}`);
  all[`${info}/RECORD`] = Buffer.from([...record, `${info}/RECORD,,`, ''].join('\n'));
  return { name: `${dist}-${version}-py3-none-any.whl`, data: zipStored(all) };
}

/** An npm package tarball (what `npm pack` makes): package/package.json plus `files`. */
export async function makeNpmTarball(name: string, version: string, files: Record<string, Buffer | string>): Promise<Buffer> {
  const manifest = JSON.stringify({ name, version, description: 'made by image-size-guard tests', license: 'MIT' }, null, 2);
  const entries = [{ path: 'package/package.json', content: manifest }, ...Object.entries(files).map(([p, c]) => ({ path: `package/${p}`, content: c }))];
  return gzipSync(await tarBuffer(entries));
}
