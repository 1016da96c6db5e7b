// Report entries made in memory for the renderers' unit tests: a compared image of a given base and head size,
// with the budgets and findings a test gives it.

import type { BudgetResult, Finding, ImageEntry, ImageReport } from '../../src/model/report.js';

/** One side of a comparison: `layers` layers made by Dockerfile lines 2, 3, … (line 1 is the FROM). */
export function sideOf(size: number, layers = 2, dockerfile: string | null = 'Dockerfile'): ImageReport {
  return {
    ref: 'x', source: 'build', id: 'sha256:1', size, compressedSize: null, compressedSizeExact: false, fileCount: 1, wastedBytes: 0, efficiency: 1, dockerfile,
    layers: Array.from({ length: layers }, (_, i) => ({
      diffId: `sha256:${i}`, instruction: `RUN /bin/sh -c step ${i} # buildkit`, size: Math.floor(size / layers), compressedSize: null, fileCount: 1, dockerfileLine: dockerfile ? i + 2 : null,
    })),
  };
}

/** A compared entry; `base` null: no baseline. */
export function entryOf(name: string, base: number | null, head: number, more: Partial<ImageEntry> = {}): ImageEntry {
  return {
    name, platform: 'linux/amd64', status: 'compared', head: sideOf(head), base: base === null ? null : sideOf(base),
    diff: base === null ? null : { sizeDelta: head - base, sizeDeltaPercent: base ? ((head - base) / base) * 100 : null, compressedSizeDelta: null, layers: [], files: [], packages: [], growth: null, config: {} },
    findings: [], budgets: [], passed: true, ...more,
  };
}

export function budgetOf(id: BudgetResult['id'], limit: string, actual: number, passed: boolean): BudgetResult {
  return { id, limit, actual, passed, level: id.startsWith('warn-') ? 'warn' : 'fail' };
}

export function findingOf(id: Finding['id'], more: Partial<Finding> = {}): Finding {
  return { id, severity: 'warning', status: 'new', message: `${id} found`, bytes: 1_000, evidence: [], dockerfile: null, ...more };
}
