// The base → head comparison of one image (the report's DiffReport): totals, aligned layers, top file changes.

import type { ImageModel } from '../image/types.js';
import type { DiffReport, LayerGrowth, PackageReport } from '../model/report.js';
import { alignLayers, type AlignedLayer } from './align-layers.js';
import { diffConfig } from './config-diff.js';
import { diffFiles } from './file-diff.js';
import { diffPackages } from './packages/diff-packages.js';
import { listPackages } from './packages/installed-packages.js';

export interface DiffOptions {
  topFiles?: number;
  /** Each side's packages when already listed (else they are listed here). */
  packages?: { base: readonly PackageReport[]; head: readonly PackageReport[] };
  /** The Dockerfile location of a head layer, for `growth`. */
  locate?: (headLayer: number) => { path: string; line: number } | null;
}

export function diffImages(base: ImageModel, head: ImageModel, opts: DiffOptions = {}): DiffReport {
  const sizeDelta = head.size - base.size;
  const baseCompressed = base.compressedSize;
  const headCompressed = head.compressedSize;
  const aligned = alignLayers(base.layers, head.layers);
  const packages = opts.packages ?? { base: listPackages(base).packages, head: listPackages(head).packages };
  return {
    sizeDelta,
    sizeDeltaPercent: base.size > 0 ? round2((100 * sizeDelta) / base.size) : null,
    compressedSizeDelta: baseCompressed !== null && headCompressed !== null ? headCompressed - baseCompressed : null,
    layers: aligned.map((l) => ({
      status: l.status,
      instruction: l.instruction,
      baseSize: l.baseSize,
      headSize: l.headSize,
      delta: l.delta,
    })),
    files: diffFiles(base.files, head.files, opts.topFiles === undefined ? {} : { top: opts.topFiles }),
    packages: diffPackages(packages.base, packages.head),
    growth: largestGrowth(aligned, opts.locate),
    config: diffConfig(base, head),
  };
}

/** The added or changed head layer that grew the most (the first one on a tie); null when none grew. */
function largestGrowth(aligned: readonly AlignedLayer[], locate: DiffOptions['locate']): LayerGrowth | null {
  let best: AlignedLayer | null = null;
  for (const l of aligned) {
    if ((l.status === 'added' || l.status === 'changed') && l.headIndex !== null && l.delta > 0 && (best === null || l.delta > best.delta)) best = l;
  }
  if (best === null) return null;
  return { instruction: best.instruction, delta: best.delta, dockerfile: locate?.(best.headIndex!) ?? null };
}

function round2(x: number): number {
  const r = Math.round(x * 100) / 100;
  return r === 0 ? 0 : r; // no -0 in the report
}
