// Finding `build-tools`, and the tooling detector it shares with `missing-multi-stage`:
// compilers, SDKs, headers and -dev packages left in the final image.

import type { FileEntry, ImageModel } from '../../image/types.js';
import { formatBytes } from '../../lib/format.js';
import type { DetectedFinding, FindingContext } from './context.js';
import { APK_INSTALLED, DPKG_STATUS, isDevPackage, parseApkInstalled, parseDpkgStatus, type InstalledPackage } from './packages.js';
import { ancestors, basename, dirname, evidence, LayerBytes, listWithMore, locationOf } from './util.js';
import { toolingPackagesClause } from './tooling-packages.js';

export type ToolKind = 'gcc' | 'binutils' | 'clang' | 'rust' | 'go' | 'jdk' | 'dotnet' | 'headers' | 'dev-package';

export interface ToolingEntry {
  tool: ToolKind;
  /**
   * A directory holding the tool ("/usr/lib/go-1.19", "/usr/lib/gcc", "/usr/include"), a loose binary
   * ("/usr/bin/x86_64-linux-gnu-ld.gold"), or for a -dev package "dpkg:libc6-dev" / "apk:musl-dev".
   */
  path: string;
  bytes: number;
  /** The layer that added most of these bytes (for a package: the layer that last wrote the package db). */
  layer: number;
}

export interface ToolingScan {
  /** Biggest first (ties by path). */
  entries: ToolingEntry[];
  /**
   * Tooling bytes: files under the tool directories and loose binaries, plus the -dev packages' installed
   * size beyond what /usr/include and the gcc directories already count (those packages fill them), so
   * the same headers are not counted twice. An estimate from below.
   */
  bytes: number;
}

/** Loose compiler/linker binaries in a bin directory, with an optional target prefix and version suffix. */
const LOOSE_BINARY = /^(?:[\w.+]+-)*?(gcc|g\+\+|cc|c\+\+|ld|ld\.bfd|ld\.gold|as|clang|clang\+\+|ld\.lld|lld|rustc|cargo)(?:-[\d.]+)?$/;
const FAMILY: Record<string, ToolKind> = {
  gcc: 'gcc', 'g++': 'gcc', cc: 'gcc', 'c++': 'gcc',
  ld: 'binutils', 'ld.bfd': 'binutils', 'ld.gold': 'binutils', as: 'binutils',
  clang: 'clang', 'clang++': 'clang', 'ld.lld': 'clang', lld: 'clang',
  rustc: 'rust', cargo: 'rust',
};

const GCC_DIRS = ['/usr/lib/gcc', '/usr/libexec/gcc', '/usr/lib/gcc-cross', '/usr/local/lib/gcc', '/usr/local/libexec/gcc'];
const GO_DIR = /^\/usr\/lib\/go(?:-[\d.]+)?$|^\/usr\/share\/go-[\d.]+$|^\/usr\/local\/go$/;
const LLVM_DIR = /^\/usr\/lib\/llvm-[\d.]+$/;
/** A JDK's directories/files that a JRE lacks; the JRE part of the same directory is runtime, not tooling. */
const JDK_ONLY = ['jmods', 'include', 'lib/src.zip', 'lib/ct.sym', 'lib/tools.jar', 'demo', 'sample'];
/** Binaries a JRE ships too (everything else in a JDK's bin is development tooling). */
const JRE_BINARIES = new Set(['java', 'javaw', 'keytool', 'rmiregistry', 'jrunscript', 'jfr', 'jjs', 'orbd', 'servertool', 'tnameserv', 'pack200', 'unpack200', 'policytool']);
const DOTNET_SDK_PARTS = ['sdk', 'packs', 'sdk-manifests', 'templates'];

interface Group {
  tool: ToolKind;
  path: string;
  bytes: LayerBytes;
}

const isDir = (files: ReadonlyMap<string, FileEntry>, p: string): boolean => files.get(p)?.type === 'dir';
const isRegular = (e: FileEntry | undefined): boolean => e !== undefined && (e.type === 'file' || e.type === 'hardlink');

