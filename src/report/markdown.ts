// The PR comment body / job summary (escaping: docs/architecture.md, "Untrusted input"). Its structure:
// marker, heading with the verdict, base/PR/Δ table, budgets, warnings, collapsible layers and files, footer.

import { TOOL_NAME, TOOL_VERSION } from '../lib/version.js';
import { budgetText, findingPlaces, summaryLine } from './compare-text.js';
import { formatBytes, formatCountDelta, formatDelta } from '../lib/format.js';
import { codeSpan, markdownText } from './markdown-escape.js';
import { chosenBaseText } from './base-line.js';
import type { ImageEntry, ImageReport } from '../model/report.js';
import { packageChangeRow, packageChanges, packageChangeSummary } from './package-rows.js';
import { configChangesMarkdown } from './config-changes.js';

/** Package changes listed in the comment (the JSON report has them all). */
const PACKAGE_ROWS = 20;

export const COMMENT_LIMIT = 65_536;

export function commentMarker(name: string): string {
  return `<!-- image-size-guard:${name.replace(/--+/g, '-').replace(/[<>]/g, '')} -->`;
}

export interface MarkdownOptions {
  warnings?: string[];
  footer?: string;
  /** Without marker, heading and footer: one image's part of a comment on several images. */
  bare?: boolean;
  /** Characters the body may take (default: a whole comment). */
  limit?: number;
  /** Markdown placed after the details, before the footer (the Trend section); it counts toward the limit. */
  appendix?: string;
}

export function renderMarkdown(entry: ImageEntry, opts: MarkdownOptions = {}): string {
  const head = renderHead(entry, opts);
  const tail = (opts.appendix ?? '') + (opts.bare ? '' : `\n---\n<sub>${markdownText(opts.footer ?? `${TOOL_NAME} ${TOOL_VERSION}`)}</sub>\n`);
  const limit = opts.limit ?? COMMENT_LIMIT;
  // The summary always fits; details are cut (rows dropped) until the whole body does.
  let layerRows = entry.diff?.layers.length ?? entry.head.layers.length;
  let fileRows = entry.diff?.files.length ?? 0;
  let packageRows = Math.min(PACKAGE_ROWS, packageChanges(entry.diff).length);
  // no room for any row: straight to the body without them (a comment on many images asks this often)
  if (head.length + tail.length >= limit) layerRows = fileRows = packageRows = 0;
  for (;;) {
    const body = head + renderDetails(entry, layerRows, fileRows, packageRows) + tail;
    if (body.length <= limit || (layerRows === 0 && fileRows === 0 && packageRows === 0)) return body.slice(0, limit);
    if (packageRows > 0) packageRows = Math.floor(packageRows / 2);
    else if (fileRows > 0) fileRows = Math.floor(fileRows / 2);
    else layerRows = Math.floor(layerRows / 2);
  }
}

function compressedCell(r: ImageReport | null): string {
  if (!r) return '—';
  if (r.compressedSize === null) return 'n/a';
  return formatBytes(r.compressedSize) + (r.compressedSizeExact ? '' : ' (est.)');
}

function renderHead(entry: ImageEntry, opts: MarkdownOptions): string {
  const { head, base, diff } = entry;
  const lines = opts.bare ? [] : [commentMarker(entry.name), `### 🐳 ${markdownText(summaryLine(entry))}`, ''];
  const chosen = chosenBaseText(entry);
  if (chosen) lines.push(markdownText(chosen), '');
  const g = diff?.growth;
  if (g && g.delta > 0) {
    const where = g.dockerfile ? `${codeSpan(`${g.dockerfile.path}:${g.dockerfile.line}`)} ` : '';
    lines.push(`Largest growth: ${where}${codeSpan(g.instruction || '(no history)', { max: 120 })} ${formatDelta(g.delta)}`, '');
  }
  lines.push('| | base | PR | Δ |', '|---|---:|---:|---:|');
  lines.push(`| size | ${base ? formatBytes(base.size) : '—'} | ${formatBytes(head.size)} | ${diff ? formatDelta(diff.sizeDelta) : ''} |`);
  lines.push(
    `| compressed | ${compressedCell(base)} | ${compressedCell(head)} | ${diff?.compressedSizeDelta != null ? formatDelta(diff.compressedSizeDelta) : ''} |`,
  );
  lines.push(`| layers | ${base ? base.layers.length : '—'} | ${head.layers.length} | ${base ? formatCountDelta(head.layers.length - base.layers.length) : ''} |`);
  lines.push('');
  if (entry.budgets.length) lines.push(`Budgets: ${entry.budgets.map((b) => markdownText(budgetText(b))).join(' · ')}`, '');
  lines.push(...renderFindings(entry));
  for (const w of opts.warnings ?? []) lines.push(`> [!WARNING]\n> ${markdownText(w)}`, '');
  return lines.join('\n');
}

