// What a run's images share: the builder (detected once, only when something is built), the checkouts of
// git refs (one worktree per ref, however many images are built from it), removed when the run ends, the
// commits refs name, the opener of existing images (one registry client: a layer base and head share is
// fetched once) and the analysis cache (bases by commit, layers by blob digest).

import { detectBuilder, type BuilderInfo } from '../buildx/builder.js';
import { checkout, repoRoot, resolveCommit, type Checkout } from '../git/worktree.js';
import { ImageOpener } from '../sources/open-image.js';
import { AnalysisCache } from './analysis-cache.js';
import type { RunOptions } from './compare-options.js';

export class BuildSession {
  private builder: Promise<BuilderInfo> | null = null;
  private root: Promise<string> | null = null;
  private readonly trees = new Map<string, Promise<Checkout>>();
  private readonly commits = new Map<string, Promise<string>>();
  readonly cache: AnalysisCache | null;
  readonly opener: ImageOpener;

  constructor(readonly run: RunOptions) {
    this.cache = run.cache ? new AnalysisCache(run.cache) : null;
    this.opener = new ImageOpener({}, this.cache?.diskLayers ?? null);
  }

  builderInfo(): Promise<BuilderInfo> {
    this.builder ??= detectBuilder(this.run.builder);
    return this.builder;
  }

  repoRoot(): Promise<string> {
    this.root ??= repoRoot(this.run.cwd);
    return this.root;
  }

  /** The full SHA a ref names (fetched from origin when the clone lacks it), asked once per ref. */
  commit(ref: string): Promise<string> {
    let sha = this.commits.get(ref);
    if (!sha) {
      sha = this.repoRoot().then((root) => resolveCommit(root, ref));
      this.commits.set(ref, sha);
      sha.catch(() => this.commits.delete(ref));
    }
    return sha;
  }

  /** A checkout of ref, shared by every image built from it. */
  async worktree(ref: string): Promise<Checkout> {
    let tree = this.trees.get(ref);
    if (!tree) {
      // the commit first: a ref fetched from origin is checked out by its SHA
      tree = Promise.all([this.repoRoot(), this.commit(ref)]).then(([root, sha]) => checkout(root, sha, ref));
      this.trees.set(ref, tree);
      tree.catch(() => this.trees.delete(ref)); // a failed checkout is not kept (and not removed)
    }
    return tree;
  }

  /**
   * Removes every checkout, closes the registry connections and finishes the cache's writes; called once,
   * when the run ends (also after a failure). Returns the cache's warnings.
   */
  async close(): Promise<string[]> {
    const trees = [...this.trees.values()];
    this.trees.clear();
    try {
      for (const t of await Promise.allSettled(trees)) if (t.status === 'fulfilled') await t.value.remove();
    } finally {
      await this.opener.close();
    }
    return (await this.cache?.close()) ?? [];
  }
}
