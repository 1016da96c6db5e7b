// The envelope of every analysis-cache file: a magic number, a header (format, kind, key, report schema,
// tool version, payload length and SHA-256), then the gzip'd payload. An entry is used only when every field
// is what this run expects and the checksum holds; otherwise the reader says why, in a few words, and the
// caller ignores the entry (with a warning) and computes what it needed.
//
//   0   8   magic  89 49 53 47 0d 0a 1a 0a   ("\x89ISG\r\n\x1a\n": a text-mode copy or a truncation shows)
//   8   4   header length (u32 LE)
//   12  …   header JSON: { format, kind, key, schema, tool (version+build), bytes, rawBytes, sha256 }
//   …   …   payload: gzip of the encoded analysis

import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import type { Report } from '../model/report.js';
import { toolBuild } from '../lib/build-id.js';

const MAGIC = Buffer.from([0x89, 0x49, 0x53, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const FORMAT = 1;
const SCHEMA: Report['schemaVersion'] = 1;
/** Large enough for any real header; a larger claim is a corrupt file, not a reason to allocate. */
const MAX_HEADER = 64 * 1024;
const gzipAsync = promisify(gzip);

export type EntryKind = 'base' | 'layer';

interface Header {
  format: number;
  kind: EntryKind;
  key: string;
  schema: number;
  tool: string;
  bytes: number;
  rawBytes: number;
  sha256: string;
}

/** Why an entry was not used: "truncated", "checksum mismatch", "made by image-size-guard 0.0.9"… */
export class CacheEntryError extends Error {}

/** The bytes of a cache file holding `payload` under this kind and key. */
export async function sealEntry(kind: EntryKind, key: string, payload: Buffer): Promise<Buffer> {
  const body = await gzipAsync(payload, { level: 1 }); // speed over size: a base's arrays gzip ~3× even at level 1
  const header: Header = {
    format: FORMAT,
    kind,
    key,
    schema: SCHEMA,
    tool: toolBuild(),
    bytes: body.length,
    rawBytes: payload.length,
    sha256: createHash('sha256').update(body).digest('hex'),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.allocUnsafe(4);
  len.writeUInt32LE(json.length, 0);
  return Buffer.concat([MAGIC, len, json, body]);
}

/** The payload of a cache file, when it is an intact entry of this kind and key made by this version; throws CacheEntryError otherwise. */
export function openEntry(file: Buffer, kind: EntryKind, key: string): Buffer {
  if (file.length < MAGIC.length + 4) throw new CacheEntryError(file.length === 0 ? 'empty file' : 'truncated');
  if (!file.subarray(0, MAGIC.length).equals(MAGIC)) throw new CacheEntryError('not an image-size-guard cache entry');
  const headerBytes = file.readUInt32LE(MAGIC.length);
  if (headerBytes > MAX_HEADER) throw new CacheEntryError('corrupt header');
  const start = MAGIC.length + 4 + headerBytes;
  if (file.length < start) throw new CacheEntryError('truncated');
  let h: Header;
  try {
    h = JSON.parse(file.subarray(MAGIC.length + 4, start).toString('utf8')) as Header;
  } catch {
    throw new CacheEntryError('corrupt header');
  }
  if (typeof h !== 'object' || h === null) throw new CacheEntryError('corrupt header');
  if (h.format !== FORMAT) throw new CacheEntryError(`cache format ${String(h.format)}, not ${FORMAT}`);
  if (h.tool !== toolBuild()) throw new CacheEntryError(`made by image-size-guard ${String(h.tool)}, this is ${toolBuild()}`);
  if (h.schema !== SCHEMA) throw new CacheEntryError(`report schema ${String(h.schema)}, not ${SCHEMA}`);
  if (h.kind !== kind || h.key !== key) throw new CacheEntryError(`made for another ${h.kind === kind ? 'key' : 'kind of entry'}`);
  const body = file.subarray(start);
  if (body.length < h.bytes) throw new CacheEntryError('truncated');
  if (body.length > h.bytes) throw new CacheEntryError('trailing bytes after the payload');
  if (createHash('sha256').update(body).digest('hex') !== h.sha256) throw new CacheEntryError('checksum mismatch');
  let raw: Buffer;
  try {
    raw = gunzipSync(body, { maxOutputLength: h.rawBytes > 0 ? h.rawBytes : 1 });
  } catch {
    throw new CacheEntryError('the payload does not decompress');
  }
  if (raw.length !== h.rawBytes) throw new CacheEntryError('the payload has the wrong length');
  return raw;
}
