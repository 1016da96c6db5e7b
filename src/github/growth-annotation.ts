// A notice annotation on the Dockerfile line whose layer grew the most, when the image grew by more than the
// increase level it is given — the lower of warn-increase and max-increase (main.ts) — in bytes, or 1 MB without
// one: the reviewer sees where to look in the diff view.

import * as core from '@actions/core';
import { formatDelta } from '../lib/format.js';
import { oneLine } from '../lib/one-line.js';
import type { IncreaseLimit } from '../model/options.js';
import type { ImageEntry } from '../model/report.js';

const DEFAULT_THRESHOLD = 1_000_000;

/** Bytes of growth above which the line is annotated: the level's bytes, else its percent of the base, else 1 MB. */
export function growthThreshold(entry: ImageEntry, maxIncrease: IncreaseLimit | undefined): number {
  if (maxIncrease?.bytes != null) return maxIncrease.bytes;
  if (maxIncrease?.percent != null && entry.base) return (maxIncrease.percent / 100) * entry.base.size;
  return DEFAULT_THRESHOLD;
}

/** Annotates and returns true when the image grew past the threshold and the growth has a line. */
export function annotateGrowth(entry: ImageEntry, maxIncrease: IncreaseLimit | undefined): boolean {
  const g = entry.diff?.growth;
  if (!entry.diff || !g?.dockerfile || entry.diff.sizeDelta <= growthThreshold(entry, maxIncrease)) return false;
  // core escapes the message and properties for the workflow command; oneLine keeps the instruction to one line
  core.notice(`This line's layer grew ${formatDelta(g.delta)} (${oneLine(g.instruction, 200)}); the image grew ${formatDelta(entry.diff.sizeDelta)}.`, {
    file: g.dockerfile.path,
    startLine: g.dockerfile.line,
    title: 'image-size-guard: largest growth',
  });
  return true;
}
