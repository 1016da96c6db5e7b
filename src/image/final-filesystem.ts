// Applies layers in order to build the final filesystem, the way overlayfs presents it:
// file whiteouts delete a path, opaque whiteouts hide a directory's lower contents, later writes replace.

import type { LayerOp } from './layer-scan.js';
import type { FileEntry, FileType } from './types.js';

interface Node {
  type: FileType;
  size: number;
  mode: number;
  linkTarget: string | null;
  layer: number;
  children: Map<string, Node> | null; // dirs only
  /** For hardlinks: the node holding the content. */
  linkOf: Node | null;
  /** Set on content nodes that a hardlink points at. */
  linked?: boolean;
}

export interface FinalFilesystem {
  files: Map<string, FileEntry>;
  /** Bytes of regular-file content visible in the final filesystem (hardlinked content once). */
  finalBytes: number;
  fileCount: number;
  /** Visible content bytes per layer index. */
  survivingBytes: number[];
}

const dirNode = (layer: number, mode = 0o755): Node => ({
  type: 'dir',
  size: 0,
  mode,
  linkTarget: null,
  layer,
  children: new Map(),
  linkOf: null,
});

export function buildFinalFilesystem(layers: readonly (readonly LayerOp[])[]): FinalFilesystem {
  const root = dirNode(0);
  layers.forEach((ops, index) => applyLayer(root, ops, index));
  return flatten(root, layers.length);
}

function applyLayer(root: Node, ops: readonly LayerOp[], layer: number): void {
  // Whiteouts act on the lower layers only, wherever they stand in the tar: apply them first.
  for (const op of ops) {
    if (op.op === 'whiteout') {
      const { parent, name } = lookupParent(root, op.path, layer, false);
      parent?.children?.delete(name);
    } else if (op.op === 'opaque') {
      const dir = ensureDir(root, op.path, layer);
      dir.children = new Map();
    }
  }
  for (const op of ops) {
    if (op.op !== 'put') continue;
    const { parent, name } = lookupParent(root, op.path, layer, true);
    if (!parent?.children) continue;
    const existing = parent.children.get(name);
    if (op.type === 'dir') {
      if (existing?.type === 'dir') {
        existing.mode = op.mode;
        existing.layer = layer;
      } else parent.children.set(name, dirNode(layer, op.mode));
      continue;
    }
    let linkOf: Node | null = null;
    if (op.type === 'hardlink' && op.linkTarget) {
      const target = lookup(root, op.linkTarget);
      linkOf = target?.type === 'file' ? target : (target?.linkOf ?? null);
      if (linkOf) linkOf.linked = true;
    }
    parent.children.set(name, {
      type: op.type,
      size: op.size,
      mode: op.mode,
      linkTarget: op.linkTarget,
      layer,
      children: null,
      linkOf,
    });
  }
}

function lookup(root: Node, path: string): Node | undefined {
  let node: Node | undefined = root;
  for (const part of path.split('/')) {
    if (part === '') continue;
    node = node?.children?.get(part);
    if (!node) return undefined;
  }
  return node;
}

/** Finds (or with create, makes) the parent directory of path. Non-directories in the way are replaced. */
function lookupParent(root: Node, path: string, layer: number, create: boolean): { parent: Node | null; name: string } {
  const parts = path.split('/').filter(Boolean);
  const name = parts.pop() ?? '';
  let node = root;
  for (const part of parts) {
    let next = node.children?.get(part);
    if (!next || next.type !== 'dir') {
      if (!create) return { parent: null, name };
      next = dirNode(layer);
      node.children?.set(part, next);
    }
    node = next;
  }
  return { parent: node, name };
}

function ensureDir(root: Node, path: string, layer: number): Node {
  if (path === '/') return root;
  const { parent, name } = lookupParent(root, path, layer, true);
  const children = parent?.children as Map<string, Node>;
  let dir = children.get(name);
  if (!dir || dir.type !== 'dir') {
    dir = dirNode(layer);
    children.set(name, dir);
  }
  return dir;
}

function flatten(root: Node, layerCount: number): FinalFilesystem {
  const files = new Map<string, FileEntry>();
  const survivingBytes = new Array<number>(layerCount).fill(0);
  const counted = new Set<Node>(); // content nodes already counted, for hardlinks
  const hardlinks: { entry: FileEntry; node: Node }[] = [];
  let finalBytes = 0;
  let fileCount = 0;

  const walk = (dir: Node, prefix: string): void => {
    for (const [name, node] of dir.children as Map<string, Node>) {
      const path = `${prefix}/${name}`;
      const entry: FileEntry = {
        path,
        type: node.type,
        size: node.type === 'file' ? node.size : 0,
        mode: node.mode,
        linkTarget: node.linkTarget,
        layer: node.layer,
      };
      files.set(path, entry);
      if (node.type === 'dir') {
        walk(node, path);
        continue;
      }
      fileCount++;
      if (node.type === 'file') {
        finalBytes += node.size;
        survivingBytes[node.layer] = (survivingBytes[node.layer] ?? 0) + node.size;
        if (node.linked) counted.add(node);
      } else if (node.type === 'hardlink' && node.linkOf) hardlinks.push({ entry, node });
    }
  };
  walk(root, '');

  // A hardlink whose first name is gone from the final filesystem now carries the content.
  for (const { entry, node } of hardlinks) {
    const content = node.linkOf as Node;
    if (counted.has(content)) continue;
    counted.add(content);
    entry.size = content.size;
    finalBytes += content.size;
    survivingBytes[content.layer] = (survivingBytes[content.layer] ?? 0) + content.size;
  }
  return { files, finalBytes, fileCount, survivingBytes };
}
