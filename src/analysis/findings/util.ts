// Helpers shared by the finding detectors: evidence, layer attribution, path resolution.

import type { FileEntry, ImageModel } from '../../image/types.js';
import type { Evidence, FindingContext } from './context.js';
import { layerLocation } from '../layer-location.js';

export function instructionOf(model: ImageModel, layer: number): string {
  return model.layers[layer]?.instruction ?? '';
}

export function evidence(model: ImageModel, path: string, size: number, layer: number): Evidence {
  return { path, size, layer, instruction: instructionOf(model, layer) };
}

/** The Dockerfile location of a layer's instruction (the FROM line for a base-image layer), or null when unknown. */
export function locationOf(ctx: FindingContext, layer: number | null): { path: string; line: number } | null {
  return layerLocation(ctx.dockerfile, ctx.layerLines, layer);
}

/** "a, b, c and 4 more" — `shown` are listed, `total` counts every item. */
export function listWithMore(shown: readonly string[], total: number): string {
  const rest = total - shown.length;
  const head = shown.length > 1 && rest <= 0 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)!}` : shown.join(', ');
  return rest > 0 ? `${head} and ${rest} more` : head;
}

/** Bytes per layer, accumulated; `top()` is the layer that wrote most of them (lowest index on ties). */
export class LayerBytes {
  private readonly perLayer = new Map<number, number>();
  total = 0;
  add(layer: number, bytes: number): void {
    this.perLayer.set(layer, (this.perLayer.get(layer) ?? 0) + bytes);
    this.total += bytes;
  }
  merge(other: LayerBytes): void {
    for (const [l, b] of other.perLayer) this.add(l, b);
  }
  top(): number | null {
    let best: number | null = null;
    let bestBytes = -1;
    for (const [l, b] of this.perLayer) {
      if (b > bestBytes || (b === bestBytes && best !== null && l < best)) [best, bestBytes] = [l, b];
    }
    return best;
  }
}

export const MAX_LINK_HOPS = 40; // Linux's own limit (MAXSYMLINKS)

/**
 * Resolves `path` inside the image's final filesystem, following symlinks in every component (relative
 * to the link's directory, or absolute from the image root) up to MAX_LINK_HOPS. `..` at the root stays
 * at the root, as in a chroot: resolution never leaves the image. Returns the entry reached (which may be
 * a hardlink; never a symlink), or null when the path dangles, loops or passes through a non-directory.
 */
export function resolveInImage(files: ReadonlyMap<string, FileEntry>, path: string): FileEntry | null {
  let pending = components(path);
  let done: string[] = [];
  let hops = 0;
  let last: FileEntry | null = null;
  while (pending.length > 0) {
    const c = pending.shift()!;
    if (c === '.') continue;
    if (c === '..') {
      done.pop();
      last = done.length > 0 ? (files.get('/' + done.join('/')) ?? null) : null;
      continue;
    }
    if (last !== null && last.type !== 'dir') return null; // walking through a file
    const p = '/' + [...done, c].join('/');
    const e = files.get(p);
    if (e === undefined) return null;
    if (e.type === 'symlink') {
      if (++hops > MAX_LINK_HOPS || !e.linkTarget) return null;
      if (e.linkTarget.startsWith('/')) done = [];
      pending = [...components(e.linkTarget), ...pending];
      last = done.length > 0 ? (files.get('/' + done.join('/')) ?? null) : null;
      continue;
    }
    done.push(c);
    last = e;
  }
  return done.length > 0 ? last : null;
}

function components(path: string): string[] {
  return path.split('/').filter((c) => c !== '');
}

/** For a hardlink, the entry holding its content (its first name) when still present; else the entry itself. */
export function contentEntry(files: ReadonlyMap<string, FileEntry>, e: FileEntry): FileEntry {
  if (e.type !== 'hardlink' || !e.linkTarget) return e;
  const t = files.get(e.linkTarget);
  return t !== undefined && (t.type === 'file' || t.type === 'hardlink') ? t : e;
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** Ancestors of an absolute path, outermost first, excluding "/" and the path itself: /a/b/c → /a, /a/b. */
export function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) out.push(path.slice(0, i));
  return out;
}

/** Home directories that may hold per-user caches and toolchains: /root and each /home/<user>. */
export function homeDirs(files: ReadonlyMap<string, FileEntry>): string[] {
  const out: string[] = [];
  if (files.get('/root')?.type === 'dir') out.push('/root');
  for (const [p, e] of files) if (e.type === 'dir' && p.startsWith('/home/') && p.indexOf('/', 6) < 0) out.push(p);
  return out.sort();
}
