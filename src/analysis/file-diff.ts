// Compares the base and head final filesystems per path, then rolls the changes up into directories so the
// top rows explain the growth ("/usr/lib/go-1.19 +310 MB", not 9,000 rows of .go files).

import type { FileEntry } from '../image/types.js';
import type { DiffReport } from '../model/report.js';

/** One row of the report's file diff. */
export type FileChange = DiffReport['files'][number];

interface Node {
  path: string;
  children: Map<string, Node> | null; // only children with changes at or below them
  /**
   * This path's own entry changed. 'implied': a directory present on one side only, which its changed
   * children already say; 'real': anything else (a file added, removed or changed, a type change).
   */
  self: 'implied' | 'real' | null;
  inBase: boolean;
  inHead: boolean;
  baseBytes: number; // every entry at or below the path, changed or not
  headBytes: number;
}

export function diffFiles(base: ReadonlyMap<string, FileEntry>, head: ReadonlyMap<string, FileEntry>, opts: { top?: number } = {}): FileChange[] {
  const top = Math.max(0, Math.floor(opts.top ?? 20));
  const tree = new Tree();
  // Contents are not hashed (the reader does not keep them): a same-size edit goes unnoticed, which a size
  // report can afford. Mode and owner changes are ignored for the same reason.
  for (const [path, h] of head) {
    const b = base.get(path);
    if (!b) tree.insert(path, h.type === 'dir' ? 'implied' : 'real');
    else if (b.type === 'dir' && h.type === 'dir') continue;
    else if (b.type !== h.type || b.size !== h.size || b.linkTarget !== h.linkTarget) tree.insert(path, 'real');
  }
  for (const [path, b] of base) if (!head.has(path)) tree.insert(path, b.type === 'dir' ? 'implied' : 'real');
  if (!tree.root.children) return [];
  tree.addTotals(base, 'base');
  tree.addTotals(head, 'head');
  sumUp(tree.root);

  const roots = [...tree.root.children.values()].map(collapse);
  const sized = roots.filter((r) => delta(r) !== 0);
  // Rows that change no bytes (an empty directory, a retargeted link) only show when nothing else changed.
  const rows = sized.length > 0 ? rollUp(sized, top) : openAll(roots);
  return rows
    .sort(byDelta)
    .slice(0, top)
    .map((n) => toChange(n, base, head));
}

/**
 * The rows: start from the top-level changes and open the largest-|Δ| directory while that explains more
 * bytes than it costs. Opening X shows its biggest children in X's place; the table keeps its `top` largest
 * rows, so children too small to make it, and rows they push out, leave it. Worth it when the children shown
 * hold more bytes than those that leave (a directory mostly made of one child opens into that child; one of
 * 300 similar files does not).
 */
function rollUp(start: Node[], top: number): Node[] {
  let shown = [...start].sort(byDelta).slice(0, top);
  const tried = new Set<Node>();
  for (;;) {
    const x = shown.find((r) => !tried.has(r) && expandable(r));
    if (x === undefined) return shown;
    tried.add(x);
    const kids = [...x.children!.values()].map(collapse).filter((k) => delta(k) !== 0);
    const next = shown.filter((r) => r !== x).concat(kids).sort(byDelta).slice(0, top);
    const kept = new Set(next);
    let gain = 0;
    let cost = 0;
    for (const k of kids) if (kept.has(k)) gain += Math.abs(delta(k)); else cost += Math.abs(delta(k));
    for (const r of shown) if (r !== x && !kept.has(r)) cost += Math.abs(delta(r));
    if (gain > cost) shown = next;
  }
}

/** Nothing changed bytes: every zero-delta change is shown, opened down to the paths themselves. */
function openAll(start: Node[]): Node[] {
  const out: Node[] = [];
  const queue = [...start];
  while (queue.length > 0) {
    const n = queue.pop()!;
    if (expandable(n)) queue.push(...[...n.children!.values()].map(collapse));
    else out.push(n);
  }
  return out;
}

const newNode = (path: string): Node => ({ path, children: null, self: null, inBase: false, inHead: false, baseBytes: 0, headBytes: 0 });

const parentOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/** The changed paths and their ancestors, each reachable by path: no per-segment walks over 100k entries. */
class Tree {
  readonly root = newNode('');
  private readonly byPath = new Map<string, Node>([['', this.root]]);
  /** Directory → the deepest node at or above it, filled as entries are charged. */
  private readonly owner = new Map<string, Node>();

  insert(path: string, self: 'implied' | 'real'): void {
    this.node(path).self = self;
  }

  private node(path: string): Node {
    let n = this.byPath.get(path);
    if (!n) {
      const parent = this.node(parentOf(path));
      n = newNode(path);
      (parent.children ??= new Map()).set(path.slice(path.lastIndexOf('/') + 1), n);
      this.byPath.set(path, n);
    }
    return n;
  }

  /** Charges every entry to the deepest node at or above it; sumUp then carries totals and presence upwards. */
  addTotals(files: ReadonlyMap<string, FileEntry>, side: 'base' | 'head'): void {
    for (const [path, entry] of files) {
      const n = this.byPath.get(path) ?? this.ownerOf(parentOf(path));
      if (side === 'base') {
        n.inBase = true;
        n.baseBytes += entry.size;
      } else {
        n.inHead = true;
        n.headBytes += entry.size;
      }
    }
  }

  private ownerOf(dir: string): Node {
    let n = this.byPath.get(dir) ?? this.owner.get(dir);
    if (!n) {
      n = this.ownerOf(parentOf(dir));
      this.owner.set(dir, n);
    }
    return n;
  }
}

function sumUp(node: Node): void {
  if (!node.children) return;
  for (const child of node.children.values()) {
    sumUp(child);
    node.baseBytes += child.baseBytes;
    node.headBytes += child.headBytes;
    node.inBase ||= child.inBase;
    node.inHead ||= child.inHead;
  }
}

/**
 * A directory shown as its child: when all its changes are in that child (/app → /app/server), or when it is
 * wholly added or removed, would stay one row, and that child holds nearly all of its bytes
 * (/opt/venv → …/site-packages). Below
 * MOSTLY the directory names the thing better than its biggest part (/usr/lib/go-1.19, whose bin/ is 4%).
 */
function collapse(node: Node): Node {
  let n = node;
  while (n.children !== null && n.self !== 'real') {
    if (n.children.size === 1) {
      n = n.children.values().next().value!;
      continue;
    }
    if (expandable(n)) break; // opened in rollUp when it pays, so its other children can show too
    let big: Node | null = null;
    for (const c of n.children.values()) if (big === null || Math.abs(delta(c)) > Math.abs(delta(big))) big = c;
    if (big === null || delta(n) === 0 || Math.abs(delta(big)) < MOSTLY * Math.abs(delta(n))) break;
    n = big;
  }
  return n;
}

const MOSTLY = 0.98;

/**
 * Directories on both sides are opened up. A wholly added or removed directory stays one row — it explains
 * itself (/usr/lib/go-1.19) — unless it is a top-level or second-level one (/usr, /usr/lib, /var/cache),
 * which only holds the things that explain the change.
 */
const expandable = (n: Node): boolean =>
  n.children !== null && n.self !== 'real' && ((n.inBase && n.inHead && n.self === null) || n.path.split('/').length <= 3);

const delta = (n: Node): number => n.headBytes - n.baseBytes;

function byDelta(a: Node, b: Node): number {
  const d = Math.abs(delta(b)) - Math.abs(delta(a));
  if (d !== 0) return d;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function toChange(n: Node, base: ReadonlyMap<string, FileEntry>, head: ReadonlyMap<string, FileEntry>): FileChange {
  const dirOnEverySide = (base.get(n.path)?.type ?? 'dir') === 'dir' && (head.get(n.path)?.type ?? 'dir') === 'dir';
  return {
    path: n.path,
    kind: n.children !== null || dirOnEverySide ? 'dir' : 'file',
    status: !n.inBase ? 'added' : !n.inHead ? 'removed' : 'changed',
    baseSize: n.inBase ? n.baseBytes : null,
    headSize: n.inHead ? n.headBytes : null,
    delta: delta(n),
  };
}
