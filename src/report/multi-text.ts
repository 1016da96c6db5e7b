// The terminal rendering of a run with several images (or one image on several platforms): the headline and an
// aligned summary table, then one section per compared image and platform (failed and changed first), each the
// single-image rendering under a rule.

import { oneLine } from '../lib/one-line.js';
import type { RemovedPlatform, ReportEntry } from '../model/report.js';
import { renderCompareText } from './compare-text.js';
import { detailOrder, entryKey, failures, headline, NOT_BUILT_TEXT, REMOVED_TEXT, summaryRows, warnedImages } from './summary-table.js';
import { renderTable } from './table.js';

export interface MultiTextOptions {
  width?: number;
  /** Warnings by entry (entryKey), shown in that image's section. */
  warnings?: Map<string, string[]>;
  timings?: string;
  /** Platforms only the base has (Report.removedPlatforms): a row each. */
  removed?: readonly RemovedPlatform[];
}

export function renderMultiText(entries: readonly ReportEntry[], opts: MultiTextOptions = {}): string {
  const width = Math.max(60, opts.width ?? 100);
  const only = entries.length === 1 ? entries[0] : undefined;
  if (only?.status === 'not-built') {
    return [`${oneLine(only.name)} — ${NOT_BUILT_TEXT} ✅`, `  ${oneLine(only.reason)}`, ...(opts.timings ? ['', opts.timings] : [])].join('\n') + '\n';
  }
  const removed = opts.removed ?? [];
  const failed = failures(entries, removed);
  const warned = failed.length ? [] : warnedImages(entries, removed);
  const verdict = failed.length ? `❌ failed: ${failed.join(', ')}` : warned.length ? `⚠️ warned: ${warned.join(', ')}` : '✅';
  const out = [oneLine(`${headline(entries, removed)} ${verdict}`), ''];
  // Emoji are two columns wide in a terminal but one character here: the mark stands outside the aligned table,
  // and the cells use words.
  const summary = summaryRows(entries, removed);
  const rows = summary.map((r) => {
    const label = oneLine(r.label, 40);
    if (r.entry.status === 'not-built') return [label, '', '', '', '', '', NOT_BUILT_TEXT];
    if (r.entry.status === 'removed') return [label, r.base, r.head, '', '', '', REMOVED_TEXT];
    const budgets = r.failedBudgets.length
      ? `failed: ${r.failedBudgets.join(', ')}`
      : r.warnedBudgets.length ? `warned: ${r.warnedBudgets.join(', ')}` : r.budgets ? 'passed' : '—';
    const findings = r.newFindings.map((f) => `${f.id}${f.error ? ' (fails)' : ''}`).join(', ') || '—';
    return [label, r.base, r.head, r.delta, r.deltaPercent, oneLine(budgets), findings];
  });
  const header = ['image', 'base', 'PR', 'Δ', 'Δ%', 'budgets', 'new findings'];
  const table = renderTable(header, rows, ['left', 'right', 'right', 'right', 'right', 'left', 'left']);
  out.push(`     ${table[0]}`, ...table.slice(1).map((l, i) => `  ${summary[i]!.mark} ${l}`));
  // each section's own summary line names it as its row does (the platform too, when the image has several)
  const labels = new Map(summary.map((r) => [entryKey(r.entry), r.label]));
  for (const e of detailOrder(entries)) {
    const title = `── ${oneLine(e.name)}${e.platform ? ` (${oneLine(e.platform)})` : ''} `;
    out.push('', title + '─'.repeat(Math.max(3, Math.min(width, 80) - title.length)), '');
    const name = labels.get(entryKey(e)) ?? e.name;
    out.push(renderCompareText({ ...e, name }, { width, warnings: opts.warnings?.get(entryKey(e)) ?? [] }).trimEnd());
  }
  if (opts.timings) out.push('', opts.timings);
  return out.join('\n') + '\n';
}
