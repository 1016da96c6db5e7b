// Applies layers in order to build the final filesystem, the way overlayfs presents it:
// file whiteouts delete a path, opaque whiteouts hide a directory's lower contents, later writes replace.

import type { LayerChanges } from './layer-scan.js';
import type { FileEntry } from './types.js';

interface Node {
  entry: FileEntry; // the root's entry is a placeholder, never listed
  children: Map<string, Node> | null; // dirs only
  /** For hardlinks: the node holding the content. */
  linkOf: Node | null;
  /** Set on content nodes that a hardlink points at. */
  linked: boolean;
}

export interface FinalFilesystem {
  files: Map<string, FileEntry>;
  /** Bytes of regular-file content visible in the final filesystem (hardlinked content once). */
  finalBytes: number;
  fileCount: number;
  /** Visible content bytes per layer index. */
  survivingBytes: number[];
}

const node = (entry: FileEntry): Node => ({
  entry,
  children: entry.type === 'dir' ? new Map() : null,
  linkOf: null,
  linked: false,
});

const implicitDir = (path: string, layer: number): Node =>
  node({ path, type: 'dir', size: 0, mode: 0o755, linkTarget: null, layer });

export function buildFinalFilesystem(layers: readonly LayerChanges[]): FinalFilesystem {
  const root = implicitDir('', 0);
  const applied = new Set<FileEntry[]>();
  layers.forEach((layer, index) => {
    // The scanned entries become the final ones; a layer listed twice in a manifest gets copies the second time.
    const puts = applied.has(layer.puts) ? layer.puts.map((e) => ({ ...e })) : layer.puts;
    applied.add(layer.puts);
    applyLayer(root, layer, puts, index);
  });
  return flatten(root, layers.length);
}

function applyLayer(root: Node, layer: LayerChanges, puts: FileEntry[], index: number): void {
  // Whiteouts act on the lower layers only, wherever they stand in the tar: apply them first.
  for (const path of layer.whiteouts) {
    const { parent, name } = lookupParent(root, path, index, false);
    parent?.children?.delete(name);
  }
  for (const path of layer.opaques) {
    const dir = ensureDir(root, path, index);
    dir.children = new Map();
  }
  for (const entry of puts) {
    entry.layer = index;
    const { parent, name } = lookupParent(root, entry.path, index, true);
    const siblings = parent?.children;
    if (!siblings) continue;
    const existing = siblings.get(name);
    if (entry.type === 'dir' && existing?.entry.type === 'dir') {
      existing.entry = entry; // a directory entry updates mode and layer but keeps the contents
      continue;
    }
    const added = node(entry);
    if (entry.type === 'hardlink' && entry.linkTarget) {
      const target = lookup(root, entry.linkTarget);
      added.linkOf = target?.entry.type === 'file' ? target : (target?.linkOf ?? null);
      if (added.linkOf) added.linkOf.linked = true;
    }
    siblings.set(name, added);
  }
}

function lookup(root: Node, path: string): Node | undefined {
  let at: Node | undefined = root;
  for (const part of path.split('/')) {
    if (part === '') continue;
    at = at?.children?.get(part);
    if (!at) return undefined;
  }
  return at;
}

/** Finds (or with create, makes) the parent directory of path. Non-directories in the way are replaced. */
function lookupParent(root: Node, path: string, layer: number, create: boolean): { parent: Node | null; name: string } {
  const parts = path.split('/');
  const name = parts.pop() ?? '';
  let at = root;
  let prefix = '';
  for (const part of parts) {
    if (part === '') continue;
    prefix += '/' + part;
    let next = at.children?.get(part);
    if (!next || next.entry.type !== 'dir') {
      if (!create) return { parent: null, name };
      next = implicitDir(prefix, layer);
      at.children?.set(part, next);
    }
    at = next;
  }
  return { parent: at, name };
}

function ensureDir(root: Node, path: string, layer: number): Node {
  if (path === '/') return root;
  const { parent, name } = lookupParent(root, path, layer, true);
  const siblings = parent?.children as Map<string, Node>;
  let dir = siblings.get(name);
  if (!dir || dir.entry.type !== 'dir') {
    dir = implicitDir(path, layer);
    siblings.set(name, dir);
  }
  return dir;
}

function flatten(root: Node, layerCount: number): FinalFilesystem {
  const files = new Map<string, FileEntry>();
  const survivingBytes = new Array<number>(layerCount).fill(0);
  const counted = new Set<Node>(); // hardlinked content nodes already counted
  const hardlinks: Node[] = [];
  let finalBytes = 0;
  let fileCount = 0;

  const walk = (dir: Node): void => {
    for (const child of (dir.children as Map<string, Node>).values()) {
      const entry = child.entry;
      files.set(entry.path, entry);
      if (entry.type === 'dir') {
        walk(child);
        continue;
      }
      fileCount++;
      if (entry.type === 'file') {
        finalBytes += entry.size;
        survivingBytes[entry.layer] = (survivingBytes[entry.layer] ?? 0) + entry.size;
        if (child.linked) counted.add(child);
      } else if (entry.type === 'hardlink' && child.linkOf) hardlinks.push(child);
    }
  };
  walk(root);

  // A hardlink whose first name is gone from the final filesystem now carries the content.
  for (const link of hardlinks) {
    const content = link.linkOf as Node;
    if (counted.has(content)) continue;
    counted.add(content);
    link.entry.size = content.entry.size;
    finalBytes += content.entry.size;
    survivingBytes[content.entry.layer] = (survivingBytes[content.entry.layer] ?? 0) + content.entry.size;
  }
  return { files, finalBytes, fileCount, survivingBytes };
}
