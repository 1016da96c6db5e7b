// dpkg's database: /var/lib/dpkg/status (which packages are installed, their versions) and
// /var/lib/dpkg/info/<package>[:<arch>].list (the paths each one installed).

export interface DpkgPackage {
  name: string;
  /** "amd64", "all"; "" when the stanza has none. */
  arch: string;
  version: string;
}

// Field values longer than this are not real metadata (a Description can be long, but it is never read).
const MAX_VALUE = 1024;

/** Installed packages of a status file: Status "<want> ok installed" (not config-files, half-installed, …). */
export function parseDpkgStatus(text: string): DpkgPackage[] {
  const out: DpkgPackage[] = [];
  let name: string | null = null;
  let arch = '';
  let version = '';
  let installed = false;
  const flush = (): void => {
    if (name !== null && installed && isPackageName(name)) out.push({ name, arch, version });
    name = null;
    arch = version = '';
    installed = false;
  };
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith(' ') || line.startsWith('\t')) continue; // continuation of a multi-line field
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const field = line.slice(0, colon).toLowerCase();
    if (field !== 'package' && field !== 'status' && field !== 'version' && field !== 'architecture') continue;
    const value = line.slice(colon + 1).trim().slice(0, MAX_VALUE);
    if (field === 'package') name = value;
    else if (field === 'status') installed = /^\S+\s+ok\s+installed$/.test(value);
    else if (field === 'version') version = value;
    else arch = value;
  }
  flush();
  return out;
}

/** Debian policy §5.6.1: lower-case letters, digits, + - . ; at least two characters, starting alphanumeric. */
const isPackageName = (name: string): boolean => /^[a-z0-9][a-z0-9+.-]+$/.test(name);

/** The .list files that may hold a package's paths: Multi-Arch "same" packages name theirs with the arch. */
export function listFileNames(pkg: DpkgPackage): string[] {
  return pkg.arch ? [`${pkg.name}:${pkg.arch}`, pkg.name] : [pkg.name];
}

/** The paths of a .list file, one per line ("/." and blank lines dropped); directories are included. */
export function parseDpkgList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.startsWith('/') && line !== '/.') out.push(line);
  }
  return out;
}
