// The JSON report, schema version 1. Field names are public (docs/architecture.md, "Public names"): tests, docs and users depend on them. Types,
// and the few lists of values the types are made of (finding and budget ids), so that no other module spells them again.

export const SCHEMA_VERSION = 1;

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
  /** The runtime settings of the image config (`inspect` only; a comparison has what changed in `diff.config`). */
  config?: ImageConfigReport;
  /**
   * A base only: true when its analysis came from the analysis cache (the commit was built and read by an
   * earlier run with the same build inputs), false when it was built or read in this run.
   */
  fromCache?: boolean;
  /** A base only: "previous" when `--base-tag previous` chose it (the highest release tag below the head's version). */
  resolvedBy?: 'previous';
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
  /** The image config's settings that changed; only those fields are present ({} when none did). */
  config: ConfigChanges;
}

/**
 * A HEALTHCHECK: its test (["CMD", …], ["CMD-SHELL", "…"], ["NONE"]) and timing in nanoseconds, as the image
 * config holds them (0: not set, the runtime's default applies).
 */
export interface HealthcheckReport {
  test: string[];
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
}

/** An image config's runtime settings. Environment variables by name only: their values may be secrets and are never reported. */
export interface ImageConfigReport {
  user: string | null;
  entrypoint: string[] | null;
  cmd: string[] | null;
  workdir: string | null;
  exposedPorts: string[];
  volumes: string[];
  stopSignal: string | null;
  healthcheck: HealthcheckReport | null;
  /** By name; the base image's name and digest labels are baseName and baseDigest instead. */
  labels: { name: string; value: string }[];
  /** Names only. */
  env: string[];
  /** `org.opencontainers.image.base.name` / `.base.digest` (manifest annotations, else labels). */
  baseName: string | null;
  baseDigest: string | null;
  platform: string;
}

/** A setting on each side (null: not set). */
export interface SettingChange<T> {
  base: T | null;
  head: T | null;
}

export interface SetChange {
  added: string[];
  removed: string[];
}

/** What changed in the image config between base and head; a field is present only when it changed. */
export interface ConfigChanges {
  user?: SettingChange<string>;
  entrypoint?: SettingChange<string[]>;
  cmd?: SettingChange<string[]>;
  workdir?: SettingChange<string>;
  exposedPorts?: SetChange;
  volumes?: SetChange;
  stopSignal?: SettingChange<string>;
  healthcheck?: SettingChange<HealthcheckReport>;
  labels?: { added: { name: string; value: string }[]; removed: { name: string; value: string }[]; changed: { name: string; base: string; head: string }[] };
  /** Names only: added, removed, or present on both sides with another value. */
  env?: { added: string[]; removed: string[]; changed: string[] };
  baseName?: SettingChange<string>;
  baseDigest?: SettingChange<string>;
  platform?: SettingChange<string>;
}

export const FINDING_IDS = ['shell', 'missing-multi-stage', 'build-tools', 'package-cache', 'wasted-space'] as const;
export type FindingId = (typeof FINDING_IDS)[number];

/** Where an instruction is: its layer (0-based), its text, and its Dockerfile line when known. */
export interface InstructionRef {
  layer: number;
  instruction: string;
  dockerfile: { path: string; line: number } | null;
}

export interface Finding {
  id: FindingId;
  severity: 'warning' | 'error';
  status: 'new' | 'existing' | 'resolved';
  message: string;
  bytes: number | null;
  evidence: { path: string; size: number; layer: number; instruction: string }[];
  /** The line that wrote the bytes (wasted-space, deleted caches), or else the one to change. */
  dockerfile: { path: string; line: number } | null;
  /**
   * wasted-space, and package-cache for caches deleted in a later layer: the later instruction that deleted or
   * overwrote the bytes, which still ship in the layer of `evidence` (absent for other findings).
   */
  removedBy?: InstructionRef;
}

export const BUDGET_IDS = [
  'max-size', 'max-increase', 'max-compressed-size', 'max-compressed-increase', 'max-layers',
  'warn-size', 'warn-increase', 'warn-compressed-size', 'warn-compressed-increase', 'warn-layers',
] as const;
export type BudgetId = (typeof BUDGET_IDS)[number];

export interface BudgetResult {
  id: BudgetId;
  limit: string;
  actual: number;
  /** Within the limit. A `warn` budget that is not never fails the run: it warns. */
  passed: boolean;
  /** `fail` for the max-* budgets, `warn` for the warn-* ones (a report written before levels existed: read as fail). */
  level: 'warn' | 'fail';
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
  /** In a merged report (`merge`, the Action's `reports`): the report file the entry came from, relative to the workspace. */
  reportFile?: string;
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
  /** In a merged report: the report file the entry came from (see ImageEntry.reportFile). */
  reportFile?: string;
}

export type ReportEntry = ImageEntry | NotBuiltEntry;

/** A platform the base has and the head does not (a release that drops arm64): reported, not failed. */
export interface RemovedPlatform {
  name: string;
  platform: string;
  base: ImageReport;
  /** In a merged report: the report file it came from (see ImageEntry.reportFile). */
  reportFile?: string;
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: string; version: string };
  passed: boolean;
  images: ReportEntry[];
  /** Present when some base platform is missing from the head. */
  removedPlatforms?: RemovedPlatform[];
}
