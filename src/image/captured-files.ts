// The few files whose content the reader keeps while the layers stream by: the package databases (dpkg's
// status and per-package file lists, apk's installed db, Python's dist-info RECORDs, npm's package.json).
// Everything else is skipped unread. Each kind has a size cap, a layer has a total cap, and a package.json is
// kept only as its name and version: an image can hold tens of thousands of them.

export const DPKG_STATUS = '/var/lib/dpkg/status';
export const DPKG_INFO_DIR = '/var/lib/dpkg/info/';
export const APK_INSTALLED = '/lib/apk/db/installed';

const MiB = 1 << 20;
/** Real status files and apk dbs are a few MB; .list files and RECORDs rarely pass 2 MB; package.json files KBs. */
const DB_CAP = 32 * MiB;
const LIST_CAP = 8 * MiB;
const MANIFEST_CAP = 1 * MiB;
/** What one layer may keep in all: bounds memory on a hostile image full of look-alike files. */
export const LAYER_CAPTURE_CAP = 96 * MiB;

/** The largest content kept for `path` (absolute, normalised), or 0 when the path is not captured. */
export function captureLimit(path: string): number {
  // cheapest tests first: this runs for every entry of every layer
  if (path.endsWith('.list')) return isDpkgList(path) ? LIST_CAP : 0;
  if (path.endsWith('/RECORD')) return isDistInfoRecord(path) ? LIST_CAP : 0;
  if (path.endsWith('/package.json')) return isNodeModulesManifest(path) ? MANIFEST_CAP : 0;
  return path === DPKG_STATUS || path === APK_INSTALLED ? DB_CAP : 0;
}

/** /var/lib/dpkg/info/<package>[:<arch>].list */
export function isDpkgList(path: string): boolean {
  return path.startsWith(DPKG_INFO_DIR) && path.indexOf('/', DPKG_INFO_DIR.length) < 0 && path.length > DPKG_INFO_DIR.length + 5;
}

/** …/site-packages/<name>-<version>.dist-info/RECORD (or dist-packages, Debian's name for it). */
export function isDistInfoRecord(path: string): boolean {
  const dirEnd = path.length - '/RECORD'.length;
  const dirStart = path.lastIndexOf('/', dirEnd - 1);
  if (dirStart < 0 || !path.startsWith('.dist-info', dirEnd - '.dist-info'.length) || dirEnd - dirStart <= '.dist-info'.length + 1) return false;
  const parent = path.slice(path.lastIndexOf('/', dirStart - 1) + 1, dirStart);
  return parent === 'site-packages' || parent === 'dist-packages';
}

/** …/node_modules/<name>/package.json or …/node_modules/@<scope>/<name>/package.json */
export function isNodeModulesManifest(path: string): boolean {
  const nameEnd = path.length - '/package.json'.length;
  const nameStart = path.lastIndexOf('/', nameEnd - 1) + 1;
  if (nameStart <= 0 || nameEnd <= nameStart || path[nameStart] === '.' || path[nameStart] === '@') return false;
  let parentEnd = nameStart - 1;
  let parentStart = path.lastIndexOf('/', parentEnd - 1) + 1;
  if (path[parentStart] === '@') {
    if (parentEnd - parentStart < 2) return false;
    parentEnd = parentStart - 1;
    parentStart = path.lastIndexOf('/', parentEnd - 1) + 1;
  }
  return parentStart > 0 && path.slice(parentStart, parentEnd) === 'node_modules';
}

/**
 * The form a captured file is kept in: databases as they are, a package.json as "name\nversion" (null when
 * it is not JSON or has no usable name: then nothing is kept for that path).
 */
export function compactCapture(path: string, content: Buffer): Buffer | null {
  if (!path.endsWith('/package.json')) return content;
  const m = parseManifest(content);
  return m === null ? null : Buffer.from(`${m.name}\n${m.version}`, 'utf8');
}

export interface NpmManifest {
  name: string;
  version: string;
}

/** Reads back what compactCapture kept for a package.json. */
export function decodeManifest(kept: Buffer): NpmManifest {
  const text = kept.toString('utf8');
  const nl = text.indexOf('\n');
  return nl < 0 ? { name: text, version: '' } : { name: text.slice(0, nl), version: text.slice(nl + 1) };
}

// npm caps names at 214 characters; versions are semver strings. Longer values are not real packages.
const MAX_NAME = 214;
const MAX_VERSION = 256;

function parseManifest(content: Buffer): NpmManifest | null {
  let doc: unknown;
  try {
    doc = JSON.parse(content.toString('utf8').replace(/^\uFEFF/, '')); // npm tolerates a byte-order mark too
  } catch {
    return null;
  }
  if (typeof doc !== 'object' || doc === null) return null;
  const { name, version } = doc as { name?: unknown; version?: unknown };
  if (typeof name !== 'string' || name === '' || name.length > MAX_NAME || /[\n\r\0]/.test(name)) return null;
  const v = typeof version === 'string' && version.length <= MAX_VERSION && !/[\n\r\0]/.test(version) ? version : '';
  return { name, version: v };
}

/**
 * The content each captured path has in the final filesystem: the copy of the layer that last wrote it
 * (`layerOf` says which, null when the path is not a regular file there).
 */
export function finalCaptures(perLayer: readonly Map<string, Buffer>[], layerOf: (path: string) => number | null): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  perLayer.forEach((captured, index) => {
    for (const [path, content] of captured) if (layerOf(path) === index) out.set(path, content);
  });
  return out;
}
