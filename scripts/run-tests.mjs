// Runs the test suites with Node's test runner (TypeScript through tsx).
//   node scripts/run-tests.mjs            unit + integration (integration needs Docker with buildx: fails loudly without)
//   node scripts/run-tests.mjs unit       unit tests only
import { spawnSync } from 'node:child_process';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 15)) {
  console.error(`image-size-guard tests need Node.js >= 22.15 (24 recommended); this is ${process.version}`);
  process.exit(2);
}
const which = process.argv[2] ?? 'all';
const globs = which === 'unit' ? ['__tests__/unit/**/*.test.ts'] : which === 'integration' ? ['__tests__/integration/**/*.test.ts'] : ['__tests__/unit/**/*.test.ts', '__tests__/integration/**/*.test.ts'];
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...globs], { stdio: 'inherit' });
process.exit(r.status ?? 1);
