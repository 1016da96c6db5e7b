// apk's database, /lib/apk/db/installed: one block per package with P: (name), V: (version), and its files
// as F: (a directory, relative to /) followed by R: (a file in it) lines.

export interface ApkPackage {
  name: string;
  version: string;
  /** Absolute paths of the package's files. */
  files: string[];
}

const MAX_VALUE = 1024;

export function parseApkInstalled(text: string): ApkPackage[] {
  const out: ApkPackage[] = [];
  let pkg: ApkPackage | null = null;
  let dir = '';
  const flush = (): void => {
    if (pkg !== null && pkg.name !== '') out.push(pkg);
    pkg = null;
    dir = '';
  };
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') {
      flush();
      continue;
    }
    if (line.length < 2 || line[1] !== ':') continue;
    const value = line.slice(2);
    pkg ??= { name: '', version: '', files: [] };
    switch (line[0]) {
      case 'P':
        pkg.name = value.trim().slice(0, MAX_VALUE);
        break;
      case 'V':
        pkg.version = value.trim().slice(0, MAX_VALUE);
        break;
      case 'F':
        dir = value.replace(/^\/+|\/+$/g, '');
        break;
      case 'R':
        if (value !== '' && !value.includes('/')) pkg.files.push(dir === '' ? `/${value}` : `/${dir}/${value}`);
        break;
    }
  }
  flush();
  return out;
}
