// Base → head package changes: added, removed, or upgraded (any version change), with the
// change in the bytes each package's files take in the final filesystem.

import type { PackageChange, PackageReport } from '../../model/report.js';
import { packageKey } from './installed-packages.js';

export function diffPackages(base: readonly PackageReport[], head: readonly PackageReport[]): PackageChange[] {
  const before = new Map(base.map((p) => [packageKey(p.manager, p.name), p]));
  const out: PackageChange[] = [];
  const seen = new Set<string>();
  for (const h of head) {
    const key = packageKey(h.manager, h.name);
    seen.add(key);
    const b = before.get(key);
    if (b === undefined) {
      out.push({ manager: h.manager, name: h.name, status: 'added', baseVersion: null, headVersion: h.version, sizeDelta: h.size });
    } else if (b.version !== h.version) {
      out.push({ manager: h.manager, name: h.name, status: 'upgraded', baseVersion: b.version, headVersion: h.version, sizeDelta: h.size - b.size });
    }
  }
  for (const [key, b] of before) {
    if (!seen.has(key)) out.push({ manager: b.manager, name: b.name, status: 'removed', baseVersion: b.version, headVersion: null, sizeDelta: -b.size });
  }
  return out.sort(
    (a, b) => Math.abs(b.sizeDelta) - Math.abs(a.sizeDelta) || (a.manager < b.manager ? -1 : a.manager > b.manager ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
