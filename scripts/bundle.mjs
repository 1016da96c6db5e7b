// Bundles the action entry (dist/index.js) and the CLI entry (dist/cli/index.js) with ncc.
// Both bundles are ESM because package.json says "type": "module" (ncc silently emits broken CommonJS otherwise).
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';

const ncc = (entry, out) =>
  execFileSync(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', entry, '-o', out, '--license', 'licenses.txt', '-q'], {
    stdio: 'inherit',
  });

rmSync('dist', { recursive: true, force: true });
ncc('src/index.ts', 'dist');
ncc('src/cli.ts', 'dist/cli');
chmodSync('dist/cli/index.js', 0o755);
