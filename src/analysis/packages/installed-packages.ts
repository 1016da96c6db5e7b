// The packages installed in an image, each with the bytes of its files actually present in the final
// filesystem: dpkg and apk from their databases, then pip distributions (dist-info RECORDs) and
// npm packages (node_modules/**/package.json) that the system package manager does not own.

import { APK_INSTALLED, decodeManifest, DPKG_INFO_DIR, DPKG_STATUS, isDistInfoRecord, isNodeModulesManifest } from '../../image/captured-files.js';
import type { FileEntry, ImageModel } from '../../image/types.js';
import type { PackageManager, PackageReport } from '../../model/report.js';
import { parseApkInstalled } from './apk-db.js';
import { listFileNames, parseDpkgList, parseDpkgStatus } from './dpkg-db.js';
import { ImagePaths, normalizePath } from './image-paths.js';
import { normalizePythonName, parseDistInfoDir, parseRecordPaths } from './python-record.js';

export interface InstalledPackages {
  /** One row per manager and name, largest first (ties by manager, then name). */
  packages: PackageReport[];
  /** Final path of every file charged to a package → that package's row. */
  owners: Map<string, PackageReport>;
}

interface Group {
  report: PackageReport;
  versions: Set<string>;
}

const NODE_MODULES = '/node_modules/';

/** The key under which two images' rows are the same package (pip names compare normalised). */
export function packageKey(manager: PackageManager, name: string): string {
  return `${manager}\0${manager === 'pip' ? normalizePythonName(name) : name}`;
}

type PackageSource = Pick<ImageModel, 'files' | 'capturedFiles'>;

export function listPackages(model: PackageSource): InstalledPackages {
  const ledger = new Ledger(model.files);
  // A file counts once, for the first package that lists it: the order of these calls.
  chargeDpkg(ledger, model);
  chargeApk(ledger, model);
  chargeBytecode(ledger, model.files);
  // captured paths in a stable order, so ties between packages always resolve the same way
  const capturedPaths = [...model.capturedFiles.keys()].sort();
  chargePip(ledger, model.capturedFiles, capturedPaths);
  chargeNpm(ledger, model, capturedPaths);
  return ledger.packages();
}

/** The packages found so far, and which package each file of the final filesystem is charged to. */
class Ledger {
  readonly groups = new Map<string, Group>();
  readonly owners = new Map<string, PackageReport>();
  private readonly paths: ImagePaths;

  constructor(files: ReadonlyMap<string, FileEntry>) {
    this.paths = new ImagePaths(files);
  }

  /** The row of a package (created on first sight), with one more version seen. */
  group(manager: PackageManager, name: string, version: string): Group {
    const key = packageKey(manager, name);
    let g = this.groups.get(key);
    if (g === undefined) this.groups.set(key, (g = { report: { manager, name, version: '', size: 0 }, versions: new Set() }));
    if (version !== '') g.versions.add(version);
    return g;
  }

  /** A file's bytes to a package, unless an earlier package has it (or it holds no bytes of its own). */
  chargeEntry(g: Group, path: string, entry: FileEntry): void {
    if ((entry.type !== 'file' && entry.type !== 'hardlink') || this.owners.has(path)) return;
    this.owners.set(path, g.report);
    g.report.size += entry.size; // a hardlink's content is counted under one name only (FileEntry.size)
  }

  /** A path as a package database names it (through symlinked directories too), when the final filesystem has it. */
  charge(g: Group, named: string): void {
    const norm = normalizePath(named);
    const hit = norm === null ? null : this.paths.lookup(norm);
    if (hit !== null) this.chargeEntry(g, hit.path, hit.entry);
  }

  packages(): InstalledPackages {
    const packages = [...this.groups.values()].map((g) => {
      g.report.version = [...g.versions].sort().join(', ');
      return g.report;
    });
    packages.sort((a, b) => b.size - a.size || cmp(a.manager, b.manager) || cmp(a.name, b.name));
    return { packages, owners: this.owners };
  }
}

/**
 * dpkg: the status file says what is installed; each package's .list says what it installed, and its own
 * files in /var/lib/dpkg/info (the list itself, md5sums, maintainer scripts) are its bytes too.
 */
function chargeDpkg(ledger: Ledger, model: PackageSource): void {
  const status = regularCapture(model, DPKG_STATUS);
  if (status === undefined) return;
  const pkgs = parseDpkgStatus(status.toString('utf8'));
  const seen = new Map<string, number>();
  for (const p of pkgs) seen.set(p.name, (seen.get(p.name) ?? 0) + 1);
  const infoFiles = dpkgInfoFiles(model.files);
  for (const p of pkgs) {
    // the same name for two architectures (Multi-Arch: same) stays two rows
    const g = ledger.group('dpkg', (seen.get(p.name) ?? 0) > 1 && p.arch ? `${p.name}:${p.arch}` : p.name, p.version);
    for (const listName of listFileNames(p)) {
      const list = model.capturedFiles.get(`${DPKG_INFO_DIR}${listName}.list`);
      if (list === undefined) continue;
      for (const path of parseDpkgList(list.toString('utf8'))) ledger.charge(g, path);
      break;
    }
    for (const listName of listFileNames(p)) for (const path of infoFiles.get(listName) ?? []) ledger.charge(g, path);
  }
}

