// npm run demo: a before/after comparison on the bundled example.
// Makes a small git history in a temporary directory — commit 1 builds examples/go-hello single-stage,
// commit 2 (the "PR") turns it multi-stage — then runs `image-size-guard compare --base HEAD~1` there
// with the committed dist/ bundle, and prints the text report. Needs only Docker with buildx.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const example = join(root, 'examples/go-hello');
const docker = process.env.DOCKER_PATH || 'docker';
// Machines without a registry (like this project's CI) have a local Go image; elsewhere the official one is pulled.
const localGo = 'isg/golang:bookworm';
const haveLocalGo = spawnSync(docker, ['image', 'inspect', localGo], { stdio: 'ignore' }).status === 0;
const goImage = process.env.GO_IMAGE || (haveLocalGo ? localGo : 'golang:1.23-bookworm');

const dir = mkdtempSync(join(tmpdir(), 'isg-demo-'));
const git = (...args) => {
  const r = spawnSync('git', args, {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, GIT_AUTHOR_NAME: 'demo', GIT_AUTHOR_EMAIL: 'demo@example.com', GIT_COMMITTER_NAME: 'demo', GIT_COMMITTER_EMAIL: 'demo@example.com' },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed`);
};

let status = 2;
try {
  git('init', '-q', '-b', 'main');
  copyFileSync(join(example, 'main.go'), join(dir, 'main.go'));
  copyFileSync(join(example, 'Dockerfile.single-stage'), join(dir, 'Dockerfile'));
  git('add', '-A');
  git('commit', '-q', '-m', 'single-stage build');
  copyFileSync(join(example, 'Dockerfile.multi-stage'), join(dir, 'Dockerfile'));
  git('commit', '-q', '-am', 'multi-stage build');
  console.error(`demo: ${dir}: compare --base HEAD~1 (single-stage → multi-stage, FROM ${goImage})\n`);
  const r = spawnSync(
    process.execPath,
    [join(root, 'dist/cli/index.js'), 'compare', '--base', 'HEAD~1', '--build-arg', `GO_IMAGE=${goImage}`, '--max-size', '250MB'],
    { cwd: dir, stdio: 'inherit' },
  );
  status = r.status ?? 2;
} catch (err) {
  console.error(`demo: ${err.message}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
