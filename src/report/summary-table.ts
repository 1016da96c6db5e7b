// The summary of a run with several images (or one image on several platforms): one row per image and
// platform (base, PR, Δ, Δ%, budgets, new findings) — a platform only the base has is a row of its own, after
// its image's other rows — the headline above it, and the order in which the images' details follow. Data only;
// the markdown and text renderers lay it out.

import { formatBytes, formatDelta, formatDeltaPercent } from '../lib/format.js';
import type { BudgetResult, FindingId, ImageEntry, RemovedPlatform, ReportEntry } from '../model/report.js';
import { isFailing, isWarning } from '../analysis/budgets.js';
import { verdictMark } from './compare-text.js';

/** A platform only the base has (Report.removedPlatforms), as a summary row: nothing of the head to show. */
export interface RemovedEntry extends RemovedPlatform {
  status: 'removed';
}

export type SummaryEntry = ReportEntry | RemovedEntry;

export interface SummaryRow {
  entry: SummaryEntry;
  /** The name, plus the platform when the same name has several rows (and "added platform" for a new one). */
  label: string;
  /** ✅ passed, ⚠️ passed with a warn level exceeded, ❌ failed, ➖ not built or platform removed */
  mark: '✅' | '⚠️' | '❌' | '➖';
  base: string;
  head: string;
  delta: string;
  deltaPercent: string;
  /** ✅, ❌ with the failed budgets, ⚠️ with the exceeded warn levels, or "" when none is set (or not built). */
  budgets: string;
  /** "max-size 120kB": the budgets that fail the run. */
  failedBudgets: string[];
  /** "warn-increase 5MB": the warn levels exceeded (they never fail the run). */
  warnedBudgets: string[];
  /** Findings new against the base (all present findings when there is no base), errors first. */
  newFindings: { id: FindingId; error: boolean }[];
}

export const NOT_BUILT_TEXT = 'unchanged — not built';
export const REMOVED_TEXT = 'platform removed — only the base has it';

/** The entry's key: rows are one per image name and platform. */
export function entryKey(e: SummaryEntry): string {
  return `${e.name}\u0000${e.platform ?? ''}`;
}

/** The entries in the report's order, each image's removed platforms right after its other rows. */
export function withRemoved(entries: readonly ReportEntry[], removed: readonly RemovedPlatform[] = []): SummaryEntry[] {
  const out: SummaryEntry[] = [...entries];
  for (const r of removed) {
    let at = out.length;
    for (let i = out.length - 1; i >= 0; i--) {
      if (out[i]!.name === r.name) {
        at = i + 1;
        break;
      }
    }
    out.splice(at, 0, { ...r, status: 'removed' });
  }
  return out;
}

export function summaryRows(entries: readonly ReportEntry[], removed: readonly RemovedPlatform[] = []): SummaryRow[] {
  const all = withRemoved(entries, removed);
  const perName = new Map<string, number>();
  for (const e of all) perName.set(e.name, (perName.get(e.name) ?? 0) + 1);
  return all.map((e) => {
    const label = (perName.get(e.name) ?? 0) > 1 && e.platform ? `${e.name} (${e.platform}${e.status === 'compared' && e.platformAdded ? ', added platform' : ''})` : e.name;
    if (e.status === 'not-built') {
      // one row however many platforms: a list (or all) is named, so the row says what it stands for
      const many = e.platform !== null && (e.platform.includes(',') || e.platform === 'all');
      const own = many ? `${e.name} (${e.platform!.split(',').join(', ')})` : label;
      return { entry: e, label: own, mark: '➖', base: '', head: '', delta: '', deltaPercent: '', budgets: '', failedBudgets: [], warnedBudgets: [], newFindings: [] };
    }
    if (e.status === 'removed') {
      return { entry: e, label, mark: '➖', base: formatBytes(e.base.size), head: '—', delta: '', deltaPercent: '', budgets: '', failedBudgets: [], warnedBudgets: [], newFindings: [] };
    }
    const named = (keep: (b: BudgetResult) => boolean): string[] => e.budgets.filter(keep).map((b) => `${b.id} ${b.limit}`);
    const failedBudgets = named(isFailing);
    const warnedBudgets = named(isWarning);
    return {
      entry: e,
      label,
      mark: verdictMark(e),
      base: e.base ? formatBytes(e.base.size) : '—',
      head: formatBytes(e.head.size),
      delta: e.diff ? formatDelta(e.diff.sizeDelta) : '',
      deltaPercent: e.diff ? formatDeltaPercent(e.diff.sizeDeltaPercent) : '',
      budgets: e.budgets.length === 0 ? '' : failedBudgets.length ? '❌' : warnedBudgets.length ? '⚠️' : '✅',
      failedBudgets,
      warnedBudgets,
      newFindings: newFindings(e),
    };
  });
}

