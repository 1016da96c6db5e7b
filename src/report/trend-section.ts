// The "Trend" section of the comment, the summary and the terminal: per image one line that reads anywhere
// ("api: 212 MB → 251 MB over 30 merges, this PR 253 MB ▁▂▂▃▅▆▇") and, in markdown, its chart. Up to
// FOLD_AFTER images the charts are shown; beyond, the section is folded so the sizes table stays on top.

import { formatBytes } from '../lib/format.js';
import { oneLine } from '../lib/one-line.js';
import { markdownText } from './markdown-escape.js';
import { trendChart } from './trend-chart.js';
import type { TrendSeries } from './trend.js';

export const FOLD_AFTER = 10;
const BARS = '▁▂▃▄▅▆▇█';

export interface TrendWords {
  /** This run's point in the chart, e.g. "PR #7" or "this run". */
  currentLabel: string;
  /** This run in the line, e.g. "this PR" or "this run". */
  current: string;
  /** What the history's points are: "merges" (the default branch), "records" (a local file). */
  noun: string;
  /** Where the history comes from, for the heading: "on main", "in sizes.jsonl". */
  scope: string;
}

/** Values as bars from ▁ (the smallest) to █ (the largest); all ▄ when they are all equal. */
export function sparkline(values: readonly number[]): string {
  const min = Math.min(...values);
  const span = Math.max(...values) - min;
  return values.map((v) => (span === 0 ? BARS[3] : BARS[Math.round(((v - min) / span) * (BARS.length - 1))])).join('');
}

/** The one-line trend of an image (raw text: callers escape). */
export function trendLine(s: TrendSeries, w: TrendWords): string {
  const now = s.current === null ? '' : `, ${w.current} ${formatBytes(s.current)}`;
  if (s.points.length === 0) return `${s.title}: no history yet${now}`;
  const n = s.points.length;
  const noun = n === 1 ? w.noun.replace(/s$/, '') : w.noun;
  const sizes = s.points.map((p) => p.size);
  const bars = sparkline(s.current === null ? sizes : [...sizes, s.current]);
  return `${s.title}: ${formatBytes(sizes[0]!)} → ${formatBytes(sizes[n - 1]!)} over ${n} ${noun}${now} ${bars}`;
}

/** The markdown section (empty when no image has a series). */
export function trendMarkdown(series: readonly TrendSeries[], w: TrendWords): string {
  if (series.length === 0) return '';
  const most = Math.max(...series.map((s) => s.points.length));
  const then = series.some((s) => s.current !== null) ? `, then ${w.current}` : '';
  const heading = `Trend: image sizes ${w.scope}${most ? ` over the last ${most} ${w.noun}` : ''}${then}`;
  const body = series.map((s) => `${markdownText(trendLine(s, w))}\n\n${s.points.length ? `${trendChart(s, w.currentLabel)}\n\n` : ''}`).join('');
  if (series.length > FOLD_AFTER) {
    return `\n<details><summary>${markdownText(`${heading} (${series.length} images)`)}</summary>\n\n${body}</details>\n`;
  }
  return `\n**${markdownText(heading)}**\n\n${body}`;
}

/** The terminal's section: the lines alone. */
export function trendText(series: readonly TrendSeries[], w: TrendWords): string {
  if (series.length === 0) return '';
  return ['', `Trend (${oneLine(w.scope)})`, ...series.map((s) => `  ${oneLine(trendLine(s, w))}`)].join('\n') + '\n';
}
