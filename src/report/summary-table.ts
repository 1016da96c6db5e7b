// The summary of a run with several images: one row per image and platform (base, PR, Δ, Δ%, budgets, new
// findings), the headline above it, and the order in which the images' details follow. Data only; the markdown
// and text renderers lay it out.

import { formatBytes, formatDelta, formatDeltaPercent } from '../lib/format.js';
import type { FindingId, ImageEntry, ReportEntry } from '../model/report.js';

export interface SummaryRow {
  entry: ReportEntry;
  /** The name, plus the platform when the same name has several platforms. */
  label: string;
  /** ✅ passed, ❌ failed, ➖ not built */
  mark: '✅' | '❌' | '➖';
  base: string;
  head: string;
  delta: string;
  deltaPercent: string;
  /** ✅, ❌ with the failed budgets, or "" when none is set (or not built). */
  budgets: string;
  failedBudgets: string[];
  /** Findings new against the base (all present findings when there is no base), errors first. */
  newFindings: { id: FindingId; error: boolean }[];
}

export const NOT_BUILT_TEXT = 'unchanged — not built';

/** The entry's key: rows are one per image name and platform. */
export function entryKey(e: ReportEntry): string {
  return `${e.name}\u0000${e.platform ?? ''}`;
}

export function summaryRows(entries: readonly ReportEntry[]): SummaryRow[] {
  const perName = new Map<string, number>();
  for (const e of entries) perName.set(e.name, (perName.get(e.name) ?? 0) + 1);
  return entries.map((e) => {
    const label = (perName.get(e.name) ?? 0) > 1 && e.platform ? `${e.name} (${e.platform})` : e.name;
    if (e.status === 'not-built') {
      return { entry: e, label, mark: '➖', base: '', head: '', delta: '', deltaPercent: '', budgets: '', failedBudgets: [], newFindings: [] };
    }
    const failedBudgets = e.budgets.filter((b) => !b.passed).map((b) => `${b.id} ${b.limit}`);
    return {
      entry: e,
      label,
      mark: e.passed ? '✅' : '❌',
      base: e.base ? formatBytes(e.base.size) : '—',
      head: formatBytes(e.head.size),
      delta: e.diff ? formatDelta(e.diff.sizeDelta) : '',
      deltaPercent: e.diff ? formatDeltaPercent(e.diff.sizeDeltaPercent) : '',
      budgets: e.budgets.length === 0 ? '' : failedBudgets.length ? '❌' : '✅',
      failedBudgets,
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

/** "3 images: 1 compared, 2 not built" */
export function headline(entries: readonly ReportEntry[]): string {
  const notBuilt = entries.filter((e) => e.status === 'not-built').length;
  const compared = entries.length - notBuilt;
  const parts = [`${compared} compared`];
  if (notBuilt) parts.push(`${notBuilt} not built`);
  return `${entries.length} image${entries.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** Why the run failed, per image: "api (max-size 120kB)", "worker (fail-on: shell)". Empty when it passed. */
export function failures(entries: readonly ReportEntry[]): string[] {
  const out: string[] = [];
  for (const row of summaryRows(entries)) {
    const e = row.entry;
    if (e.status === 'not-built' || e.passed) continue;
    const why = [...row.failedBudgets];
    const failing = [...new Set(e.findings.filter((f) => f.severity === 'error' && f.status !== 'resolved').map((f) => f.id))];
    if (failing.length) why.push(`fail-on: ${failing.join(', ')}`);
    out.push(why.length ? `${row.label} (${why.join('; ')})` : row.label);
  }
  return out;
}

/** Whether an image's comparison shows movement: size, findings, or no baseline to compare with. */
export function hasNews(e: ImageEntry): boolean {
  if (!e.base || !e.diff) return true;
  return e.diff.sizeDelta !== 0 || e.findings.some((f) => f.status !== 'existing');
}

/** The compared images in the order their details are shown: failed first, then changed, then the rest. */
export function detailOrder(entries: readonly ReportEntry[]): ImageEntry[] {
  const compared = entries.filter((e): e is ImageEntry => e.status === 'compared');
  const rank = (e: ImageEntry): number => (!e.passed ? 0 : hasNews(e) ? 1 : 2);
  return compared.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i).map(({ e }) => e);
}

/** "100 kB → 150 kB (+50 kB, +50.0%)", or "150 kB (no baseline)". */
export function sizeChange(e: ImageEntry): string {
  if (!e.base || !e.diff) return `${formatBytes(e.head.size)} (no baseline)`;
  const pct = formatDeltaPercent(e.diff.sizeDeltaPercent);
  return `${formatBytes(e.base.size)} → ${formatBytes(e.head.size)} (${formatDelta(e.diff.sizeDelta)}${pct ? `, ${pct}` : ''})`;
}
