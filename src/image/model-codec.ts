// ImageModel and ScannedLayer ↔ bytes, for the analysis cache. The final filesystem and a layer's entries are
// written as their typed arrays (path table, types, modes, sizes, layers), not an entry per path; the rest
// (config, layer summaries) is small JSON. Decoding treats the bytes as untrusted: every id, type,
// length and count is checked, the tree links are rebuilt rather than read, and the totals the model states
// are recomputed and compared, so a crafted entry can make no lookup loop or read out of range.
// Version 2 (CODEC_ID) added the config's runtime settings to the JSON part and the waste ledger after the captures.

import { CodecError, Reader, Writer } from './binary-codec.js';
import { FileIndex, presentTree } from './file-index.js';
import { FILE_TYPES, PutLog, TYPE_CODE, type ScannedLayer } from './layer-scan.js';
import { PathTable } from './path-table.js';
import type { ImageModel, LayerSummary } from './types.js';
import { checkConfig } from './config-check.js';
import { WasteLedger } from './waste-ledger.js';

const DIR = TYPE_CODE.dir;
const FILE = TYPE_CODE.file;
const SYMLINK = TYPE_CODE.symlink;
const HARDLINK = TYPE_CODE.hardlink;

type ModelMeta = Omit<ImageModel, 'files' | 'capturedFiles' | 'waste'>;

export function encodeModel(model: ImageModel, w: Writer): void {
  if (!(model.files instanceof FileIndex) || !(model.waste instanceof WasteLedger)) throw new Error('only a reader-made model (FileIndex, WasteLedger) can be encoded');
  const meta: ModelMeta = {
    id: model.id,
    manifestDigest: model.manifestDigest,
    platform: model.platform,
    archiveFormat: model.archiveFormat,
    config: model.config,
    layers: model.layers,
    size: model.size,
    fileCount: model.fileCount,
    finalBytes: model.finalBytes,
    wastedBytes: model.wastedBytes,
    efficiency: model.efficiency,
    compressedSize: model.compressedSize,
    compressedSizeExact: model.compressedSizeExact,
  };
  w.json(meta);
  const c = model.files.columns;
  writeTable(w, c.paths);
  w.array(c.present);
  w.array(c.types);
  w.array(c.modes);
  w.u8(c.layers instanceof Uint32Array ? 4 : 2);
  w.array(c.layers);
  w.array(c.sizes);
  writeLinks(w, c.links);
  writeCaptures(w, model.capturedFiles);
  const waste = model.waste.columns;
  for (const a of [waste.ids, waste.bytes, waste.layers, waste.removers, waste.kinds]) w.array(a);
}

export function decodeModel(r: Reader): ImageModel {
  const meta = checkMeta(r.json<ModelMeta>());
  const paths = readTable(r);
  const n = paths.count;
  const present = r.u8s();
  const types = r.u8s();
  const modes = r.u16s();
  const wide = r.u8();
  if (wide !== 2 && wide !== 4) throw new CodecError('bad layer column width');
  const layers = wide === 4 ? r.u32s() : r.u16s();
  const sizes = r.f64s();
  for (const a of [present, types, modes, layers, sizes]) if (a.length !== n) throw new CodecError('a column does not match the path table');
  const links = readLinks(r, n);
  const capturedFiles = readCaptures(r);
  const waste = new WasteLedger(paths, readWaste(r, n, meta));

  // Checked, and the totals recomputed: a present path hangs below a present directory; types and layers are in range.
  if (present[0] !== 1 || types[0] !== DIR) throw new CodecError('the root is not a present directory');
  const layerCount = meta.layers.length;
  let count = 0;
  let fileCount = 0;
  let finalBytes = 0;
  for (let id = 1; id < n; id++) {
    const p = present[id] as number;
    if (p > 1) throw new CodecError('bad presence flag');
    const type = types[id] as number;
    if (type >= FILE_TYPES.length) throw new CodecError(`path ${id} has type ${type}`);
    const size = sizes[id] as number;
    if (!(size >= 0 && Number.isFinite(size))) throw new CodecError(`path ${id} has size ${size}`);
    if (p === 0) continue;
    const parent = paths.parent(id);
    if (present[parent] !== 1 || types[parent] !== DIR) throw new CodecError(`path ${id} hangs below something absent`);
    if ((layers[id] as number) >= layerCount) throw new CodecError(`path ${id} names layer ${layers[id]}`);
    count++;
    if (type === DIR) continue;
    fileCount++;
    if (type === FILE || type === HARDLINK) finalBytes += size;
  }
  for (const id of links.keys()) {
    if (present[id] !== 1 || (types[id] !== SYMLINK && types[id] !== HARDLINK)) throw new CodecError(`a link target for path ${id}, which is not a present link`);
  }
  if (fileCount !== meta.fileCount || finalBytes !== meta.finalBytes) throw new CodecError('the file totals do not match the filesystem');

  const { firstChild, nextSibling } = presentTree(paths, present);
  const files = new FileIndex({ paths, present, types, modes, layers, sizes, links, firstChild, nextSibling, count });
  return { ...meta, files, capturedFiles, waste };
}

