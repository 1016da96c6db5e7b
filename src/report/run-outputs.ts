// The Action's scalar outputs and its `results` output, computed from the report. With one image
// on one platform they are that image's numbers. With several images or platforms (a report entry each) they
// describe the whole run:
//   size, base-size, size-delta, compressed-size, compressed-size-delta: sums over the compared entries
//     (base-size, size-delta and compressed-size-delta over those with a baseline; the compressed ones empty when
//     any of those entries has none);
//   size-delta-percent: the worst (largest) of the entries' percentages;
//   layers: the most layers of any entry; findings: every finding id present in any entry; passed: all passed;
//   warned: some entry exceeded a warn level (whether or not it failed).
// Images that were not built and platforms only the base has (removed) are in none of the sums (nothing of the
// head was measured); `results` lists every entry, then the removed platforms (status "removed").

import type { ImageEntry, RemovedPlatform, Report } from '../model/report.js';
import { isWarning } from '../analysis/budgets.js';

export interface RunOutputs {
  size: string;
  'base-size': string;
  'size-delta': string;
  'size-delta-percent': string;
  'compressed-size': string;
  'compressed-size-delta': string;
  layers: string;
  findings: string;
  passed: string;
  warned: string;
  results: string;
}

/** One image and platform in the `results` output. */
export interface ImageResultOutput {
  name: string;
  platform: string | null;
  /** removed: a platform only the base has (sizes are the base's; nothing of the head). */
  status: 'compared' | 'not-built' | 'removed';
  /** Present (true) when the head has this platform and the base, which has others, does not. */
  platformAdded?: true;
  size: number | null;
  baseSize: number | null;
  sizeDelta: number | null;
  sizeDeltaPercent: number | null;
  passed: boolean;
  /** A warn level (warn-*) was exceeded. */
  warned: boolean;
  /** Ids of the findings present in the head image. */
  findings: string[];
}

const presentFindings = (e: ImageEntry): string[] => [...new Set(e.findings.filter((f) => f.status !== 'resolved').map((f) => f.id))];

const removedResult = (r: RemovedPlatform): ImageResultOutput => ({
  name: r.name,
  platform: r.platform,
  status: 'removed',
  size: null,
  baseSize: r.base.size,
  sizeDelta: null,
  sizeDeltaPercent: null,
  passed: true,
  warned: false,
  findings: [],
});

const warned = (e: ImageEntry): boolean => e.budgets.some(isWarning);

export function imageResults(report: Report): ImageResultOutput[] {
  const entries = report.images.map((e): ImageResultOutput =>
    e.status === 'not-built'
      ? { name: e.name, platform: e.platform, status: e.status, size: null, baseSize: null, sizeDelta: null, sizeDeltaPercent: null, passed: true, warned: false, findings: [] }
      : {
          name: e.name,
          platform: e.platform,
          status: e.status,
          ...(e.platformAdded ? { platformAdded: true as const } : {}),
          size: e.head.size,
          baseSize: e.base?.size ?? null,
          sizeDelta: e.diff?.sizeDelta ?? null,
          sizeDeltaPercent: e.diff?.sizeDeltaPercent ?? null,
          passed: e.passed,
          warned: warned(e),
          findings: presentFindings(e),
        },
  );
  return [...entries, ...(report.removedPlatforms ?? []).map(removedResult)];
}

export function runOutputs(report: Report): RunOutputs {
  const compared = report.images.filter((e): e is ImageEntry => e.status === 'compared');
  const withBase = compared.filter((e) => e.base && e.diff);
  const sum = (values: number[]): string => (values.length ? String(values.reduce((a, b) => a + b, 0)) : '');
  const percents = withBase.map((e) => e.diff!.sizeDeltaPercent).filter((p): p is number => p !== null);
  const compressed = compared.map((e) => e.head.compressedSize);
  const compressedDeltas = withBase.map((e) => e.diff!.compressedSizeDelta);
  return {
    size: sum(compared.map((e) => e.head.size)),
    'base-size': sum(withBase.map((e) => e.base!.size)),
    'size-delta': sum(withBase.map((e) => e.diff!.sizeDelta)),
    'size-delta-percent': percents.length ? String(Math.max(...percents)) : '',
    'compressed-size': compressed.length && compressed.every((c) => c !== null) ? sum(compressed as number[]) : '',
    'compressed-size-delta': compressedDeltas.length && compressedDeltas.every((c) => c !== null) ? sum(compressedDeltas as number[]) : '',
    layers: compared.length ? String(Math.max(...compared.map((e) => e.head.layers.length))) : '',
    findings: [...new Set(compared.flatMap(presentFindings))].join(','),
    passed: String(report.passed),
    warned: String(compared.some(warned)),
    results: JSON.stringify(imageResults(report)),
  };
}
