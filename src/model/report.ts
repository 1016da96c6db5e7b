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

/** An image that was measured (built or read): `status: "compared"`, also without a baseline. */
export interface ImageEntry {
  name: string;
  platform: string;
  status: 'compared';
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
  /** The platform asked for, or null (the builder's default). */
  platform: string | null;
  status: 'not-built';
  passed: true;
  /** Why it was not built, e.g. "no change to api/Dockerfile, the context api/ or the build args since 0123456789ab". */
  reason: string;
}

export type ReportEntry = ImageEntry | NotBuiltEntry;

export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  passed: boolean;
  images: ReportEntry[];
}
