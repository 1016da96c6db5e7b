// The temporary tags of `--load` builds (the classic store's docker driver), and when they may be removed.
//
// The classic image store deletes an image together with its last tag, and it has no leases. Two builds of the
// same content make the same image (same config, same id): base and head of an image the change leaves alone,
// several images from one Dockerfile, the same repository in two jobs on one engine. Removing one build's tag while
// the other is still exporting — after the store made the image, before the build tagged it — deletes the image
// under it, and that build fails with BuildKit's "failed to solve: failed to get digest sha256:…: no such file or
// directory" or "failed to solve: not found" (reproduced on Docker 26: six loops building one context at once,
// `--force` or not). So this process removes its tags only while none of its own `--load` builds is running, and
// a build that lost its image to someone else's removal (another run, a prune) is tried once more.

import { dockerCommand, runCommand, runSync } from '../exec/exec.js';
import { registerCleanup } from '../exec/cleanup-on-signal.js';

/** Removes a tag (the image goes with its last tag); never throws. */
export type RemoveTag = (tag: string) => Promise<void>;

const removeTag: RemoveTag = async (tag) => {
  // no --force: whatever came to use the image keeps it
  await runCommand(dockerCommand(), ['image', 'rm', tag]).catch(() => undefined);
};

export class TemporaryTags {
  private running = 0;
  /** Every tag made and not yet removed, with its Ctrl-C cleanup. */
  private readonly made = new Map<string, () => void>();
  /** Tags their builds are done with. */
  private readonly released = new Set<string>();

  constructor(private readonly remove: RemoveTag = removeTag) {}

  /** Runs a build that loads an image under a temporary tag: tags are not removed while it runs. */
  async build<T>(run: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await run();
    } finally {
      this.running--;
      await this.flush();
    }
  }

  /** A tag this process is about to make: removed on Ctrl-C, else after release(). */
  track(tag: string): void {
    this.made.set(tag, registerCleanup(() => runSync(dockerCommand(), ['image', 'rm', tag])));
  }

  /** Done with a tag: removed now when no build is loading, else once the last one has ended. */
  async release(tag: string): Promise<void> {
    this.released.add(tag);
    await this.flush();
  }

  /** Tags made and not removed yet. */
  get pending(): string[] {
    return [...this.made.keys()];
  }

  /** Removes the released tags while no build is running; a build that starts meanwhile stops it. */
  private async flush(): Promise<void> {
    for (const tag of [...this.released]) {
      if (this.running > 0) return;
      this.released.delete(tag);
      await this.remove(tag);
      this.made.get(tag)?.();
      this.made.delete(tag);
    }
  }
}

/** The build failed because its image was removed while it was being exported (see above). */
export function lostItsImage(reason: string): boolean {
  return /failed to solve: (?:not found$|failed to get digest sha256:[0-9a-f]{64}: open .*: no such file or directory$)/.test(reason.trim());
}

/** The tags of this process's `--load` builds. */
export const temporaryTags = new TemporaryTags();
