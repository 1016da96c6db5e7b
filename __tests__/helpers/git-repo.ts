// Real git repositories for compare tests: each commit writes (or with null, deletes) files.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type Commit = Record<string, string | Buffer | null>;

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'], // a failing git's message goes into the thrown error, not the test log
    env: { ...process.env, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 't@example.com' },
  });
}

/** A repository with one commit per entry (tagged c0, c1, …); the working tree is left at the last one. */
export function makeRepo(commits: Commit[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'isg-repo-'));
  git(dir, 'init', '-q', '-b', 'main');
  commits.forEach((files, i) => {
    for (const [path, content] of Object.entries(files)) {
      const full = join(dir, path);
      if (content === null) rmSync(full, { force: true });
      else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '--allow-empty', '-m', `commit ${i}`);
    git(dir, 'tag', `c${i}`);
  });
  return dir;
}

export function worktreeCount(dir: string): number {
  return git(dir, 'worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree ')).length;
}
