// Where package managers keep their caches: the directories `package-cache` counts, whether their bytes are in
// the final filesystem or in a layer below a later delete. One list, so both count the same paths.

export interface CacheDir {
  dir: string;
  /** Which files under `dir` are cache (path relative to dir, no leading slash); all when absent. */
  counts?: (rel: string) => boolean;
  /** The command that empties it (for the message): always an rm -rf, which works in any image. */
  clean: string;
}

/** Per-user caches, relative to a home directory (/root, /home/<user>). */
const HOME_CACHES = ['.cache/pip', '.npm', '.cache/yarn', '.yarn/berry/cache', '.cache/go-build', 'go/pkg/mod', '.m2/repository', '.gradle/caches', '.cargo/registry'];

/** The caches at fixed places (some nest: a file belongs to the innermost, /var/cache/apt/archives before /var/cache/apt). */
export const FIXED_CACHES: readonly CacheDir[] = [
  // lists fetched by apt-get update; the lock file and partial/ are apt's own furniture
  { dir: '/var/lib/apt/lists', counts: (rel) => rel !== 'lock', clean: 'rm -rf /var/lib/apt/lists/*' },
  { dir: '/var/cache/apt/archives', counts: (rel) => rel.endsWith('.deb'), clean: 'rm -rf /var/cache/apt/archives/*.deb' },
  // pkgcache.bin / srcpkgcache.bin directly in /var/cache/apt (archives/ is its own entry)
  { dir: '/var/cache/apt', counts: (rel) => !rel.includes('/') && rel.endsWith('.bin'), clean: 'rm -rf /var/cache/apt/*.bin' },
  { dir: '/var/cache/apk', clean: 'rm -rf /var/cache/apk/*' },
  { dir: '/usr/local/share/.cache/yarn', clean: 'rm -rf /usr/local/share/.cache/yarn' }, // yarn v1's cache when run as root by the node image
  { dir: '/go/pkg/mod', clean: 'rm -rf /go/pkg/mod' }, // the golang image's GOPATH is /go
  { dir: '/usr/local/cargo/registry', clean: 'rm -rf /usr/local/cargo/registry' }, // the rust image's CARGO_HOME
];

/** The caches under one home directory. */
export function homeCaches(home: string): CacheDir[] {
  return HOME_CACHES.map((sub) => ({ dir: `${home}/${sub}`, clean: `rm -rf ${home}/${sub}` }));
}

/** A home directory a path lies in: /root or /home/<user>; null otherwise. */
function homeOf(path: string): string | null {
  if (path.startsWith('/root/')) return '/root';
  if (!path.startsWith('/home/')) return null;
  const end = path.indexOf('/', 6);
  return end > 6 ? path.slice(0, end) : null;
}

const within = (path: string, dir: string): boolean => path.length > dir.length + 1 && path.startsWith(dir) && path.charCodeAt(dir.length) === 0x2f;

/**
 * The cache a file path belongs to, judged by the path alone (the file may be long deleted): the innermost cache
 * directory holding it, when the file counts as cache there; else null (apt's lock file, a note beside the cache).
 */
export function cacheOf(path: string): CacheDir | null {
  const home = homeOf(path);
  const candidates = home === null ? FIXED_CACHES : [...homeCaches(home), ...FIXED_CACHES];
  let best: CacheDir | null = null;
  for (const c of candidates) if (within(path, c.dir) && (best === null || c.dir.length > best.dir.length)) best = c;
  if (best === null) return null;
  return best.counts === undefined || best.counts(path.slice(best.dir.length + 1)) ? best : null;
}
