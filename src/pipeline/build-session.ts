// What a run's images share: the builder (detected once, only when something is built), the checkouts of
// git refs (one worktree per ref, however many images are built from it), removed when the run ends, and the
// opener of existing images (one registry client: a layer base and head share is fetched once).

import { detectBuilder, type BuilderInfo } from '../buildx/builder.js';
import { checkout, repoRoot, type Checkout } from '../git/worktree.js';
import { ImageOpener } from '../sources/open-image.js';
import type { RunOptions } from './compare-options.js';

export class BuildSession {
  private builder: Promise<BuilderInfo> | null = null;
  private root: Promise<string> | null = null;
  private readonly trees = new Map<string, Promise<Checkout>>();
  readonly opener = new ImageOpener();

  constructor(readonly run: RunOptions) {}

  builderInfo(): Promise<BuilderInfo> {
    this.builder ??= detectBuilder(this.run.builder);
    return this.builder;
  }

  repoRoot(): Promise<string> {
    this.root ??= repoRoot(this.run.cwd);
    return this.root;
  }

  /** A checkout of ref, shared by every image built from it. */
  async worktree(ref: string): Promise<Checkout> {
    let tree = this.trees.get(ref);
    if (!tree) {
      tree = this.repoRoot().then((root) => checkout(root, ref));
      this.trees.set(ref, tree);
      tree.catch(() => this.trees.delete(ref)); // a failed checkout is not kept (and not removed)
    }
    return tree;
  }

  /** Removes every checkout and closes the registry connections; called once, when the run ends (also after a failure). */
  async close(): Promise<void> {
    const trees = [...this.trees.values()];
    this.trees.clear();
    try {
      for (const t of await Promise.allSettled(trees)) if (t.status === 'fulfilled') await t.value.remove();
    } finally {
      await this.opener.close();
    }
  }
}
