// What both bench image generators share: ustar headers, writes that honour backpressure, the end of a
// legacy docker-save archive (config.json, manifest.json, the two zero blocks), and `docker load` fed from a
// stream.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export const BLOCK = 512;

/** Zero bytes that pad `size` to a whole block. */
export const padding = (size: number): number => (BLOCK - (size % BLOCK)) % BLOCK;

/** A ustar header; a path over 100 bytes is split into prefix and name at a slash. */
export function ustarHeader(path: string, size: number, type: '0' | '5' | '2', linkname = ''): Buffer {
  const b = Buffer.alloc(BLOCK);
  let name = path;
  let prefix = '';
  if (Buffer.byteLength(name) > 100) {
    const cut = path.lastIndexOf('/', path.length - 2);
    prefix = path.slice(0, cut);
    name = path.slice(cut + 1);
    if (Buffer.byteLength(name) > 100 || Buffer.byteLength(prefix) > 155) throw new Error(`bench: name too long: ${path}`);
  }
  b.write(name, 0, 100, 'utf8');
  b.write((type === '5' ? '0000755' : '0000644') + '\0', 100);
  b.write('0000000\0', 108);
  b.write('0000000\0', 116);
  b.write(size.toString(8).padStart(11, '0') + '\0', 124);
  b.write('00000000000\0', 136);
  b.write(type, 156);
  b.write(linkname, 157, 100);
  b.write('ustar\x0000', 257, 'latin1');
  b.write(prefix, 345, 155, 'utf8');
  b.fill(0x20, 148, 156);
  let sum = 0;
  for (const x of b) sum += x;
  b.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  return b;
}

export async function write(out: Writable, buf: Buffer): Promise<void> {
  if (!out.write(buf)) await once(out, 'drain');
}

/** After the layers `layer0.tar`…: the config, the manifest naming them and `tag`, and the archive's end. */
export async function writeArchiveEnd(out: Writable, tag: string, config: object, layers: number): Promise<void> {
  const manifest = [{ Config: 'config.json', RepoTags: [tag], Layers: Array.from({ length: layers }, (_, i) => `layer${i}.tar`) }];
  for (const [name, body] of [['config.json', Buffer.from(JSON.stringify(config))], ['manifest.json', Buffer.from(JSON.stringify(manifest))]] as const) {
    await write(out, ustarHeader(name, body.length, '0'));
    await write(out, Buffer.concat([body, Buffer.alloc(padding(body.length))]));
  }
  await write(out, Buffer.alloc(2 * BLOCK));
}

/** Runs `docker load`, lets `fill` write the archive into its stdin, and fails with docker's message. */
export async function dockerLoad<T>(docker: string, fill: (stdin: Writable) => Promise<T>): Promise<T> {
  const child = spawn(docker, ['load', '--quiet'], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
  const result = await fill(child.stdin);
  child.stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`docker load failed: ${stderr.trim()}`);
  return result;
}
