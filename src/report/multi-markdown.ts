// The PR comment (and job summary) of a run with several images (or one image on several platforms): the
// marker, a headline, the summary table — one row per image and platform, a platform only the base has included
// — then each compared image's details folded in <details>, failed and changed images first. It stays under GitHub's 65,536 characters: details are shortened, then dropped, image by image
// (the largest last), and summary rows are cut only when the table alone would not fit.

import { TOOL_NAME, TOOL_VERSION } from '../lib/version.js';
import type { RemovedPlatform, ReportEntry } from '../model/report.js';
import { COMMENT_LIMIT, renderMarkdown } from './markdown.js';
import { codeSpan, markdownText } from './markdown-escape.js';
import { detailOrder, entryKey, failures, headline, NOT_BUILT_TEXT, REMOVED_TEXT, sizeChange, summaryRows, warnedImages, type SummaryRow } from './summary-table.js';
import { verdictMark } from './compare-text.js';

export interface MultiMarkdownOptions {
  /** The hidden marker line that finds the comment again (commentMarker of the comment key). */
  marker: string;
  footer?: string;
  /** Warnings by entry (entryKey), shown in that image's details. */
  warnings?: Map<string, string[]>;
  /** Characters the whole body may take (default: GitHub's comment limit). */
  limit?: number;
  /** Platforms only the base has (Report.removedPlatforms): a row each. */
  removed?: readonly RemovedPlatform[];
  /** Markdown placed after the details, before the footer (the Trend section); it counts toward the limit. */
  appendix?: string;
}

const HEADER = ['| | image | base | PR | Δ | Δ% | budgets | new findings |', '|---|---|---:|---:|---:|---:|:---:|---|'];

function row(r: SummaryRow): string {
  const e = r.entry;
  if (e.status === 'not-built') return `| ${r.mark} | ${markdownText(r.label)} | | | | | | ${NOT_BUILT_TEXT} |`;
  if (e.status === 'removed') return `| ${r.mark} | ${markdownText(r.label)} | ${r.base} | ${r.head} | | | | ${REMOVED_TEXT} |`;
  const budgets = r.failedBudgets.length
    ? `❌ ${markdownText(r.failedBudgets.join(', '))}`
    : r.warnedBudgets.length ? `⚠️ ${markdownText(r.warnedBudgets.join(', '))}` : r.budgets;
  const findings = r.newFindings.map((f) => `${f.error ? '❌ ' : ''}${codeSpan(f.id, { inTable: true })}`).join(' ') || '—';
  return `| ${r.mark} | ${markdownText(r.label)} | ${r.base} | ${r.head} | ${r.delta} | ${r.deltaPercent} | ${budgets || '—'} | ${findings} |`;
}

function title(entries: readonly ReportEntry[], removed: readonly RemovedPlatform[]): string {
  const failed = failures(entries, removed);
  const only = entries.length === 1 ? entries[0] : undefined;
  if (only?.status === 'not-built') return `### 🐳 ${markdownText(only.name)} — ${NOT_BUILT_TEXT} ✅`;
  const warned = failed.length ? [] : warnedImages(entries, removed);
  const verdict = failed.length ? `❌ failed: ${failedList(failed.map(markdownText))}` : warned.length ? `⚠️ warned: ${failedList(warned.map(markdownText))}` : '✅';
  return `### 🐳 ${headline(entries, removed)} ${verdict}`; // the headline is counts and words of ours
}

/** The failing (or warned) images, as many as fit in `max` characters (the summary must fit the comment), then how many more. */
function failedList(failed: readonly string[], max = 2000): string {
  let out = '';
  for (const [i, f] of failed.entries()) {
    if (out && out.length + 2 + f.length > max) return `${out} and ${failed.length - i} more`;
    out += (out ? ', ' : '') + f;
  }
  return out;
}

export function renderMultiMarkdown(entries: readonly ReportEntry[], opts: MultiMarkdownOptions): string {
  const limit = opts.limit ?? COMMENT_LIMIT;
  const footer = `${opts.appendix ?? ''}\n---\n<sub>${markdownText(opts.footer ?? `${TOOL_NAME} ${TOOL_VERSION}`)}</sub>\n`;
  const removed = opts.removed ?? [];
  const rows = summaryRows(entries, removed).map(row);
  const notBuilt = entries.filter((e) => e.status === 'not-built');
  const why = 'nothing it is built from (Dockerfile, context files after .dockerignore, build definition) changed';
  const only = entries.length === 1 ? notBuilt[0] : undefined;
  const note = only ? `\n<sub>Not built: ${markdownText(only.reason)}.</sub>\n` : notBuilt.length ? `\n<sub>Not built: ${why}.</sub>\n` : '';

  // The summary always fits: rows are cut (with a note) only when the table alone is too long.
  let shown = rows.length;
  let summary = '';
  for (;;) {
    const cut = rows.length - shown;
    const more = cut ? `\n…and ${cut} more images (cut to fit the comment; the JSON report has them all)\n` : '';
    summary = [opts.marker, title(entries, removed), '', ...HEADER, ...rows.slice(0, shown), ''].join('\n') + more + note;
    if (summary.length + footer.length <= limit || shown === 0) break;
    shown = Math.max(0, shown - Math.max(1, Math.ceil((summary.length + footer.length - limit) / 80)));
  }

  // Details in order; each gets a fair share of what is left, the small ones first so their leftovers go to the big.
  const ordered = detailOrder(entries);
  const sections = new Map<string, string>();
  let left = limit - summary.length - footer.length;
  const omittedNote = (n: number): string => `\n<sub>Details of ${n} image${n === 1 ? '' : 's'} left out to fit the comment; the job's log and the JSON report have them.</sub>\n`;
  left -= omittedNote(ordered.length).length; // reserved, in case it is needed
  const full = ordered.map((e) => ({ e, text: section(e, opts.warnings?.get(entryKey(e)) ?? [], limit) }));
  const bySize = [...full].sort((a, b) => a.text.length - b.text.length);
  bySize.forEach(({ e, text }, i) => {
    const share = Math.floor(left / (bySize.length - i));
    let chosen = text;
    if (chosen.length > share) chosen = section(e, opts.warnings?.get(entryKey(e)) ?? [], share);
    if (chosen === '' || chosen.length > share) return;
    sections.set(entryKey(e), chosen);
    left -= chosen.length;
  });
  const parts = ordered.map((e) => sections.get(entryKey(e))).filter((s): s is string => s !== undefined);
  const omitted = ordered.length - parts.length;
  return summary + parts.join('') + (omitted ? omittedNote(omitted) : '') + footer;
}

/** One image's details; with `limit`, its tables are cut to fit (an empty string when even the shortest won't). */
function section(e: Parameters<typeof renderMarkdown>[0], warnings: string[], limit?: number): string {
  // inside an HTML block markdown is not read: a code span would not protect the name there, entities do
  const open = `\n<details><summary>${verdictMark(e)} <b>${markdownText(e.name)}</b>${e.platform ? ` ${markdownText(e.platform)}` : ''} — ${markdownText(sizeChange(e))}</summary>\n\n`;
  const close = '\n</details>\n';
  const budget = limit === undefined ? undefined : limit - open.length - close.length;
  if (budget !== undefined && budget <= 0) return '';
  const body = renderMarkdown(e, { bare: true, warnings, ...(budget !== undefined ? { limit: budget } : {}) });
  if (budget !== undefined && body.length >= budget) return ''; // only the summary's hard cut would make it fit
  return open + body + close;
}
