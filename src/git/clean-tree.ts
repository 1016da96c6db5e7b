// Whether the working tree is exactly a commit where an image's build reads it: HEAD, with nothing modified,
// untracked or ignored in its context and Dockerfile. Only then is a build of the working tree the build of
// that commit (an ignored file in the context is sent to the builder too, and a checkout would lack it).

import { runCommand } from '../exec/exec.js';

/** HEAD's full SHA when the paths (repository-relative) are clean at it; null otherwise. */
export async function cleanCommit(root: string, paths: readonly string[]): Promise<string | null> {
  const head = await runCommand('git', ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: root });
  if (head.code !== 0) return null;
  const status = await runCommand('git', ['status', '--porcelain', '-z', '--ignored', '--untracked-files=all', '--', ...paths.map((p) => `:(literal)${p}`)], { cwd: root });
  return status.code === 0 && status.stdout === '' ? head.stdout.trim() : null;
}
