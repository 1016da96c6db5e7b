// How peak RSS grows with the file count: `inspect ARCHIVE --compressed-size off` (no docker save, no
// estimate: the reader and the final filesystem alone) on archives of the scale images' shape with 100k,
// 200k and 400k files, and the slope of a least-squares line through the points.
//   node --import tsx scripts/bench/rss-per-file.ts [dist/cli/index.js …]   (several CLIs: side by side)

import { spawnSync } from 'node:child_process';
import { createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeScaleArchive, type ScaleLayer } from './make-scale-image.js';

const COUNTS = [100_000, 200_000, 400_000];
const clis = process.argv.slice(2).length ? process.argv.slice(2) : ['dist/cli/index.js'];

async function archive(files: number): Promise<string> {
  const path = join(tmpdir(), `isg-rss-${files}-${process.pid}.tar`);
  const layers: ScaleLayer[] = Array.from({ length: files / 100_000 }, (_, i) => ({ name: `p${i}`, files: 100_000, avgFileBytes: 600 }));
  const out = createWriteStream(path);
  await writeScaleArchive(out, 'rss:test', layers);
  out.end();
  await once(out, 'close');
  return path;
}

function peak(cli: string, file: string): number {
  const r = spawnSync(process.execPath, [cli, 'inspect', file, '--compressed-size', 'off', '--format', 'json', '--output', '/dev/null'], {
    env: { ...process.env, ISG_STATS: '1' },
    encoding: 'utf8',
  });
  const m = /maxRSS=(\d+)/.exec(r.stderr);
  if (r.status! > 1 || !m) throw new Error(`${cli} failed: ${r.stderr}`);
  return (Number(m[1]) * 1024) / 2 ** 20;
}

const files = await Promise.all(COUNTS.map(archive));
try {
  for (const cli of clis) {
    const mib = COUNTS.map((_, i) => peak(cli, files[i] as string));
    const mx = COUNTS.reduce((a, b) => a + b, 0) / COUNTS.length;
    const my = mib.reduce((a, b) => a + b, 0) / mib.length;
    const slope = COUNTS.reduce((s, x, i) => s + (x - mx) * ((mib[i] as number) - my), 0) / COUNTS.reduce((s, x) => s + (x - mx) ** 2, 0);
    const points = COUNTS.map((n, i) => `${n / 1000}k: ${(mib[i] as number).toFixed(1)} MiB`).join(', ');
    process.stdout.write(`${cli}: peak RSS ${points}; growth ${((slope * 2 ** 20) / 1).toFixed(0)} bytes per file, intercept ${(my - slope * mx).toFixed(0)} MiB\n`);
  }
} finally {
  for (const f of files) rmSync(f, { force: true });
}
