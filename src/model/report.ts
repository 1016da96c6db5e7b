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
