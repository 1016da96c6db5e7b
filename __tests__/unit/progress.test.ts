// Progress lines, driven by a hand-cranked clock and timer (no real time passes in these tests).

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { LOG_EVERY_MS, makeProgress, TTY_EVERY_MS, type ProgressDeps } from '../../src/cli/progress.js';
import { readImageArchive } from '../../src/image/read-image.js';
import { chunked, makeImageArchive } from '../helpers/make-archive.js';

function fake(opts: { tty: boolean; env?: Record<string, string> }) {
  let now = 1000;
  const timers: { ms: number; fn: () => void; stopped: boolean; next: number }[] = [];
  const out: string[] = [];
  const deps: ProgressDeps = {
    stream: { isTTY: opts.tty, write: (s: string) => out.push(s) },
    env: opts.env ?? {},
    now: () => now,
    every(ms, fn) {
      const t = { ms, fn, stopped: false, next: now + ms };
      timers.push(t);
      return { stop: () => (t.stopped = true) };
    },
  };
  /** Advances the clock by ms, firing the running timers whenever they are due. */
  const advance = (ms: number): void => {
    const end = now + ms;
    for (;;) {
      const due = timers.filter((t) => !t.stopped && t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      now = due.next;
      due.next += due.ms;
      due.fn();
    }
    now = end;
  };
  return { deps, out, timers, advance, running: () => timers.filter((t) => !t.stopped).length };
}

describe('progress', () => {
  it('in a log (GitHub Actions): a line every 10 s with bytes and rate, and a last line with the total', () => {
    const f = fake({ tty: true, env: { GITHUB_ACTIONS: 'true' } }); // a tty claim does not matter in Actions
    const p = makeProgress('reading docker save app:1', f.deps);
    p.update(0);
    assert.equal(f.timers[0]?.ms, LOG_EVERY_MS);
    f.advance(9_000);
    assert.deepEqual(f.out, [], 'nothing before 10 s');
    p.update(65_536);
    f.advance(1_000);
    assert.deepEqual(f.out, ['reading docker save app:1: 65.5 kB read, 6.5 kB/s (10 s)\n']);
    p.update(200_000_000);
    f.advance(10_000);
    assert.equal(f.out[1], 'reading docker save app:1: 200 MB read, 10 MB/s (20 s)\n');
    f.advance(5_000);
    p.update(412_345_678, true);
    assert.equal(f.out.length, 3);
    assert.equal(f.out[2], 'reading docker save app:1: 412.3 MB read in 25 s (16.4 MB/s)\n');
    assert.equal(f.running(), 0, 'the timer stops with the read');
    f.advance(60_000);
    assert.equal(f.out.length, 3);
  });

  it('on a terminal: one line redrawn in place, ended by the total', () => {
    const f = fake({ tty: true });
    const p = makeProgress('reading x.tar', f.deps);
    p.update(0);
    assert.equal(f.timers[0]?.ms, TTY_EVERY_MS);
    p.update(1_000_000);
    f.advance(TTY_EVERY_MS);
    p.update(3_000_000);
    f.advance(TTY_EVERY_MS);
    p.update(3_500_000, true);
    assert.deepEqual(f.out, [
      '\r\x1b[Kreading x.tar: 1 MB read, 4 MB/s (0.3 s)',
      '\r\x1b[Kreading x.tar: 3 MB read, 6 MB/s (0.5 s)',
      '\r\x1b[Kreading x.tar: 3.5 MB read in 0.5 s (7 MB/s)\n',
    ]);
  });

  it('a stalled stream still shows its clock; a failed read leaves no half line', () => {
    const f = fake({ tty: true });
    const p = makeProgress('reading docker save big', f.deps);
    p.update(0);
    f.advance(2 * TTY_EVERY_MS);
    assert.equal(f.out.at(-1), '\r\x1b[Kreading docker save big: 0 B read, 0 B/s (0.5 s)');
    p.abort();
    assert.equal(f.out.at(-1), '\r\x1b[K');
    assert.equal(f.running(), 0);
  });

  it('starts over for the next image (compare reads two through one progress)', () => {
    const f = fake({ tty: false });
    const p = makeProgress('reading image', f.deps);
    p.update(0);
    f.advance(4_000);
    p.update(8_000_000, true);
    f.advance(30_000);
    p.update(0);
    f.advance(2_000);
    p.update(1_000_000, true);
    assert.deepEqual(f.out, ['reading image: 8 MB read in 4 s (2 MB/s)\n', 'reading image: 1 MB read in 2 s (500 kB/s)\n']);
  });

  it('cannot be made to print a workflow command or a second line by the label', () => {
    const f = fake({ tty: false });
    const p = makeProgress('reading evil\n::error::pwned\r', f.deps);
    p.update(10, true);
    assert.equal(f.out.length, 1);
    assert.doesNotMatch(f.out[0] as string, /\n./);
    assert.doesNotMatch(f.out[0] as string, /^::/m);
  });

  it('reading an archive reports 0 first, every chunk, and the total of archive bytes once the image is read', async () => {
    const made = await makeImageArchive({ format: 'oci', layers: [{ entries: [{ path: 'f', content: 'x'.repeat(5000) }], compression: 'gzip' }] });
    const calls: [number, boolean][] = [];
    await readImageArchive(chunked(made.archive, 1000), { onProgress: (b, done) => calls.push([b, done === true]) });
    assert.deepEqual(calls[0], [0, false]);
    assert.deepEqual(calls.at(-1), [made.archive.length, true]);
    assert.equal(calls.filter(([, d]) => d).length, 1);
    assert.equal(calls.length, Math.ceil(made.archive.length / 1000) + 2);
  });

  it('a failed read never reports done', async () => {
    const made = await makeImageArchive({ format: 'oci', layers: [{ entries: [{ path: 'f', content: 'x' }] }] });
    const calls: boolean[] = [];
    await assert.rejects(readImageArchive(chunked(made.archive.subarray(0, 3000), 1000), { onProgress: (_b, done) => calls.push(done === true) }));
    assert.ok(calls.length > 0 && !calls.includes(true));
  });
});
