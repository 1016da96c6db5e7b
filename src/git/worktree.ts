// The base (and an optional head ref) are built from `git worktree add` checkouts in temporary directories,
// fetched first when the clone is shallow or lacks the commit. Worktrees are removed afterwards — also on
// failure and on Ctrl-C.

import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oneLine } from '../lib/one-line.js';
import { registerCleanup } from '../exec/cleanup-on-signal.js';
import { lastLine, runCommand, runSync } from '../exec/exec.js';
import { UserError } from '../model/errors.js';

export class GitError extends UserError {}

export interface Checkout {
  dir: string;
  ref: string;
  sha: string;
  remove(): Promise<void>;
}

async function git(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCommand('git', args, { cwd });
}

export async function repoRoot(cwd: string): Promise<string> {
  const r = await git(cwd, ['rev-parse', '--show-toplevel']).catch(() => null);
  if (!r || r.code !== 0) throw new GitError(`${oneLine(cwd)} is not inside a git repository (needed to build --base)`);
  return r.stdout.trim();
}

/** Resolves ref to a commit, fetching it from origin when it is not here (shallow clones, PR base SHAs). */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  if (ref.startsWith('-')) throw new GitError(`not a git ref: ${oneLine(ref)}`);
  const local = await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (local.code === 0) return local.stdout.trim();
  const shallow = (await git(root, ['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
  const fetch = await git(root, ['fetch', '--no-tags', '--quiet', ...(shallow ? ['--depth=1'] : []), 'origin', ref]);
  if (fetch.code !== 0) {
    throw new GitError(`git ref ${oneLine(ref)} is not in this clone and could not be fetched from origin: ${lastLine(fetch.stderr, 'git fetch failed')}`);
  }
  const fetched = await git(root, ['rev-parse', '--verify', '--quiet', 'FETCH_HEAD^{commit}']);
  if (fetched.code !== 0) throw new GitError(`git ref ${oneLine(ref)} does not name a commit`);
  return fetched.stdout.trim();
}

/** A worktree of ref (`label`: how messages name it, when ref is the SHA it resolved to). */
export async function checkout(root: string, ref: string, label = ref): Promise<Checkout> {
  const sha = await resolveCommit(root, ref);
  const dir = await mkdtemp(join(tmpdir(), 'isg-worktree-'));
  const removeSync = (): void => {
    runSync('git', ['worktree', 'remove', '--force', dir], { cwd: root });
    rmSync(dir, { recursive: true, force: true });
  };
  const unregister = registerCleanup(removeSync);
  const add = await git(root, ['worktree', 'add', '--detach', '--force', dir, sha]);
  if (add.code !== 0) {
    unregister();
    await rm(dir, { recursive: true, force: true });
    throw new GitError(`git worktree add of ${oneLine(label)} failed: ${lastLine(add.stderr, 'unknown error')}`);
  }
  return {
    dir,
    ref: label,
    sha,
    async remove() {
      unregister();
      await git(root, ['worktree', 'remove', '--force', dir]);
      await rm(dir, { recursive: true, force: true });
      await git(root, ['worktree', 'prune']);
    },
  };
}