function newFindings(e: ImageEntry): { id: FindingId; error: boolean }[] {
  const present = e.findings.filter((f) => (e.base ? f.status === 'new' : f.status !== 'resolved'));
  const ids = new Map<FindingId, boolean>();
  for (const f of present) ids.set(f.id, (ids.get(f.id) ?? false) || f.severity === 'error');
  return [...ids].map(([id, error]) => ({ id, error })).sort((a, b) => Number(b.error) - Number(a.error));
}

/**
 * "3 images: 1 compared, 2 not built"; with several platforms the rows are counted too:
 * "1 image (3 rows): 2 compared (1 added platform), 1 platform removed".
 */
export function headline(entries: readonly ReportEntry[], removed: readonly RemovedPlatform[] = []): string {
  const notBuilt = entries.filter((e) => e.status === 'not-built').length;
  const compared = entries.length - notBuilt;
  const added = entries.filter((e) => e.status === 'compared' && e.platformAdded).length;
  const images = new Set([...entries, ...removed].map((e) => e.name)).size;
  const rows = entries.length + removed.length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [`${compared} compared${added ? ` (${plural(added, 'added platform')})` : ''}`];
  if (notBuilt) parts.push(`${notBuilt} not built`);
  if (removed.length) parts.push(`${plural(removed.length, 'platform')} removed`);
  return `${plural(images, 'image')}${rows === images ? '' : ` (${rows} rows)`}: ${parts.join(', ')}`;
}

/** Why the run failed, per image: "api (max-size 120kB)", "worker (fail-on: shell)". Empty when it passed. */
export function failures(entries: readonly ReportEntry[], removed: readonly RemovedPlatform[] = []): string[] {
  const out: string[] = [];
  for (const row of summaryRows(entries, removed)) {
    const e = row.entry;
    if (e.status !== 'compared' || e.passed) continue;
    const why = [...row.failedBudgets];
    const failing = [...new Set(e.findings.filter((f) => f.severity === 'error' && f.status !== 'resolved').map((f) => f.id))];
    if (failing.length) why.push(`fail-on: ${failing.join(', ')}`);
    out.push(why.length ? `${row.label} (${why.join('; ')})` : row.label);
  }
  return out;
}

/** The images that exceeded a warn level, with them: "api (warn-increase 5MB)". Empty when none did. */
export function warnedImages(entries: readonly ReportEntry[], removed: readonly RemovedPlatform[] = []): string[] {
  return summaryRows(entries, removed)
    .filter((row) => row.warnedBudgets.length > 0)
    .map((row) => `${row.label} (${row.warnedBudgets.join(', ')})`);
}

/** Whether an image's comparison shows movement: size, findings, config, or no baseline to compare with. */
export function hasNews(e: ImageEntry): boolean {
  if (!e.base || !e.diff) return true;
  return e.diff.sizeDelta !== 0 || e.findings.some((f) => f.status !== 'existing') || Object.keys(e.diff.config ?? {}).length > 0;
}

/** The compared images in the order their details are shown: failed first, then changed or warned, then the rest. */
export function detailOrder(entries: readonly ReportEntry[]): ImageEntry[] {
  const compared = entries.filter((e): e is ImageEntry => e.status === 'compared');
  const rank = (e: ImageEntry): number => (!e.passed ? 0 : hasNews(e) || e.budgets.some(isWarning) ? 1 : 2);
  return compared.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i).map(({ e }) => e);
}

/** "100 kB → 150 kB (+50 kB, +50.0%)", or "150 kB (no baseline)", or "150 kB (added platform)". */
export function sizeChange(e: ImageEntry): string {
  if (!e.base || !e.diff) return `${formatBytes(e.head.size)} (${e.platformAdded ? 'added platform' : 'no baseline'})`;
  const pct = formatDeltaPercent(e.diff.sizeDeltaPercent);
  return `${formatBytes(e.base.size)} → ${formatBytes(e.head.size)} (${formatDelta(e.diff.sizeDelta)}${pct ? `, ${pct}` : ''})`;
}
