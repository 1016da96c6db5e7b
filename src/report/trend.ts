// The size trend of each image: its sizes in the last records of the history (one point per commit, the latest
// record of a commit when a job ran twice), then this run's size. Pure: records and entries in, series out.

import type { HistoryRecord } from '../model/history.js';
import type { ReportEntry } from '../model/report.js';

/** Points per chart taken from the history (this run's point comes on top). */
export const TREND_POINTS = 30;

export interface TrendPoint {
  /** The commit's short SHA (7 hex characters, longer when two collide). */
  label: string;
  date: string;
  size: number;
}

export interface TrendSeries {
  /** The image's name, with its platform when the run has it on several. */
  title: string;
  points: TrendPoint[];
  /** This run's size; null when the series is the history alone (`image-size-guard history`). */
  current: number | null;
}

export interface TrendOptions {
  /** Only records of this ref (the default branch: "refs/heads/main"); all records when unset. */
  ref?: string | undefined;
  /** History points per series (default TREND_POINTS). */
  last?: number | undefined;
}

/** One series per compared image and platform of this run, in the report's order. */
export function trendSeries(records: readonly HistoryRecord[], entries: readonly ReportEntry[], opts: TrendOptions = {}): TrendSeries[] {
  const wanted = latestPerCommit(records.filter((r) => opts.ref === undefined || r.ref === opts.ref));
  const platforms = new Map<string, number>();
  for (const e of entries) if (e.status === 'compared') platforms.set(e.name, (platforms.get(e.name) ?? 0) + 1);
  const out: TrendSeries[] = [];
  for (const e of entries) {
    if (e.status !== 'compared') continue;
    const points: TrendPoint[] = [];
    for (const r of wanted) {
      const image = r.images.find((i) => i.name === e.name && i.platform === e.platform);
      if (image) points.push({ label: r.sha, date: r.date, size: image.size });
    }
    const title = (platforms.get(e.name) ?? 0) > 1 ? `${e.name} (${e.platform})` : e.name;
    out.push({ title, points: shortLabels(points.slice(-(opts.last ?? TREND_POINTS))), current: e.head.size });
  }
  return out;
}

/** The history alone: one series per image and platform its last records hold, in order of appearance. */
export function historySeries(records: readonly HistoryRecord[], last = TREND_POINTS): TrendSeries[] {
  const window = latestPerCommit(records).slice(-last);
  const keys = new Map<string, { name: string; platform: string }>();
  for (const r of window) for (const i of r.images) keys.set(JSON.stringify([i.name, i.platform]), { name: i.name, platform: i.platform });
  const names = new Map<string, number>();
  for (const k of keys.values()) names.set(k.name, (names.get(k.name) ?? 0) + 1);
  return [...keys.values()].map((k) => {
    const points: TrendPoint[] = [];
    for (const r of window) {
      const image = r.images.find((i) => i.name === k.name && i.platform === k.platform);
      if (image) points.push({ label: r.sha, date: r.date, size: image.size });
    }
    const title = (names.get(k.name) ?? 0) > 1 ? `${k.name} (${k.platform})` : k.name;
    return { title, points: shortLabels(points), current: null };
  });
}

/** Records in file order, each commit once: its last record (a re-run measures the same commit again). */
function latestPerCommit(records: readonly HistoryRecord[]): HistoryRecord[] {
  const last = new Map<string, number>();
  records.forEach((r, i) => last.set(r.sha, i));
  return records.filter((r, i) => last.get(r.sha) === i);
}

/** Full SHAs → 7 characters, longer where two would read the same. */
function shortLabels(points: TrendPoint[]): TrendPoint[] {
  for (let n = 7; n <= 40; n++) {
    const labels = points.map((p) => p.label.slice(0, n));
    if (new Set(labels).size === labels.length) return points.map((p, i) => ({ ...p, label: labels[i]! }));
  }
  return points;
}
