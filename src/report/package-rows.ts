// Package changes and installed packages as table rows, shared by the text and markdown renderers.

import { formatBytes, formatDelta } from '../lib/format.js';
import type { DiffReport, PackageChange, PackageReport } from '../model/report.js';

const SIGN: Record<PackageChange['status'], string> = { added: '+', removed: '\u2212', upgraded: '~' };

/** [sign, name, manager, version(s), Δ]: "−", "golang-1.19-go", "dpkg", "1.19.8-2", "−342.5 MB". Untrusted text is raw. */
export function packageChangeRow(p: PackageChange): [string, string, string, string, string] {
  const version = p.status === 'upgraded' ? `${p.baseVersion ?? ''} → ${p.headVersion ?? ''}` : (p.headVersion ?? p.baseVersion ?? '');
  return [SIGN[p.status], p.name, p.manager, version, formatDelta(p.sizeDelta)];
}

/** "92 changed: 3 added, 88 removed, 1 upgraded" (statuses with none are left out). */
export function packageChangeSummary(changes: readonly PackageChange[]): string {
  const counts = (['added', 'removed', 'upgraded'] as const).map((s) => [s, changes.filter((c) => c.status === s).length] as const).filter(([, n]) => n > 0);
  return `${changes.length} changed: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}`;
}

export function installedPackageRow(p: PackageReport): [string, string, string, string] {
  return [p.name, p.manager, p.version, formatBytes(p.size)];
}

/** The packages of a diff, or [] for reports written before packages were listed. */
export function packageChanges(diff: DiffReport | null): PackageChange[] {
  return diff?.packages ?? [];
}
