// Finding `shell`: the final filesystem contains an executable shell, or a link to one.

import type { FileEntry, ImageConfigSummary } from '../../image/types.js';
import { formatBytes } from '../../lib/format.js';
import type { DetectedFinding, Evidence, FindingContext } from './context.js';
import { basename, contentEntry, evidence, listWithMore, locationOf, resolveInImage } from './util.js';

const SHELL_NAMES = ['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'yash', 'fish', 'csh', 'tcsh', 'busybox', 'toybox'];

/**
 * A shell's file name: one of SHELL_NAMES, optionally followed by a version, with or without a dash
 * ("bash5.2", "ksh93", "zsh-5.9", "busybox-1.36"), as distributions install versioned copies under
 * those names. Nothing else: "shasum", "bash.bashrc", "sh.distrib" are not shells.
 */
const SHELL_NAME = new RegExp(`^(?:${SHELL_NAMES.join('|')})(?:-?\\d+(?:\\.\\d+)*)?$`);

export function isShellName(name: string): boolean {
  return SHELL_NAME.test(name);
}

const isExecutable = (e: FileEntry): boolean => (e.type === 'file' || e.type === 'hardlink') && (e.mode & 0o111) !== 0;

export interface ShellScan {
  /** Every path that is, or links to, a shell: binaries first, then shell-named links, then other links. */
  paths: FileEntry[];
  /** Bytes of the distinct shell binaries (hardlinked names count once). */
  bytes: number;
}

export function scanShells(files: ReadonlyMap<string, FileEntry>): ShellScan {
  const binaries = new Map<string, FileEntry>(); // content path → entry holding the content
  const found: { e: FileEntry; rank: number }[] = [];
  for (const e of files.values()) {
    const named = isShellName(basename(e.path));
    if (e.type === 'file' || e.type === 'hardlink') {
      if (!named || !isExecutable(e)) continue;
      const c = contentEntry(files, e);
      binaries.set(c.path, c);
      found.push({ e, rank: 0 });
    } else if (e.type === 'symlink') {
      const target = resolveInImage(files, e.path);
      if (target === null || !isExecutable(target)) continue;
      // A link counts when it reaches a shell binary (busybox applets: /bin/ls -> busybox), or when it
      // is itself named like a shell (/bin/sh -> /usr/bin/some-shell): either way it runs a shell.
      if (!named && !isShellName(basename(target.path))) continue;
      const c = contentEntry(files, target);
      binaries.set(c.path, c);
      found.push({ e, rank: named ? 1 : 2 });
    }
  }
  // a binary reached only through a link (not itself shell-named) is evidence too
  const listed = new Set(found.map((f) => f.e.path));
  for (const b of binaries.values()) if (!listed.has(b.path)) found.push({ e: b, rank: 0 });
  found.sort((a, b) => a.rank - b.rank || (a.e.path < b.e.path ? -1 : a.e.path > b.e.path ? 1 : 0));
  let bytes = 0;
  for (const b of binaries.values()) bytes += b.size;
  return { paths: found.map((f) => f.e), bytes };
}

/** ["/bin/sh", "-c", …] — how Docker stores shell-form ENTRYPOINT/CMD (also bash -c, sh -c, …). */
function isShellForm(argv: readonly string[] | null): boolean {
  return argv !== null && argv.length >= 2 && isShellName(basename(argv[0]!)) && argv[1] === '-c';
}

/** The config entries that would break without a shell, e.g. "CMD runs through /bin/sh -c". */
export function shellFormNotes(config: Pick<ImageConfigSummary, 'entrypoint' | 'cmd' | 'healthcheck'>): string[] {
  const notes: string[] = [];
  if (isShellForm(config.entrypoint)) notes.push(`ENTRYPOINT runs through ${config.entrypoint![0]} -c`);
  // a shell-form ENTRYPOINT ignores CMD; otherwise CMD is the command (or the entrypoint's arguments)
  else if (isShellForm(config.cmd)) notes.push(`CMD runs through ${config.cmd![0]} -c`);
  const hc = config.healthcheck;
  if (hc !== null && hc[0] === 'CMD-SHELL') notes.push('HEALTHCHECK runs through /bin/sh -c');
  else if (hc !== null && hc[0] === 'CMD' && isShellForm(hc.slice(1))) notes.push(`HEALTHCHECK runs through ${hc[1]!} -c`);
  return notes;
}

export function detectShell(ctx: FindingContext): DetectedFinding | null {
  const { model, thresholds } = ctx;
  const scan = scanShells(model.files);
  if (scan.paths.length === 0) return null;
  const shown = scan.paths.slice(0, Math.max(0, thresholds.maxEvidence));
  const ev: Evidence[] = shown.map((e) => evidence(model, e.path, e.size, e.layer));
  const notes = shellFormNotes(model.config);
  const where = listWithMore(
    shown.map((e) => e.path),
    scan.paths.length,
  );
  let message = `The image contains a shell (${formatBytes(scan.bytes)}): ${where}`;
  message += notes.length > 0 ? `; ${notes.join(', ')}: removing the shell breaks ${notes.length > 1 ? 'them' : 'it'}.` : '.';
  // the layer that added the (biggest) shell binary
  const main = scan.paths[0]!;
  return {
    id: 'shell',
    message,
    bytes: scan.bytes,
    evidence: ev,
    dockerfile: locationOf(ctx, main.layer),
  };
}
