// Runs jest with what it needs for ESM (--experimental-vm-modules), serially: the integration suites share one
// Docker engine. Extra arguments go to jest (e.g. --selectProjects unit, a test path pattern).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 15)) {
  console.error(`image-size-guard tests need Node.js >= 22.15 (24 recommended); this is ${process.version}`);
  process.exit(2);
}
const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const r = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', jest, '--runInBand', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