export function scanTooling(ctx: { model: ImageModel; captured: ReadonlyMap<string, Buffer> }): ToolingScan {
  const files = ctx.model.files;
  const tools = findTools(files);
  if (tools.groups.size > 0) countBytes(files, tools);

  const entries: ToolingEntry[] = [];
  let bytes = 0;
  for (const g of tools.groups.values()) {
    const layer = g.bytes.top();
    if (g.bytes.total <= 0 || layer === null) continue;
    entries.push({ tool: g.tool, path: g.path, bytes: g.bytes.total, layer });
    bytes += g.bytes.total;
  }

  // -dev packages, from the package databases
  const dev = devPackages(ctx.model, ctx.captured);
  const devBytes = dev.reduce((s, d) => s + d.bytes, 0);
  if (dev.length > 0) {
    const filled = entries.filter((e) => e.tool === 'headers' || e.tool === 'gcc').reduce((s, e) => s + e.bytes, 0);
    bytes += Math.max(0, devBytes - filled);
    entries.push(...dev);
  }
  entries.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { entries, bytes };
}

/** The tools found, and which directories and files count toward each. */
class ToolLocations {
  readonly groups = new Map<string, Group>(); // by evidence path
  readonly subtrees = new Map<string, Group>(); // directory → group counting every file under it
  readonly singles = new Map<string, Group>(); // file → group counting that file

  group(tool: ToolKind, path: string): Group {
    let g = this.groups.get(path);
    if (g === undefined) this.groups.set(path, (g = { tool, path, bytes: new LayerBytes() }));
    return g;
  }
}

/** Pass 1: the tool directories and binaries. */
function findTools(files: ReadonlyMap<string, FileEntry>): ToolLocations {
  const tools = new ToolLocations();
  const loose: { path: string; tool: ToolKind }[] = [];
  const homes = new Set<string>();
  for (const [p, e] of files) {
    if (e.type === 'dir') {
      if (!findToolDir(tools, files, p) && (p === '/root' || (p.startsWith('/home/') && p.indexOf('/', 6) < 0))) homes.add(p);
    } else if (isRegular(e) && basename(dirname(p)) === 'bin') {
      const tool = findToolBinary(tools, files, p);
      if (tool !== null) loose.push({ path: p, tool });
    }
  }
  for (const h of homes) {
    for (const sub of ['.rustup', '.cargo/bin']) if (isDir(files, `${h}/${sub}`)) tools.subtrees.set(`${h}/${sub}`, tools.group('rust', `${h}/${sub}`));
  }
  // a loose binary joins its family's directory when there is one (gcc-12 with /usr/lib/gcc), else stands alone
  const dirGroups = [...tools.groups.values()];
  for (const { path, tool } of loose) {
    const home = dirGroups.find((g) => g.tool === tool);
    tools.singles.set(path, home ?? tools.group(tool, path));
  }
  return tools;
}

/** A directory that holds a tool (gcc's, the headers, Go, LLVM, rustup, a .NET SDK): true when it is one. */
function findToolDir(tools: ToolLocations, files: ReadonlyMap<string, FileEntry>, p: string): boolean {
  if (GCC_DIRS.includes(p)) tools.subtrees.set(p, tools.group('gcc', p));
  else if (p === '/usr/include') tools.subtrees.set(p, tools.group('headers', p));
  else if (GO_DIR.test(p)) tools.subtrees.set(p, tools.group('go', p));
  else if (LLVM_DIR.test(p) && isRegular(files.get(p + '/bin/clang'))) tools.subtrees.set(p, tools.group('clang', p));
  else if (p === '/usr/local/rustup' || p === '/usr/lib/rustlib') tools.subtrees.set(p, tools.group('rust', p));
  else if (p.endsWith('/dotnet/sdk')) {
    const root = dirname(p);
    const g = tools.group('dotnet', root);
    for (const part of DOTNET_SDK_PARTS) if (isDir(files, `${root}/${part}`)) tools.subtrees.set(`${root}/${part}`, g);
  } else return false;
  return true;
}

/**
 * A file in a bin directory: a Go toolchain's or a JDK's (their trees are added), or a loose compiler or
 * linker, whose family is returned (placed once every directory is known).
 */
