// Paths inside archives come from whoever built the image: never trust them.

import { oneLine } from '../lib/one-line.js';
import { UserError } from '../model/errors.js';

export class UnsafePathError extends UserError {}

/**
 * Normalises a layer tar member name to an absolute path, as Docker and containerd do when they apply a
 * layer: "./usr/bin/", "usr//bin" and kaniko's "/usr/bin" all become "/usr/bin"; "/" and "." are the root.
 * A ".." that would climb above the root is refused (that is how a hostile layer escapes); one that stays
 * inside ("usr/lib/../bin") is resolved. `what` names the field in the message ("path", "hardlink target").
 */
export function safeLayerPath(name: string, what = 'path'): string {
  return '/' + normalise(name, `${what} in layer`);
}

/** Normalises a member name (or hardlink target) of the outer image archive ("blobs/sha256/…"), with the same rules. */
export function safeArchivePath(name: string): string {
  return normalise(name, 'path in image archive');
}

function normalise(name: string, where: string): string {
  if (name.includes('\0')) throw new UnsafePathError(`unsafe ${where}: NUL byte in "${oneLine(name, 200)}"`);
  // Fast path: most names have no "." or empty component to resolve.
  if (!/(^|\/)\.{0,2}(\/|$)/.test(name)) return name;
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) throw new UnsafePathError(`unsafe ${where}: ".." climbs above the root in "${oneLine(name, 200)}"`);
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** Resolves a relative link target of an archive member against the member's directory. */
export function resolveArchiveLink(memberPath: string, target: string): string {
  const dir = memberPath.includes('/') ? memberPath.slice(0, memberPath.lastIndexOf('/')) : '';
  const joined = target.startsWith('/') ? target.slice(1) : dir ? `${dir}/${target}` : target;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) throw new UnsafePathError(`unsafe link in image archive: "${oneLine(target, 200)}"`);
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}