/** New findings lead; existing ones follow; resolved ones get a short cheer. */
function renderFindings(entry: ImageEntry): string[] {
  if (entry.findings.length === 0) return [];
  const order = { new: 0, existing: 1, resolved: 2 } as const;
  const out = ['**Findings**', ''];
  for (const f of [...entry.findings].sort((a, b) => order[a.status] - order[b.status])) {
    const places = findingPlaces(f);
    const where = places.length ? ` (${places.map((p) => codeSpan(p)).join(' → ')})` : '';
    if (f.status === 'resolved') out.push(`- ✅ resolved \`${f.id}\`: ${markdownText(f.message)}`);
    else {
      const icon = f.severity === 'error' ? '❌' : '⚠️';
      const bytes = f.bytes ? ` — ${formatBytes(f.bytes)}` : '';
      const status = entry.base ? `${f.status} ` : ''; // no base: nothing to be new against
      out.push(`- ${icon} ${status}\`${f.id}\`${bytes}${where}: ${markdownText(f.message)}`);
    }
  }
  out.push('');
  return out;
}

function renderDetails(entry: ImageEntry, layerRows: number, fileRows: number, packageRows: number): string {
  const out: string[] = [];
  const { diff, head } = entry;
  if (diff) {
    out.push(...configChangesMarkdown(diff));
    const order = { changed: 0, added: 1, removed: 2, unchanged: 3 } as const;
    const layers = [...diff.layers].sort((a, b) => order[a.status] - order[b.status]).slice(0, layerRows);
    const changed = diff.layers.filter((l) => l.status !== 'unchanged').length;
    out.push(`<details><summary>Layers (${changed} changed)</summary>`, '', '| status | instruction | base | PR | Δ |', '|---|---|---:|---:|---:|');
    for (const l of layers) {
      out.push(
        `| ${l.status} | ${codeSpan(l.instruction || '(no history)', { inTable: true, max: 120 })} | ${l.baseSize === null ? '—' : formatBytes(l.baseSize)} | ${l.headSize === null ? '—' : formatBytes(l.headSize)} | ${l.status === 'unchanged' ? '' : formatDelta(l.delta)} |`,
      );
    }
    if (layers.length < diff.layers.length) out.push('', `…and ${diff.layers.length - layers.length} more layers (cut to fit the comment)`);
    out.push('', '</details>', '');
    if (diff.files.length) {
      out.push('<details><summary>Biggest file changes</summary>', '', '| Δ | status | path |', '|---:|---|---|');
      for (const f of diff.files.slice(0, fileRows)) {
        out.push(`| ${formatDelta(f.delta)} | ${f.status} | ${codeSpan(f.path + (f.kind === 'dir' ? '/' : ''), { inTable: true })} |`);
      }
      if (fileRows < diff.files.length) out.push('', `…and ${diff.files.length - fileRows} more (cut to fit the comment)`);
      out.push('', '</details>', '');
    }
    const packages = packageChanges(diff);
    if (packages.length) {
      out.push(`<details><summary>Package changes (${packageChangeSummary(packages)})</summary>`, '', '| | package | manager | version | Δ |', '|---|---|---|---|---:|');
      for (const p of packages.slice(0, packageRows)) {
        const [sign, name, manager, version, delta] = packageChangeRow(p);
        out.push(`| ${sign} | ${codeSpan(name, { inTable: true })} | ${manager} | ${codeSpan(version, { inTable: true, max: 80 })} | ${delta} |`);
      }
      if (packageRows < packages.length) out.push('', `…and ${packages.length - packageRows} more (the JSON report lists them all)`);
      out.push('', '</details>', '');
    }
  } else {
    out.push(`<details><summary>Layers (${head.layers.length})</summary>`, '', '| # | instruction | size |', '|---:|---|---:|');
    head.layers.slice(0, layerRows).forEach((l, i) => out.push(`| ${i + 1} | ${codeSpan(l.instruction || '(no history)', { inTable: true, max: 120 })} | ${formatBytes(l.size)} |`));
    out.push('', '</details>', '');
  }
  return out.join('\n');
}
