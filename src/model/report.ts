// The JSON report, schema version 1 (design §2.4). Field names are public: tests, docs and users depend on them. Types only.

export interface LayerReport {
  diffId: string;
  instruction: string;
  size: number;
  compressedSize: number | null;
  fileCount: number;
  dockerfileLine: number | null;
}

/** Where an image was read from: a registry, the local engine (`docker save`), an OCI layout directory, an archive file (or stdin), or a build. */
export type ImageSourceKind = 'registry' | 'local' | 'oci-dir' | 'archive' | 'build';

export interface ImageReport {
  ref: string;
  source: ImageSourceKind;
  /** The config digest: the same image has the same id on every store, registry and archive. */
  id: string;
  /**
   * The image manifest's digest where the source has a manifest (a registry, an OCI layout or archive, docker
   * save of the containerd store or of Docker ≥ 25): what a pull by digest names. Absent otherwise.
   */
  manifestDigest?: string;
  size: number;
  compressedSize: number | null;
  compressedSizeExact: boolean;
  fileCount: number;
  wastedBytes: number;
  efficiency: number;
  dockerfile: string | null;
  layers: LayerReport[];
  /** Installed packages, largest first (`inspect` only; a comparison has them in `diff.packages`). */
  packages?: PackageReport[];
  /**
   * A base only: true when its analysis came from the analysis cache (the commit was built and read by an
   * earlier run with the same build inputs), false when it was built or read in this run.
   */
  fromCache?: boolean;
}

export type PackageManager = 'dpkg' | 'apk' | 'pip' | 'npm';

/**
 * One installed package. `size`: bytes of its files present in the final filesystem (hardlinked content
 * once, a file two packages list counted for the first), not the size its database declares.
 */
export interface PackageReport {
  manager: PackageManager;
  name: string;
  /** Several installed copies with different versions (npm, several venvs): their versions, joined by ", ". */
  version: string;
  size: number;
}

/** A package that came, went, or changed version between base and head. */
export interface PackageChange {
  manager: PackageManager;
  name: string;
  status: 'added' | 'removed' | 'upgraded';
  baseVersion: string | null;
  headVersion: string | null;
  sizeDelta: number;
}

/** The head layer that grew the most, and the Dockerfile line that made it. */
export interface LayerGrowth {
  instruction: string;
  delta: number;
  /** A layer of the external base image points at the producing stage's FROM line; null without a Dockerfile. */
  dockerfile: { path: string; line: number } | null;
}

export interface DiffReport {
  sizeDelta: number;
  sizeDeltaPercent: number | null;
  compressedSizeDelta: number | null;
  layers: {
    status: 'unchanged' | 'changed' | 'added' | 'removed';
    instruction: string;
    baseSize: number | null;
    headSize: number | null;
    delta: number;
  }[];
  files: {
    path: string;
    kind: 'file' | 'dir';
    status: 'added' | 'removed' | 'changed';
    baseSize: number | null;
    headSize: number | null;
    delta: number;
  }[];
  /** Package changes, biggest |sizeDelta| first. */
  packages: PackageChange[];
  /** The added or changed layer with the largest growth; null when no layer grew. */
  growth: LayerGrowth | null;
}

export type FindingId = 'shell' | 'missing-multi-stage' | 'build-tools' | 'package-cache';

export interface Finding {
  id: FindingId;
  severity: 'warning' | 'error';
  status: 'new' | 'existing' | 'resolved';
  message: string;
  bytes: number | null;
  evidence: { path: string; size: number; layer: number; instruction: string }[];
  dockerfile: { path: string; line: number } | null;
}

export type BudgetId = 'max-size' | 'max-increase' | 'max-compressed-size' | 'max-compressed-increase' | 'max-layers';

export interface BudgetResult {
  id: BudgetId;
  limit: string;
  actual: number;
  passed: boolean;
}

/**
 * An image that was measured (built or read) on one platform: `status: "compared"`, also without a baseline.
 * With several platforms each has its own entry (same name); base and head are paired by platform.
 * `platformAdded`: the head has this platform and the base (which has others) does not, so `base` is null;
 * absent otherwise. A platform only the base has is in Report.removedPlatforms.
 */
export interface ImageEntry {
  name: string;
  platform: string;
  status: 'compared';
  platformAdded?: true;
  head: ImageReport;
  base: ImageReport | null;
  diff: DiffReport | null;
  findings: Finding[];
  budgets: BudgetResult[];
  passed: boolean;
}

/**
 * An image the pull request cannot have changed (its Dockerfile, the files of its context after .dockerignore
 * and its build definition are the same at base and head): not built, so nothing was measured — no head, base,
 * diff, findings or budgets. It passes.
 */
export interface NotBuiltEntry {
  name: string;
  /** The platform option as given (one, a comma list, or all: one entry however many), or null (the builder's default). */
  platform: string | null;
  status: 'not-built';
  passed: true;
  /** Why it was not built, e.g. "no change to api/Dockerfile, the context api/ or the build args since 0123456789ab". */
  reason: string;
}

export type ReportEntry = ImageEntry | NotBuiltEntry;

/** A platform the base has and the head does not (a release that drops arm64): reported, not failed. */
export interface RemovedPlatform {
  name: string;
  platform: string;
  base: ImageReport;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  passed: boolean;
  images: ReportEntry[];
  /** Present when some base platform is missing from the head. */
  removedPlatforms?: RemovedPlatform[];
}
