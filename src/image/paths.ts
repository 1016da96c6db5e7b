// Paths inside archives come from whoever built the image: never trust them.

import { oneLine } from '../lib/one-line.js';
import { UserError } from '../model/errors.js';

export class UnsafePathError extends UserError {}

/**
 * Normalises a layer tar member name ("./usr/bin/", "usr//bin") to an absolute path ("/usr/bin").
 * Rejects absolute names and any ".." component: a layer that names them is hostile or broken.
 */
export function safeLayerPath(name: string): string {
  return '/' + safeRelative(name, 'layer');
}

/** Normalises a member name of the outer image archive ("blobs/sha256/…"), with the same rules. */
export function safeArchivePath(name: string): string {
  return safeRelative(name, 'image archive');
}

function safeRelative(name: string, where: string): string {
  if (name.startsWith('/')) throw new UnsafePathError(`unsafe path in ${where}: absolute path "${printable(name)}"`);
  if (name.includes('\0')) throw new UnsafePathError(`unsafe path in ${where}: NUL byte in "${printable(name)}"`);
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') throw new UnsafePathError(`unsafe path in ${where}: ".." in "${printable(name)}"`);
    parts.push(part);
  }
  return parts.join('/');
}

/** Makes a hostile name safe to show on one line. */
export function printable(name: string): string {
  return oneLine(name, 200);
}

/** Resolves a relative link target of an archive member against the member's directory. */
export function resolveArchiveLink(memberPath: string, target: string): string {
  const dir = memberPath.includes('/') ? memberPath.slice(0, memberPath.lastIndexOf('/')) : '';
  const joined = target.startsWith('/') ? target.slice(1) : dir ? `${dir}/${target}` : target;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) throw new UnsafePathError(`unsafe link in image archive: "${printable(target)}"`);
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}