/** The waste ledger's columns, checked: ids in the table, layers in range, a later (or the same) layer removing, and the bytes adding up. */
function readWaste(r: Reader, paths: number, meta: ModelMeta): WasteLedger['columns'] {
  const c = { ids: r.i32s(), bytes: r.f64s(), layers: r.u32s(), removers: r.u32s(), kinds: r.u8s() };
  const n = c.ids.length;
  if ([c.bytes, c.layers, c.removers, c.kinds].some((a) => a.length !== n)) throw new CodecError('a waste column does not match the others');
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const id = c.ids[i] as number;
    const bytes = c.bytes[i] as number;
    const layer = c.layers[i] as number;
    const remover = c.removers[i] as number;
    if (id < 1 || id >= paths || !(bytes > 0 && Number.isFinite(bytes)) || remover >= meta.layers.length || layer > remover || (c.kinds[i] as number) > 1) {
      throw new CodecError(`waste entry ${i} is malformed`);
    }
    sum += bytes;
  }
  if (sum !== meta.size - meta.finalBytes) throw new CodecError('the waste ledger does not add up to the wasted bytes');
  return c;
}

export function encodeScannedLayer(layer: ScannedLayer, w: Writer): void {
  writeTable(w, layer.paths);
  const p = layer.puts;
  w.u32(p.count);
  w.array(p.ids.subarray(0, p.count));
  w.array(p.types.subarray(0, p.count));
  w.array(p.modes.subarray(0, p.count));
  w.array(p.sizes.subarray(0, p.count));
  writeLinks(w, p.links);
  w.array(Int32Array.from(layer.whiteouts));
  w.array(Int32Array.from(layer.opaques));
  writeCaptures(w, layer.captured);
  w.f64(layer.size);
  w.f64(layer.fileCount);
  w.f64(layer.tarBytes);
}

export function decodeScannedLayer(r: Reader): ScannedLayer {
  const paths = readTable(r);
  const count = r.u32();
  const puts = new PutLog();
  puts.ids = r.i32s();
  puts.types = r.u8s();
  puts.modes = r.u16s();
  puts.sizes = r.f64s();
  for (const a of [puts.ids, puts.types, puts.modes, puts.sizes]) if (a.length !== count) throw new CodecError('a put column does not match its count');
  puts.count = count;
  for (const [i, target] of readLinks(r, count)) puts.links.set(i, target);
  const whiteouts = Array.from(r.i32s());
  const opaques = Array.from(r.i32s());
  const captured = readCaptures(r);
  const size = r.f64();
  const fileCount = r.f64();
  const tarBytes = r.f64();

  let sum = 0;
  let files = 0;
  for (let i = 0; i < count; i++) {
    const id = puts.ids[i] as number;
    const type = puts.types[i] as number;
    const s = puts.sizes[i] as number;
    if (id < 1 || id >= paths.count) throw new CodecError(`entry ${i} names path ${id}`);
    if (type >= FILE_TYPES.length || (puts.modes[i] as number) > 0o7777) throw new CodecError(`entry ${i} has a bad type or mode`);
    if (!(s >= 0 && Number.isFinite(s)) || (type !== FILE && s !== 0)) throw new CodecError(`entry ${i} has size ${s}`);
    if ((type === SYMLINK || type === HARDLINK) !== puts.links.has(i)) throw new CodecError(`entry ${i} and its link target disagree`);
    sum += s;
    if (type !== DIR) files++;
  }
  for (const id of whiteouts) if (id < 1 || id >= paths.count) throw new CodecError(`a whiteout names path ${id}`);
  for (const id of opaques) if (id < 0 || id >= paths.count) throw new CodecError(`an opaque marker names path ${id}`);
  if (sum !== size || files !== fileCount || !(tarBytes >= 0 && Number.isFinite(tarBytes))) throw new CodecError('the layer totals do not match its entries');
  return { paths, puts, whiteouts, opaques, captured, size, fileCount, tarBytes };
}

