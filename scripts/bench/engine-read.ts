// The engine-read part of `npm run bench` (issue 20): the product reads `docker save`'s archive from the
// engine's unix socket with a hand-rolled HTTP/1.1 client (src/sources/engine-save.ts); undici, already a
// dependency, can do the same (`new Client('http://localhost', { socketPath })`). Both read the bench image's
// archive, each in a process of its own (so user CPU is the read's alone, not the bench's), the body consumed
// the same way (`for await` over its pieces, bytes counted and dropped); rounds alternate which goes first;
// medians of wall time and user CPU, side by side. Nothing is asserted: this prints.
//
// Flipping the product to undici: the `undici` reader below has the shape saveFromEngine gives its callers
// (the body's pieces and close()); engineGet in engine-save.ts would open the request the same way, keeping
// its status handling and the last pieces for failureInBody (the engine's error appended to a 200 stream).
// Run alone: node --import tsx scripts/bench/engine-read.ts [IMAGE] (ISG_BENCH_ROUNDS, default 3).

import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client } from 'undici';
import { engineSocket, saveFromEngine } from '../../src/sources/engine-save.js';
import { median } from './timed-run.js';

/** One way to read the archive of `ref` from the engine listening on `socketPath`. */
export interface ArchiveReader {
  label: string;
  open(socketPath: string, ref: string): Promise<{ body: AsyncIterable<Buffer>; close(): void }>;
}

export const READERS: Record<string, ArchiveReader> = {
  'hand-rolled': {
    label: 'hand-rolled client (sources/engine-save.ts)',
    async open(socketPath, ref) {
      const archive = await saveFromEngine(socketPath, ref);
      return { body: archive.body, close: () => archive.close() };
    },
  },
  undici: {
    label: "undici Client('http://localhost', { socketPath })",
    async open(socketPath, ref) {
      const client = new Client('http://localhost', { socketPath });
      try {
        // the same request as the hand-rolled client's: unversioned, the name escaped as one query value
        const res = await client.request({ path: `/images/get?names=${encodeURIComponent(ref)}`, method: 'GET' });
        if (res.statusCode !== 200) throw new Error(`the engine answered ${res.statusCode}: ${(await res.body.text()).trim()}`);
        return { body: res.body as AsyncIterable<Buffer>, close: () => void client.destroy().catch(() => undefined) };
      } catch (err) {
        await client.destroy().catch(() => undefined);
        throw err;
      }
    },
  },
};

interface ReadFigures {
  bytes: number;
  wallMs: number;
  userMs: number;
  systemMs: number;
}

/** In the child: one read, from the request to the body's last byte, measured from inside. */
async function readOnce(reader: ArchiveReader, socketPath: string, ref: string): Promise<ReadFigures> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const archive = await reader.open(socketPath, ref);
  let bytes = 0;
  try {
    for await (const piece of archive.body) bytes += piece.length;
  } finally {
    archive.close();
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { bytes, wallMs, userMs: cpu.user / 1000, systemMs: cpu.system / 1000 };
}

/** In the bench: one read by `reader` in a fresh process. */
function readInChild(reader: string, socketPath: string, ref: string): Promise<ReadFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--read', reader, socketPath, ref], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as ReadFigures) : reject(new Error(`the ${reader} read failed (${code}): ${err.trim()}`))));
  });
}

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** The side-by-side lines for `npm run bench`. */
export async function engineReadBench(ref: string, rounds: number): Promise<string[]> {
  const socketPath = engineSocket();
  if (!socketPath) return [`engine read: skipped (the docker CLI does not talk to a unix socket here: DOCKER_HOST, a context or DOCKER_PATH)`];
  const names = Object.keys(READERS);
  const runs = new Map<string, ReadFigures[]>(names.map((n) => [n, []]));
  for (const name of names) await readInChild(name, socketPath, ref); // warm-up: both read from a warm page cache
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? names : [...names].reverse();
    for (const name of order) runs.get(name)!.push(await readInChild(name, socketPath, ref));
    process.stderr.write(`bench: engine read round ${i + 1}/${rounds}: ${order.map((n) => `${n} ${s(runs.get(n)!.at(-1)!.wallMs)}`).join(', ')}\n`);
  }
  const med = (name: string, key: keyof ReadFigures): number => median(runs.get(name)!.map((r) => r[key]));
  const sizes = new Set(names.flatMap((n) => runs.get(n)!.map((r) => r.bytes)));
  const lines = [
    `engine read of ${ref} from ${socketPath}: ${[...sizes].map((b) => `${(b / 2 ** 20).toFixed(1)} MiB`).join(' / ')}${sizes.size > 1 ? ' (the readers got different sizes!)' : ''}, medians of ${rounds} rounds, one process per read`,
    ...names.map((n) => `  ${READERS[n]!.label.padEnd(52)} wall ${s(med(n, 'wallMs'))}   user CPU ${s(med(n, 'userMs'))}   system CPU ${s(med(n, 'systemMs'))}`),
  ];
  const [hand, other] = names as [string, string];
  lines.push(`  ${other} / ${hand}: wall ${(med(other, 'wallMs') / med(hand, 'wallMs')).toFixed(3)}×, user CPU ${(med(other, 'userMs') / med(hand, 'userMs')).toFixed(3)}×`);
  return lines;
}

const self = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (self && process.argv[2] === '--read') {
  const [name, socketPath, ref] = process.argv.slice(3) as [string, string, string];
  const reader = READERS[name];
  if (!reader) throw new Error(`no reader ${name}`);
  readOnce(reader, socketPath, ref).then((f) => process.stdout.write(JSON.stringify(f)));
} else if (self) {
  engineReadBench(process.argv[2] ?? 'isg-bench/synthetic:v1', Number(process.env.ISG_BENCH_ROUNDS ?? 3)).then(
    (lines) => process.stdout.write(lines.join('\n') + '\n'),
    (err: Error) => {
      process.stderr.write(`bench: error: ${err.message}\n`);
      process.exitCode = 2;
    },
  );
}
