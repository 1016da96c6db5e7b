// The compare part of `npm run bench` (issue 11): the seed pair built from a local git history — commit c0 a
// single-stage Go build (`FROM isg/golang:bookworm`, the toolchain ships), the working tree (c1) the same
// program built multi-stage into `FROM scratch` — compared with `compare --base HEAD~1`:
//   cold: --no-cache (the base is checked out, built and read: everything the run needs, done now)
//   warm: the base from the analysis cache (filled once before the rounds), the head built and read
// beside the floor measured in the same run: the two `buildx build --load` + `docker save > /dev/null` a
// comparison needs at least, run at once as compare runs them (and the head's alone, for the warm target).
// BuildKit's cache is warm for both builds before anything is timed (one untimed build of each), so every
// figure is "builds cached", as on a CI runner with a warm builder. Rounds alternate the three; medians.
// Targets: cold ≤ 1.3 × floor, warm ≤ 1.1 × (head build + head read). Nothing is asserted: this prints.
// Run alone: node --import tsx scripts/bench/compare.ts (after npm run build).

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, must, run, type Timed } from './timed-run.js';

const GO_IMAGE = process.env.GO_IMAGE ?? 'isg/golang:bookworm';
const MAIN_GO = 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n';
const SINGLE = [`FROM ${GO_IMAGE}`, 'WORKDIR /src', 'COPY main.go .', 'RUN CGO_ENABLED=0 go build -o /usr/local/bin/hello main.go', 'CMD ["/usr/local/bin/hello"]', ''].join('\n');
const MULTI = [`FROM ${GO_IMAGE} AS build`, 'WORKDIR /src', 'COPY main.go .', 'RUN CGO_ENABLED=0 go build -o /usr/local/bin/hello main.go', '', 'FROM scratch', 'COPY --from=build /usr/local/bin/hello /hello', 'ENTRYPOINT ["/hello"]', ''].join('\n');

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function git(dir: string, ...args: string[]): void {
  execFileSync('git', args, { cwd: dir, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'b@example.com' } });
}

export async function compareBench(docker: string, rounds = Number(process.env.ISG_BENCH_ROUNDS ?? 3)): Promise<string[]> {
  const work = mkdtempSync(join(tmpdir(), 'isg-bench-compare-'));
  const repo = join(work, 'repo');
  const baseCtx = join(work, 'base'); // c0's tree, for the floor's base build (compare checks it out itself)
  const cacheDir = join(work, 'cache');
  const tags = { base: `isg-bench/compare-base:${process.pid}`, head: `isg-bench/compare-head:${process.pid}` };
  const devnull = openSync('/dev/null', 'w');
  const cli = join(process.cwd(), 'dist/cli/index.js');
  try {
    for (const d of [repo, baseCtx]) mkdirSync(d);
    writeFileSync(join(repo, 'main.go'), MAIN_GO);
    writeFileSync(join(repo, 'Dockerfile'), SINGLE);
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'c0: single-stage');
    writeFileSync(join(repo, 'Dockerfile'), MULTI);
    git(repo, 'commit', '-q', '-am', 'c1: multi-stage');
    writeFileSync(join(baseCtx, 'main.go'), MAIN_GO);
    writeFileSync(join(baseCtx, 'Dockerfile'), SINGLE);

    const build = (ctx: string, tag: string): Promise<Timed> => must(run(docker, ['buildx', 'build', '--progress', 'plain', '--load', '-t', tag, ctx]), `buildx build ${tag}`);
    const save = (tag: string): Promise<Timed> => must(run(docker, ['save', tag], { stdoutFd: devnull }), `docker save ${tag}`);
    const side = async (ctx: string, tag: string): Promise<number> => {
      const t0 = performance.now();
      await build(ctx, tag);
      await save(tag);
      return performance.now() - t0;
    };
    const compare = (...flags: string[]): Promise<Timed> =>
      must(run(process.execPath, [cli, 'compare', '--base', 'HEAD~1', '--format', 'json', '--output', '/dev/null', ...flags], { cwd: repo }), `compare ${flags.join(' ')}`);

    process.stderr.write('bench: compare: warming BuildKit\'s cache for both builds and filling the analysis cache…\n');
    await Promise.all([side(baseCtx, tags.base), side(repo, tags.head)]);
    await compare('--cache-dir', cacheDir);
    await save(tags.base); // the page cache warm for the base's layers, as for every timed run below

    const floors: number[] = [];
    const heads: number[] = [];
    const colds: number[] = [];
    const coldsOff: number[] = [];
    const warms: number[] = [];
    let coldLine = '';
    let warmLine = '';
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      await Promise.all([side(baseCtx, tags.base), side(repo, tags.head)]);
      floors.push(performance.now() - t0);
      heads.push(await side(repo, tags.head));
      const cold = await compare('--no-cache');
      colds.push(cold.ms);
      // the same without the gzip estimate of the base's 577 MB of uncompressed layers (issue 11, part 1's cost)
      coldsOff.push((await compare('--no-cache', '--compressed-size', 'off')).ms);
      coldLine = cold.stderr.split('\n').find((l) => l.startsWith('Timings:')) ?? '';
      const warm = await compare('--cache-dir', cacheDir);
      if (!/base cache [\d.]+ s \(from the cache\)/.test(warm.stderr)) throw new Error('the warm compare did not read its base from the cache');
      warms.push(warm.ms);
      warmLine = warm.stderr.split('\n').find((l) => l.startsWith('Timings:')) ?? '';
      process.stderr.write(`bench: compare round ${i + 1}/${rounds}: floor ${s(floors[i]!)}, head floor ${s(heads[i]!)}, cold ${s(cold.ms)} (${s(coldsOff[i]!)} without the estimate), warm ${s(warm.ms)}\n`);
    }
    const floor = median(floors);
    const head = median(heads);
    const cold = median(colds);
    const warm = median(warms);
    return [
      `compare: seed pair (single-stage Go on ${GO_IMAGE} → multi-stage FROM scratch), git history c0 → c1, compare --base HEAD~1; ${rounds} rounds (medians), BuildKit cache warm for both builds`,
      `floor: buildx build --load + docker save > /dev/null, base and head at once   ${s(floor)}   (rounds: ${floors.map(s).join(', ')})`,
      `head alone: buildx build --load + docker save > /dev/null   ${s(head)}`,
      `compare cold (--no-cache: checkout, both builds, both reads)   ${s(cold)}   ratio ${(cold / floor).toFixed(3)} of the floor   (target ≤ 1.3)`,
      `compare cold without the gzip estimate (--compressed-size off)   ${s(median(coldsOff))}   ratio ${(median(coldsOff) / floor).toFixed(3)} of the floor`,
      `compare warm (base from the analysis cache)   ${s(warm)}   ratio ${(warm / head).toFixed(3)} of head build + read   (target ≤ 1.1)`,
      `  last cold: ${coldLine}`,
      `  last warm: ${warmLine}`,
    ];
  } finally {
    closeSync(devnull);
    await run(docker, ['image', 'rm', '-f', tags.base, tags.head]);
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  compareBench(process.env.DOCKER_PATH || 'docker').then(
    (lines) => process.stdout.write(lines.join('\n') + '\n'),
    (err: Error) => {
      process.stderr.write(`bench: error: ${err.message}\n`);
      process.exitCode = 2;
    },
  );
}
