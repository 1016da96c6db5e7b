// npm run demo: builds the example in examples/hello with docker buildx and prints its report.
// Needs only Docker with buildx; uses the committed dist/ bundle.
import { spawnSync } from 'node:child_process';

const tag = 'image-size-guard-demo/hello:latest';
const docker = process.env.DOCKER_PATH || 'docker';

function run(cmd, args, what, stdout = 'inherit') {
  const r = spawnSync(cmd, args, { stdio: ['ignore', stdout, 'inherit'] });
  if (r.error || r.status !== 0) {
    console.error(`demo: ${what} failed${r.error ? `: ${r.error.message}` : ''}`);
    process.exit(2);
  }
}

console.error(`demo: docker buildx build -t ${tag} examples/hello`);
run(docker, ['buildx', 'build', '--progress=quiet', '--load', '-t', tag, 'examples/hello'], 'building the example (is Docker with buildx running?)', 2);
console.error(`demo: image-size-guard inspect ${tag}\n`);
run(process.execPath, ['dist/cli/index.js', 'inspect', tag], 'inspect');
