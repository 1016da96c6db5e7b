// Images written by tools no one here wrote: buildah, podman, skopeo and umoci (Debian packages the global setup
// installs). They keep their images in a storage directory of the test (vfs: no overlay mounts needed), and
// build with chroot isolation (no namespaces needed). Their `docker-daemon:` transport speaks API 1.22, which
// Docker 26 refuses: images come to them through `docker save` and `docker-archive:`. And the truth about an image,
// computed with Python's tarfile (image-truth.py), independently of the reader under test.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export const PRODUCERS = ['buildah', 'podman', 'skopeo', 'umoci'] as const;

/** The tools the global setup installs (or names) — checked again here so a suite run alone says so. */
export async function requireProducerTools(): Promise<void> {
  for (const tool of PRODUCERS) {
    await exec(tool, ['--version']).catch(() => {
      throw new Error(`the producer tests need ${tool} (Debian: apt-get install ${PRODUCERS.join(' ')})`);
    });
  }
}

/** Runs a tool; its output, or an error carrying its stderr. */
export async function tool(cmd: string, args: string[], opts: { cwd?: string } = {}): Promise<string> {
  try {
    const { stdout } = await exec(cmd, args, { cwd: opts.cwd, maxBuffer: 1 << 26, timeout: 600_000 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${(e.stderr || e.message).trim().split('\n').slice(-3).join(' | ')}`);
  }
}

/** Storage flags for buildah and podman: their images live under dir, on vfs. */
export function storage(dir: string): string[] {
  return ['--root', join(dir, 'root'), '--runroot', join(dir, 'run'), '--storage-driver', 'vfs'];
}

/** podman without systemd or journald. */
export const PODMAN = ['--cgroup-manager=cgroupfs', '--events-backend=file'];

export interface Truth {
  layers: { size: number; fileCount: number }[];
  size: number;
  fileCount: number;
  wastedBytes: number;
}

/** image-truth.py over a docker-save archive, an OCI archive or an OCI layout (ref: which image in it). */
export async function truthOf(path: string, ref?: string): Promise<Truth> {
  const script = join(process.cwd(), '__tests__', 'helpers', 'image-truth.py');
  return JSON.parse(await tool('python3', [script, path, ...(ref ? [ref] : [])])) as Truth;
}
