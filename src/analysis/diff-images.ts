// The base → head comparison of one image (design §2.4 DiffReport): totals, aligned layers, top file changes.

import type { ImageModel } from '../image/types.js';
import type { DiffReport } from '../model/report.js';
import { alignLayers } from './align-layers.js';
import { diffFiles } from './file-diff.js';

export interface DiffOptions {
  topFiles?: number;
}

export function diffImages(base: ImageModel, head: ImageModel, opts: DiffOptions = {}): DiffReport {
  const sizeDelta = head.size - base.size;
  const baseCompressed = base.compressedSize;
  const headCompressed = head.compressedSize;
  return {
    sizeDelta,
    sizeDeltaPercent: base.size > 0 ? round2((100 * sizeDelta) / base.size) : null,
    compressedSizeDelta: baseCompressed !== null && headCompressed !== null ? headCompressed - baseCompressed : null,
    layers: alignLayers(base.layers, head.layers).map((l) => ({
      status: l.status,
      instruction: l.instruction,
      baseSize: l.baseSize,
      headSize: l.headSize,
      delta: l.delta,
    })),
    files: diffFiles(base.files, head.files, opts.topFiles === undefined ? {} : { top: opts.topFiles }),
  };
}

function round2(x: number): number {
  const r = Math.round(x * 100) / 100;
  return r === 0 ? 0 : r; // no -0 in the report
}