function chargeApk(ledger: Ledger, model: PackageSource): void {
  const apk = regularCapture(model, APK_INSTALLED);
  if (apk === undefined) return;
  for (const p of parseApkInstalled(apk.toString('utf8'))) {
    const g = ledger.group('apk', p.name, p.version);
    for (const path of p.files) ledger.charge(g, path);
  }
}

/**
 * Python bytecode the system package compiled at install time (Debian's py3compile in postinst): not in the
 * package's list, but its bytes came with the package that owns the source next to it.
 */
function chargeBytecode(ledger: Ledger, files: ReadonlyMap<string, FileEntry>): void {
  if (ledger.owners.size === 0) return;
  for (const [path, entry] of files) {
    const source = bytecodeSource(path);
    const owner = source === null ? undefined : ledger.owners.get(source);
    if (owner !== undefined) ledger.chargeEntry(ledger.groups.get(packageKey(owner.manager, owner.name))!, path, entry);
  }
}

/** pip: a dist-info the system package manager installed (Debian's python3-*) is reported by it already. */
function chargePip(ledger: Ledger, captured: ReadonlyMap<string, Buffer>, capturedPaths: string[]): void {
  for (const path of capturedPaths) {
    if (!isDistInfoRecord(path) || ledger.owners.has(path)) continue;
    const distDir = path.slice(0, path.lastIndexOf('/'));
    const site = distDir.slice(0, distDir.lastIndexOf('/'));
    const info = parseDistInfoDir(distDir.slice(site.length + 1));
    if (info === null) continue;
    const g = ledger.group('pip', info.name, info.version);
    for (const rel of parseRecordPaths(captured.get(path)!.toString('utf8'))) ledger.charge(g, rel.startsWith('/') ? rel : `${site}/${rel}`);
  }
}

/** npm: every file under a package's directory, except its own node_modules (other packages). */
function chargeNpm(ledger: Ledger, model: PackageSource, capturedPaths: string[]): void {
  const npmDirs = new Map<string, Group>();
  for (const path of capturedPaths) {
    if (!isNodeModulesManifest(path) || ledger.owners.has(path)) continue;
    const m = decodeManifest(model.capturedFiles.get(path)!);
    npmDirs.set(path.slice(0, -'/package.json'.length), ledger.group('npm', m.name, m.version));
  }
  if (npmDirs.size === 0) return;
  for (const [path, entry] of model.files) {
    const dir = npmPackageDir(path);
    const g = dir === null ? undefined : npmDirs.get(dir);
    if (g !== undefined) ledger.chargeEntry(g, path, entry);
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A captured database, when it is a regular file of the final filesystem. */
function regularCapture(model: PackageSource, path: string): Buffer | undefined {
  return model.files.get(path)?.type === 'file' ? model.capturedFiles.get(path) : undefined;
}

/** /var/lib/dpkg/info/<package>[:<arch>].<what> by "<package>[:<arch>]". */
function dpkgInfoFiles(files: ReadonlyMap<string, FileEntry>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const path of files.keys()) {
    if (!path.startsWith(DPKG_INFO_DIR)) continue;
    const name = path.slice(DPKG_INFO_DIR.length);
    const dot = name.lastIndexOf('.');
    if (dot <= 0 || name.includes('/')) continue;
    const key = name.slice(0, dot);
    const list = out.get(key);
    if (list === undefined) out.set(key, [path]);
    else list.push(path);
  }
  return out;
}

/** …/x/__pycache__/mod.cpython-311.pyc (or .opt-1.pyc) → …/x/mod.py; null for anything else. */
export function bytecodeSource(path: string): string | null {
  if (!path.endsWith('.pyc')) return null;
  const cache = path.lastIndexOf('/__pycache__/');
  if (cache < 0) return null;
  const name = path.slice(cache + '/__pycache__/'.length);
  const dot = name.indexOf('.');
  if (dot <= 0 || name.includes('/')) return null;
  return `${path.slice(0, cache)}/${name.slice(0, dot)}.py`;
}

/** The package directory a path under node_modules belongs to: …/node_modules/<name> or …/node_modules/@s/<name>. */
export function npmPackageDir(path: string): string | null {
  const at = path.lastIndexOf(NODE_MODULES);
  if (at < 0) return null;
  const start = at + NODE_MODULES.length;
  let end = path.indexOf('/', start);
  if (end < 0) return null; // a file directly in node_modules (.package-lock.json)
  if (path[start] === '@') {
    end = path.indexOf('/', end + 1);
    if (end < 0) return null;
  }
  return path.slice(0, end);
}
