// Installed-package databases, from the captured final content of dpkg's status file and apk's db.

export interface InstalledPackage {
  manager: 'dpkg' | 'apk';
  name: string;
  /** Installed size in bytes (dpkg records KiB: ×1024). */
  bytes: number;
}

export { APK_INSTALLED, DPKG_STATUS } from '../../image/captured-files.js';

/** Packages of /var/lib/dpkg/status whose Status is "<want> ok installed" (removed/config-files ones are not). */
export function parseDpkgStatus(text: string): InstalledPackage[] {
  const out: InstalledPackage[] = [];
  for (const stanza of text.split(/\r?\n[ \t]*\r?\n/)) {
    let name: string | null = null;
    let installed = false;
    let kib = 0;
    for (const line of stanza.split(/\r?\n/)) {
      if (line.startsWith(' ') || line.startsWith('\t')) continue; // continuation of a multi-line field
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const field = line.slice(0, colon).toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (field === 'package') name = value;
      else if (field === 'status') installed = /^\S+\s+ok\s+installed$/.test(value);
      else if (field === 'installed-size') kib = /^\d+$/.test(value) ? Number(value) : 0;
    }
    if (name !== null && installed) out.push({ manager: 'dpkg', name, bytes: kib * 1024 });
  }
  return out;
}

/** Packages of /lib/apk/db/installed ("P:" name, "I:" installed size in bytes); every entry is installed. */
export function parseApkInstalled(text: string): InstalledPackage[] {
  const out: InstalledPackage[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    let name: string | null = null;
    let bytes = 0;
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('P:')) name = line.slice(2).trim();
      else if (line.startsWith('I:')) bytes = /^\d+$/.test(line.slice(2).trim()) ? Number(line.slice(2).trim()) : 0;
    }
    if (name) out.push({ manager: 'apk', name, bytes });
  }
  return out;
}

/** Development packages: names ending in "-dev" (libc6-dev, linux-libc-dev, musl-dev, openssl-dev). */
export const isDevPackage = (name: string): boolean => name.endsWith('-dev') && name.length > 4;
