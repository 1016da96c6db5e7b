// The one concurrency limiter: at most n tasks at a time, started in the order asked. Limiter takes tasks as
// they come (the registry client's blob downloads); settleLimit and allLimit run a list through one and wait
// for every task, also when some fail: a build that is still running must finish (and clean up its worktree
// and tags) before the run reports the first failure.

export class Limiter {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  private readonly n: number;

  constructor(n: number) {
    this.n = Math.max(1, n);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finished task hands its slot straight to the next in line, so at most n ever run.
    if (this.active >= this.n) await new Promise<void>((r) => this.queue.push(r));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** Every task's outcome, in the items' order, once all have ended. */
export function settleLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const slots = new Limiter(limit);
  return Promise.all(
    items.map((item, i) =>
      slots.run(() => task(item, i)).then(
        (value): PromiseSettledResult<R> => ({ status: 'fulfilled', value }),
        (reason: unknown): PromiseSettledResult<R> => ({ status: 'rejected', reason }),
      ),
    ),
  );
}

/** The values in order, or the first failure (by position) once every task has ended. */
export async function allLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const settled = await settleLimit(items, limit, task);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<R>).value);
}