function findToolBinary(tools: ToolLocations, files: ReadonlyMap<string, FileEntry>, p: string): ToolKind | null {
  const name = basename(p);
  const dir = dirname(p);
  if (name === 'go') {
    // a Go toolchain: <root>/bin/go next to <root>/pkg/tool (a program merely named "go" is not one)
    const root = dirname(dir);
    if (isDir(files, root + '/pkg/tool')) tools.subtrees.set(root, tools.group('go', root));
  } else if (name === 'javac') {
    const root = dirname(dir);
    const g = tools.group('jdk', root);
    for (const part of JDK_ONLY) {
      const q = `${root}/${part}`;
      const qe = files.get(q);
      if (qe?.type === 'dir') tools.subtrees.set(q, g);
      else if (isRegular(qe)) tools.singles.set(q, g);
    }
    for (const [q, qe] of files) if (dirname(q) === dir && isRegular(qe) && !JRE_BINARIES.has(basename(q))) tools.singles.set(q, g);
  } else {
    const m = LOOSE_BINARY.exec(name);
    if (m !== null) return FAMILY[m[1]!]!;
  }
  return null;
}

/** Pass 2: each file's bytes to its tool (the outermost matching directory wins, so nested roots never double-count). */
function countBytes(files: ReadonlyMap<string, FileEntry>, tools: ToolLocations): void {
  for (const [p, e] of files) {
    if (e.type !== 'file' && e.type !== 'hardlink') continue;
    let g: Group | undefined;
    for (const a of ancestors(p)) if ((g = tools.subtrees.get(a)) !== undefined) break;
    g ??= tools.singles.get(p);
    g?.bytes.add(e.layer, e.size);
  }
}

function devPackages(model: ImageModel, captured: ReadonlyMap<string, Buffer>): ToolingEntry[] {
  const out: ToolingEntry[] = [];
  const dbs: [string, (text: string) => InstalledPackage[]][] = [
    [DPKG_STATUS, parseDpkgStatus],
    [APK_INSTALLED, parseApkInstalled],
  ];
  for (const [path, parse] of dbs) {
    const buf = captured.get(path);
    const entry = model.files.get(path);
    if (buf === undefined || !isRegular(entry)) continue; // a db deleted in a later layer is not the final state
    const layer = entry!.layer;
    for (const pkg of parse(buf.toString('utf8'))) {
      if (isDevPackage(pkg.name)) out.push({ tool: 'dev-package', path: `${pkg.manager}:${pkg.name}`, bytes: pkg.bytes, layer });
    }
  }
  return out;
}

/** Evidence entries (capped) and the list used in messages ("/usr/lib/gcc, /usr/include and 3 more"). */
export function toolingEvidence(ctx: FindingContext, scan: ToolingScan): { evidence: DetectedFinding['evidence']; list: string } {
  const shown = scan.entries.slice(0, Math.max(0, ctx.thresholds.maxEvidence));
  return {
    evidence: shown.map((e) => evidence(ctx.model, e.path, e.bytes, e.layer)),
    list: listWithMore(
      shown.map((e) => e.path),
      scan.entries.length,
    ),
  };
}

export function detectBuildTools(ctx: FindingContext): DetectedFinding | null {
  if (ctx.dockerfile !== null && ctx.dockerfile.singleStage) return null; // missing-multi-stage's case
  const scan = scanTooling(ctx);
  if (scan.entries.length === 0 || scan.bytes < ctx.thresholds.buildToolsMinBytes) return null;
  const { evidence: ev, list } = toolingEvidence(ctx, scan);
  const fix =
    ctx.dockerfile === null
      ? 'build in a separate stage and copy only the artefacts into the final one'
      : 'install them only in the build stage and copy only the artefacts into the final one';
  return {
    id: 'build-tools',
    message: `The final image carries ${formatBytes(scan.bytes)} of build tooling (${list}${toolingPackagesClause(ctx, scan)}): ${fix}.`,
    bytes: scan.bytes,
    evidence: ev,
    dockerfile: locationOf(ctx, scan.entries[0]!.layer),
  };
}
