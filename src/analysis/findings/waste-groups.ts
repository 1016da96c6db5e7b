// The waste ledger grouped the way a fix is made: by the instruction that wrote the bytes and the later one that
// deleted or overwrote them (writer → remover). Shared by `wasted-space` and the deleted caches of `package-cache`.

import type { WastedWrite } from '../../image/types.js';

export interface WasteGroup {
  /** The layer that wrote the bytes. */
  layer: number;
  /** The later layer that deleted or overwrote them. */
  removedBy: number;
  bytes: number;
  /** Bytes overwritten; the rest were deleted. */
  overwritten: number;
  /** Each write, with its bytes. */
  writes: { path: string; bytes: number }[];
}

/**
 * The groups of the writes whose path `take` accepts, when they hold at least minBytes, biggest first. A write
 * removed by the layer that made it (a tar listing a path twice) has no second instruction to move: left out.
 * Two passes over the ledger: the paths are kept only for the groups that count.
 */
export function groupWaste(waste: Iterable<WastedWrite>, take: (path: string) => boolean, minBytes: number): WasteGroup[] {
  const groups = new Map<string, WasteGroup>();
  const keyOf = (w: WastedWrite): string => `${w.layer}:${w.removedBy}`;
  for (const w of waste) {
    if (w.layer >= w.removedBy || !take(w.path)) continue;
    const key = keyOf(w);
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { layer: w.layer, removedBy: w.removedBy, bytes: 0, overwritten: 0, writes: [] }));
    g.bytes += w.bytes;
    if (w.how === 'overwritten') g.overwritten += w.bytes;
  }
  const big = [...groups.values()].filter((g) => g.bytes >= minBytes);
  if (big.length === 0) return [];
  for (const w of waste) {
    if (w.layer >= w.removedBy) continue;
    const g = groups.get(keyOf(w));
    if (g !== undefined && g.bytes >= minBytes && take(w.path)) g.writes.push({ path: w.path, bytes: w.bytes });
  }
  return big.sort((a, b) => b.bytes - a.bytes || a.layer - b.layer || a.removedBy - b.removedBy);
}

export interface PathRow {
  path: string;
  bytes: number;
  /** Writes at or below the path. */
  files: number;
}

interface Node {
  bytes: number;
  files: number;
  kids: Set<string>;
}

const parentOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/**
 * The paths that explain a group's bytes, at most `max`, biggest first: a directory stands for its writes
 * ("/tmp/build", not 3,000 object files; "/usr/share/man", not its 30 languages). Only a top- or second-level
 * directory (/usr, /usr/share, /tmp), which names nothing, is opened — when its children shown hold more bytes
 * than the rows they push out. A directory with one written child is shown as that child.
 */
export function topPaths(writes: readonly { path: string; bytes: number }[], max: number): PathRow[] {
  const nodes = new Map<string, Node>();
  const node = (p: string): Node => {
    let n = nodes.get(p);
    if (n === undefined) nodes.set(p, (n = { bytes: 0, files: 0, kids: new Set() }));
    return n;
  };
  for (const w of writes) {
    let child: string | null = null;
    for (let at = w.path; ; at = parentOf(at)) {
      const n = node(at);
      n.bytes += w.bytes;
      n.files++;
      if (child !== null) n.kids.add(child);
      if (at === '') break;
      child = at;
    }
  }
  const collapse = (p: string): string => {
    let at = p;
    while (node(at).kids.size === 1) at = node(at).kids.values().next().value!;
    return at;
  };
  const bigger = (a: string, b: string): number => node(b).bytes - node(a).bytes || (a < b ? -1 : a > b ? 1 : 0);
  let shown = [...node('').kids].map(collapse).sort(bigger).slice(0, max);
  const tried = new Set<string>();
  for (;;) {
    const x = shown.find((r) => !tried.has(r) && node(r).kids.size > 1 && r.split('/').length <= 3);
    if (x === undefined) break;
    tried.add(x);
    const kids = [...node(x).kids].map(collapse);
    const next = [...shown.filter((r) => r !== x), ...kids].sort(bigger).slice(0, max);
    const kept = new Set(next);
    let gain = 0;
    let cost = 0;
    for (const k of kids) if (kept.has(k)) gain += node(k).bytes; else cost += node(k).bytes;
    for (const r of shown) if (r !== x && !kept.has(r)) cost += node(r).bytes;
    if (gain > cost) shown = next;
  }
  return shown.map((p) => ({ path: p, bytes: node(p).bytes, files: node(p).files }));
}

/** The deepest directory (or the path itself, for one) holding every write: what the group is about, however its sizes shift. */
export function commonPath(writes: readonly { path: string }[]): string {
  if (writes.length === 0) return '/';
  let common = writes[0]!.path;
  for (const w of writes) {
    while (common !== '' && !(w.path === common || w.path.startsWith(common + '/'))) common = parentOf(common);
  }
  return common || '/';
}
