// The quiet comment (input `comment-threshold`, `--comment-threshold`): a run with nothing worth a reviewer's
// attention posts no comment, and turns an existing one into one line that keeps its marker (so the next
// significant run finds and updates it). Pure: the callers decide what to do with the line.
//
// Quiet means all of: the run passed; no budget failed or warned; every compared image has a baseline and a size
// change (either way) within the threshold — a size, a percent or both, exceeded as `max-increase` is (with both,
// only when both are); no finding is new or resolved; the image config did not change (a PR that switches USER to
// root is news however few bytes it moves); no platform was added or removed. Images not built count
// as quiet (nothing of them changed).

import { increaseExceeds } from '../analysis/budgets.js';
import { formatDelta } from '../lib/format.js';
import type { IncreaseLimit } from '../model/options.js';
import type { Report } from '../model/report.js';
import { markdownText } from './markdown-escape.js';

export function isQuiet(report: Report, threshold: IncreaseLimit): boolean {
  if (!report.passed || (report.removedPlatforms?.length ?? 0) > 0) return false;
  return report.images.every((e) => {
    if (e.status !== 'compared') return true;
    if (!e.base || !e.diff) return false; // nothing to compare with: all of it is news
    if (e.budgets.some((b) => !b.passed)) return false;
    if (e.findings.some((f) => f.status !== 'existing')) return false;
    if (Object.keys(e.diff.config ?? {}).length > 0) return false;
    return !increaseExceeds(threshold, Math.abs(e.diff.sizeDelta), e.base.size);
  });
}

/**
 * The one-line comment of a quiet run — the marker, then "🐳 api: no significant change since the last run:
 * +3.2 kB (comment-threshold 1MB)" — or null when the run is not quiet (or there is no threshold).
 */
export function quietComment(report: Report, threshold: IncreaseLimit | null, marker: string): string | null {
  if (!threshold || !isQuiet(report, threshold)) return null;
  const names = [...new Set(report.images.map((e) => e.name))];
  const delta = report.images.reduce((sum, e) => sum + (e.status === 'compared' && e.diff ? e.diff.sizeDelta : 0), 0);
  const label = names.length === 1 ? markdownText(names[0]!) : `${names.length} images`;
  return `${marker}\n🐳 ${label}: no significant change since the last run: ${formatDelta(delta)} (comment-threshold ${markdownText(threshold.text)})\n`;
}
