// The packages behind the build tooling a finding reports: which installed packages own its bytes
// ("golang-1.19-go 312 MB"), so the message says what to stop installing in the final stage.

import { formatBytes } from '../../lib/format.js';
import type { PackageReport } from '../../model/report.js';
import type { FindingContext } from './context.js';
import type { ToolingScan } from './build-tools.js';

export interface ToolingPackage {
  pkg: PackageReport;
  /** Bytes of this package inside the tooling (a -dev package: all of its bytes). */
  bytes: number;
}

/** Biggest first; at most `limit`. */
export function toolingPackages(ctx: Pick<FindingContext, 'model' | 'packages'>, scan: ToolingScan, limit = 3): ToolingPackage[] {
  const pk = ctx.packages;
  if (pk === undefined || pk.owners.size === 0) return [];
  const roots = scan.entries.filter((e) => e.path.startsWith('/')).map((e) => e.path);
  const bytes = new Map<PackageReport, number>();
  for (const [path, pkg] of pk.owners) {
    if (!roots.some((r) => path === r || (path.startsWith(r) && path[r.length] === '/'))) continue;
    bytes.set(pkg, (bytes.get(pkg) ?? 0) + (ctx.model.files.get(path)?.size ?? 0));
  }
  // -dev packages are tooling as a whole ("dpkg:libc6-dev")
  for (const e of scan.entries) {
    const colon = e.path.indexOf(':');
    if (e.tool !== 'dev-package' || colon < 0) continue;
    const pkg = pk.packages.find((p) => p.manager === e.path.slice(0, colon) && p.name === e.path.slice(colon + 1));
    if (pkg !== undefined && pkg.size > (bytes.get(pkg) ?? 0)) bytes.set(pkg, pkg.size);
  }
  return [...bytes]
    .filter(([, b]) => b > 0)
    .map(([pkg, b]) => ({ pkg, bytes: b }))
    .sort((a, b) => b.bytes - a.bytes || (a.pkg.name < b.pkg.name ? -1 : a.pkg.name > b.pkg.name ? 1 : 0))
    .slice(0, limit);
}

/** "; mostly the packages golang-1.19-go (312 MB) and golang-1.19-src (100 MB)", or "" when none are known. */
export function toolingPackagesClause(ctx: Pick<FindingContext, 'model' | 'packages'>, scan: ToolingScan): string {
  const top = toolingPackages(ctx, scan);
  if (top.length === 0) return '';
  const names = top.map((t) => `${t.pkg.name} (${formatBytes(t.bytes)})`);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}` : names[0]!;
  return `; mostly the package${top.length > 1 ? 's' : ''} ${list}`;
}
