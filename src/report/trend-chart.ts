// A trend as a mermaid `xychart-beta` line chart (GitHub renders mermaid blocks in comments and summaries).
// Horizontal: the commits run down the side, one labelled row each, this run's last — mermaid neither rotates
// nor thins category labels, so 31 short SHAs side by side overlap at a comment's width, while one per row
// stays readable. One chart per image: a shared axis would flatten a 2 MB image next to an 800 MB one.
//
// Labels come from the history file and image names (anyone who can push to the history branch, or name an
// image, writes them): each is reduced to ASCII letters, digits, spaces and `._-/:()+,@#` — no quotes, brackets,
// braces, `%`, `<`, `&`, `;`, backticks or line breaks — so none can close the string it sits in, start a
// `%%{init}` directive, an entity (`#35;` needs the `;`), HTML, or end the code block.

import type { TrendSeries } from './trend.js';

const UNITS = [
  { name: 'GB', bytes: 1e9 },
  { name: 'MB', bytes: 1e6 },
  { name: 'kB', bytes: 1e3 },
] as const;

/** Text safe inside a quoted mermaid label (see above), at most `max` characters. */
export function mermaidLabel(text: string, max = 60): string {
  const s = text.replace(/[^A-Za-z0-9._\-/:()+,@# ]/g, '_').replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}_` : s || '_';
}

/** The unit a series reads best in: the largest that keeps its biggest value at 1 or more. */
export function chartUnit(values: readonly number[]): (typeof UNITS)[number] {
  const max = Math.max(0, ...values);
  return UNITS.find((u) => max >= u.bytes) ?? UNITS[UNITS.length - 1]!;
}

/** The ```mermaid block of one series; `currentLabel` names this run's point ("PR #7", "this run"), when it has one. */
export function trendChart(series: TrendSeries, currentLabel: string): string {
  const now = series.current === null ? [] : [series.current];
  const sizes = [...series.points.map((p) => p.size), ...now];
  const unit = chartUnit(sizes);
  const labels = [...series.points.map((p) => p.label), ...(now.length ? [currentLabel] : [])].map((l) => `"${mermaidLabel(l, 40)}"`);
  const values = sizes.map((s) => Number((s / unit.bytes).toFixed(2)));
  return [
    '```mermaid',
    '---',
    'config:',
    '  themeVariables:',
    '    xyChart:',
    '      plotColorPalette: "#0969da"',
    '  xyChart:',
    `    height: ${120 + 22 * sizes.length}`,
    '---',
    'xychart-beta horizontal',
    `  title "${mermaidLabel(series.title)}"`,
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "size (${unit.name})"`,
    `  line [${values.join(', ')}]`,
    '```',
  ].join('\n');
}