function writeTable(w: Writer, table: PathTable): void {
  const t = table.parts();
  w.array(t.parents);
  w.array(t.nameEnds);
  w.raw(t.pool);
}

function readTable(r: Reader): PathTable {
  const parents = r.i32s();
  const nameEnds = r.u32s();
  const pool = r.raw();
  try {
    return PathTable.fromParts(parents, nameEnds, pool);
  } catch (err) {
    throw new CodecError((err as Error).message);
  }
}

function writeLinks(w: Writer, links: ReadonlyMap<number, string>): void {
  w.array(Int32Array.from(links.keys()));
  w.strings([...links.values()]);
}

/** Link targets by id (or entry index), each below `limit`. */
function readLinks(r: Reader, limit: number): Map<number, string> {
  const ids = r.i32s();
  const targets = r.strings();
  if (ids.length !== targets.length) throw new CodecError('link ids and targets differ in number');
  const out = new Map<number, string>();
  ids.forEach((id, i) => {
    if (id < 0 || id >= limit || out.has(id)) throw new CodecError(`a link target for ${id}`);
    out.set(id, targets[i] as string);
  });
  return out;
}

function writeCaptures(w: Writer, files: ReadonlyMap<string, Buffer>): void {
  w.u32(files.size);
  for (const [path, content] of files) {
    w.str(path);
    w.raw(content);
  }
}

function readCaptures(r: Reader): Map<string, Buffer> {
  const n = r.u32();
  const out = new Map<string, Buffer>();
  for (let i = 0; i < n; i++) {
    const path = r.str();
    if (!path.startsWith('/') || out.has(path)) throw new CodecError('a captured file has a bad or repeated path');
    out.set(path, r.rawCopy());
  }
  return out;
}

/** The JSON part, shape-checked (strings where strings belong, numbers where numbers): it is rendered later. */
function checkMeta(m: ModelMeta): ModelMeta {
  const bad = (what: string): never => {
    throw new CodecError(`the model's ${what} is malformed`);
  };
  const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  const strOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
  if (typeof m !== 'object' || m === null) bad('header');
  if (typeof m.id !== 'string' || !strOrNull(m.manifestDigest) || typeof m.platform !== 'string' || (m.archiveFormat !== 'docker-save' && m.archiveFormat !== 'oci')) bad('identity');
  for (const k of ['size', 'fileCount', 'finalBytes', 'wastedBytes', 'efficiency'] as const) if (!isNum(m[k])) bad(k);
  if (m.compressedSize !== null && !isNum(m.compressedSize)) bad('compressed size');
  if (typeof m.compressedSizeExact !== 'boolean') bad('compressed size');
  if (!checkConfig(m.config)) bad('config');
  if (!Array.isArray(m.layers) || !m.layers.every((l, i) => goodLayer(l, i))) bad('layers');
  return m;
}

function goodLayer(l: LayerSummary, index: number): boolean {
  const num = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  return (
    typeof l === 'object' &&
    l !== null &&
    l.index === index &&
    typeof l.diffId === 'string' &&
    (l.digest === null || typeof l.digest === 'string') &&
    typeof l.instruction === 'string' &&
    typeof l.createdBy === 'string' &&
    num(l.size) &&
    num(l.fileCount) &&
    (l.compressedSize === null || num(l.compressedSize)) &&
    typeof l.compressedSizeExact === 'boolean' &&
    (l.compression === 'none' || l.compression === 'gzip' || l.compression === 'zstd') &&
    num(l.wastedBytes)
  );
}
