// The one concurrency limiter (lib/settle-limit.ts): how many tasks run at once, in which order they start,
// and that a list is waited for whole even when a task fails. Tasks are promises the test settles by hand,
// so what is checked is which tasks had started at each step, never how long anything took.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { allLimit, Limiter, settleLimit } from '../../src/lib/settle-limit.js';

/** Tasks that start when the limiter calls them and end when the test says so. */
function gate() {
  const started: number[] = [];
  const ends = new Map<number, { resolve: (v: string) => void; reject: (e: Error) => void }>();
  const task = (i: number): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      started.push(i);
      ends.set(i, { resolve, reject });
    });
  const running = (): number[] => started.filter((i) => ends.has(i));
  const finish = async (i: number, err?: Error): Promise<void> => {
    const end = ends.get(i)!;
    ends.delete(i);
    if (err) end.reject(err);
    else end.resolve(`v${i}`);
    // let the limiter hand the slot on (a few microtask turns)
    for (let k = 0; k < 10; k++) await Promise.resolve();
  };
  return { started, running, finish, task };
}

describe('Limiter', () => {
  it('runs at most n at once, starts them in the order asked, and hands a finished slot to the next in line', async () => {
    const g = gate();
    const slots = new Limiter(2);
    const results = [0, 1, 2, 3, 4].map((i) => slots.run(() => g.task(i)));
    assert.deepEqual(g.running(), [0, 1]);
    await g.finish(1);
    assert.deepEqual(g.running(), [0, 2]);
    await g.finish(0, new Error('zero failed'));
    assert.deepEqual(g.running(), [2, 3], 'a failed task frees its slot too');
    await g.finish(3);
    await g.finish(2);
    assert.deepEqual(g.running(), [4]);
    await g.finish(4);
    assert.deepEqual(g.started, [0, 1, 2, 3, 4]);
    const settled = await Promise.allSettled(results);
    assert.deepEqual(
      settled.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)),
      ['zero failed', 'v1', 'v2', 'v3', 'v4'],
    );
  });

  it('a limit below 1 still runs one at a time', async () => {
    const g = gate();
    const slots = new Limiter(0);
    const all = Promise.all([0, 1].map((i) => slots.run(() => g.task(i))));
    assert.deepEqual(g.running(), [0]);
    await g.finish(0);
    await g.finish(1);
    assert.deepEqual(await all, ['v0', 'v1']);
  });

  it('a task that throws before it returns a promise is a failure of that task, and frees its slot', async () => {
    const slots = new Limiter(1);
    const bad = slots.run((): Promise<string> => {
      throw new Error('at once');
    });
    await assert.rejects(bad, /at once/);
    assert.equal(await slots.run(() => Promise.resolve('next')), 'next');
  });
});

describe('settleLimit and allLimit', () => {
  it('settleLimit: every outcome in the items\' order, after every task has ended', async () => {
    const g = gate();
    let done = false;
    const settled = settleLimit([10, 11, 12], 2, (_item, i) => g.task(i)).then((r) => ((done = true), r));
    await g.finish(0, new Error('first'));
    assert.deepEqual(g.running(), [1, 2]);
    await g.finish(2);
    assert.equal(done, false, 'still waiting for task 1');
    await g.finish(1);
    const r = await settled;
    assert.deepEqual(r.map((x) => x.status), ['rejected', 'fulfilled', 'fulfilled']);
    assert.equal((r[1] as PromiseFulfilledResult<string>).value, 'v1');
  });

  it('allLimit: the values in order, or the first failure by position once all have ended', async () => {
    assert.deepEqual(await allLimit(['a', 'b', 'c'], 2, async (x, i) => `${x}${i}`), ['a0', 'b1', 'c2']);
    const g = gate();
    const all = allLimit([0, 1, 2], 3, (_item, i) => g.task(i));
    await g.finish(2, new Error('third'));
    await g.finish(1, new Error('second'));
    await g.finish(0);
    await assert.rejects(all, /^Error: second$/);
  });
});
