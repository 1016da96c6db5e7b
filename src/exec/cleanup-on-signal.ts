// Worktrees and temporary tags must go away also when the run is interrupted (Ctrl-C, a cancelled job).
// Cleanups registered here run synchronously on SIGINT/SIGTERM, then the process exits with 128+signal.

const pending = new Set<() => void>();
let installed = false;

export function registerCleanup(fn: () => void): () => void {
  if (!installed) {
    installed = true;
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      process.once(signal, () => {
        for (const f of pending) {
          try {
            f();
          } catch {
            // best effort: keep cleaning the rest
          }
        }
        process.exit(code);
      });
    }
  }
  pending.add(fn);
  return () => pending.delete(fn);
}
