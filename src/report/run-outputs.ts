// The Action's scalar outputs and its `results` output, computed from the report (design §2.2). With one image
// they are that image's numbers. With several they describe the whole run:
//   size, base-size, size-delta, compressed-size: sums over the compared images (base-size and size-delta over
//     those with a baseline; compressed-size empty when any compared image has none);
//   size-delta-percent: the worst (largest) of the images' percentages;
//   layers: the most layers of any image; findings: every finding id present in any image; passed: all passed.
// Images that were not built are in none of the sums (nothing was measured); `results` lists every image.

import type { ImageEntry, Report } from '../model/report.js';

export interface RunOutputs {
  size: string;
  'base-size': string;
  'size-delta': string;
  'size-delta-percent': string;
  'compressed-size': string;
  layers: string;
  findings: string;
  passed: string;
  results: string;
}

/** One image in the `results` output. */
export interface ImageResultOutput {
  name: string;
  platform: string | null;
  status: 'compared' | 'not-built';
  size: number | null;
  baseSize: number | null;
  sizeDelta: number | null;
  sizeDeltaPercent: number | null;
  passed: boolean;
  /** Ids of the findings present in the head image. */
  findings: string[];
}

const presentFindings = (e: ImageEntry): string[] => [...new Set(e.findings.filter((f) => f.status !== 'resolved').map((f) => f.id))];

export function imageResults(report: Report): ImageResultOutput[] {
  return report.images.map((e) =>
    e.status === 'not-built'
      ? { name: e.name, platform: e.platform, status: e.status, size: null, baseSize: null, sizeDelta: null, sizeDeltaPercent: null, passed: true, findings: [] }
      : {
          name: e.name,
          platform: e.platform,
          status: e.status,
          size: e.head.size,
          baseSize: e.base?.size ?? null,
          sizeDelta: e.diff?.sizeDelta ?? null,
          sizeDeltaPercent: e.diff?.sizeDeltaPercent ?? null,
          passed: e.passed,
          findings: presentFindings(e),
        },
  );
}

export function runOutputs(report: Report): RunOutputs {
  const compared = report.images.filter((e): e is ImageEntry => e.status === 'compared');
  const withBase = compared.filter((e) => e.base && e.diff);
  const sum = (values: number[]): string => (values.length ? String(values.reduce((a, b) => a + b, 0)) : '');
  const percents = withBase.map((e) => e.diff!.sizeDeltaPercent).filter((p): p is number => p !== null);
  const compressed = compared.map((e) => e.head.compressedSize);
  return {
    size: sum(compared.map((e) => e.head.size)),
    'base-size': sum(withBase.map((e) => e.base!.size)),
    'size-delta': sum(withBase.map((e) => e.diff!.sizeDelta)),
    'size-delta-percent': percents.length ? String(Math.max(...percents)) : '',
    'compressed-size': compressed.length && compressed.every((c) => c !== null) ? sum(compressed as number[]) : '',
    layers: compared.length ? String(Math.max(...compared.map((e) => e.head.layers.length))) : '',
    findings: [...new Set(compared.flatMap(presentFindings))].join(','),
    passed: String(report.passed),
    results: JSON.stringify(imageResults(report)),
  };
}
