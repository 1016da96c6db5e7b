// What a pull request changed: the paths that differ between the base commit and the head (a commit, or the
// working tree), and a file's content at a commit. Used to leave out images the change cannot have touched.

import { oneLine } from '../lib/one-line.js';
import { lastLine, runCommand } from '../exec/exec.js';
import { GitError, resolveCommit } from './worktree.js';

export interface ChangedFiles {
  /** The base commit (full SHA). */
  base: string;
  /** Repository-relative POSIX paths added, removed or modified (renames count as both paths). */
  paths: Set<string>;
}

function nulList(text: string): string[] {
  return text.split('\0').filter(Boolean);
}

/**
 * Paths that differ between `baseRef` and `headRef`, or the working tree when headRef is undefined. Against the
 * working tree, untracked files count too — also ignored ones: a build context holds whatever is on disk, and
 * the base's checkout has none of them.
 */
export async function changedFiles(root: string, baseRef: string, headRef: string | undefined): Promise<ChangedFiles> {
  const base = await resolveCommit(root, baseRef);
  const head = headRef === undefined ? [] : [await resolveCommit(root, headRef)];
  // porcelain diff (not diff-index): it refreshes stat information first, so a touched file is not "changed"
  const diff = await runCommand('git', ['-c', 'core.quotePath=false', 'diff', '--name-only', '--no-renames', '--no-ext-diff', '-z', base, ...head, '--'], { cwd: root });
  if (diff.code !== 0) throw new GitError(`git diff ${oneLine(baseRef)} failed: ${lastLine(diff.stderr, 'unknown error')}`);
  const paths = new Set(nulList(diff.stdout));
  if (headRef === undefined) {
    const untracked = await runCommand('git', ['ls-files', '--others', '-z'], { cwd: root });
    if (untracked.code !== 0) throw new GitError(`git ls-files failed: ${lastLine(untracked.stderr, 'unknown error')}`);
    for (const p of nulList(untracked.stdout)) paths.add(p);
  }
  return { base, paths };
}

/** A file's text at a commit, or null when the commit does not have it. */
export async function fileAtCommit(root: string, commit: string, path: string): Promise<string | null> {
  const r = await runCommand('git', ['show', `${commit}:${path}`], { cwd: root });
  return r.code === 0 ? r.stdout : null;
}
