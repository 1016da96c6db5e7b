// The JSON report, schema version 1 (design §2.4). Field names are public: tests, docs and users depend on them. Types only.

export interface LayerReport {
  diffId: string;
  instruction: string;
  size: number;
  compressedSize: number | null;
  fileCount: number;
  dockerfileLine: number | null;
}

export interface ImageReport {
  ref: string;
  id: string;
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

export interface BudgetResult {
  id: 'max-size' | 'max-increase' | 'max-layers';
  limit: string;
  actual: number;
  passed: boolean;
}

export interface ImageEntry {
  name: string;
  platform: string;
  head: ImageReport;
  base: ImageReport | null;
  diff: DiffReport | null;
  findings: Finding[];
  budgets: BudgetResult[];
  passed: boolean;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  passed: boolean;
  images: ImageEntry[];
}
