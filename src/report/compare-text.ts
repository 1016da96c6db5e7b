// The terminal rendering of a comparison: a summary line, base/PR/Δ totals, budgets, the aligned layer
// table and the biggest file changes.

import { formatBytes, formatCount, formatCountDelta, formatDelta, formatDeltaPercent } from '../lib/format.js';
import { renderTable } from './table.js';
import { chosenBaseText } from './base-line.js';
import { oneLine } from '../lib/one-line.js';
import type { BudgetResult, Finding, ImageEntry, ImageReport, LayerGrowth } from '../model/report.js';
import { packageChangeRow, packageChanges, packageChangeSummary } from './package-rows.js';
import { configChangesText } from './config-changes.js';
import { isWarning } from '../analysis/budgets.js';

export interface CompareTextOptions {
  width?: number;
  warnings?: string[];
  timings?: string;
  /** Package changes listed (the rest are counted); 10 by default. */
  packageRows?: number;
}

/** "Dockerfile:7 RUN apt-get install … +120 MB" (raw: callers escape), or null when no layer grew. */
export function growthText(g: LayerGrowth | null | undefined, instructionWidth = 60): string | null {
  if (!g || g.delta <= 0) return null;
  const where = g.dockerfile ? `${g.dockerfile.path}:${g.dockerfile.line} ` : '';
  return `${where}${oneLine(g.instruction || '(no history)', instructionWidth)} ${formatDelta(g.delta)}`;
}

/** ❌ failed; ⚠️ passed with a warn level exceeded; ✅ passed. */
export function verdictMark(entry: Pick<ImageEntry, 'passed' | 'budgets'>): '✅' | '⚠️' | '❌' {
  if (!entry.passed) return '❌';
  return entry.budgets.some(isWarning) ? '⚠️' : '✅';
}

export function summaryLine(entry: ImageEntry): string {
  const { head, base, diff } = entry;
  const mark = verdictMark(entry);
  if (!base || !diff) return `${entry.name} — ${formatBytes(head.size)} (no baseline) ${mark}`;
  const pct = formatDeltaPercent(diff.sizeDeltaPercent);
  return `${entry.name} — ${formatBytes(base.size)} → ${formatBytes(head.size)} (${formatDelta(diff.sizeDelta)}${pct ? `, ${pct}` : ''}) ${mark}`;
}

/** What a budget measured: "4 layers", "+6.2 MB" (a growth), "150 MB". */
export function budgetActual(b: BudgetResult): string {
  return b.id.endsWith('-layers') ? `${b.actual} layers` : b.id.endsWith('-increase') ? formatDelta(b.actual) : formatBytes(b.actual);
}

/** "max-size 250MB ✅ (150 MB)"; ⚠️ marks a warn level exceeded, ❌ a budget that fails. */
export function budgetText(b: BudgetResult): string {
  return `${b.id} ${oneLine(b.limit)} ${b.passed ? '✅' : isWarning(b) ? '⚠️' : '❌'} (${budgetActual(b)})`;
}

/** "1.4 MB", "1.4 MB ~" for a gzip estimate, "n/a". */
export function compressed(r: Pick<ImageReport, 'compressedSize' | 'compressedSizeExact'>): string {
  if (r.compressedSize === null) return 'n/a';
  return formatBytes(r.compressedSize) + (r.compressedSizeExact ? '' : ' ~');
}

/** A finding's Dockerfile places (raw: callers escape): its line, then the later line that removed its bytes when there is one. */
export function findingPlaces(f: Pick<Finding, 'dockerfile' | 'removedBy'>): string[] {
  const at = (d: { path: string; line: number } | null | undefined): string[] => (d ? [`${d.path}:${d.line}`] : []);
  return f.dockerfile ? [...at(f.dockerfile), ...at(f.removedBy?.dockerfile)] : [];
}

/**
 * New findings first, then existing; resolved ones get one short line. Each piece of untrusted text is made
 * terminal-safe before the lines are joined, so a newline in a file name cannot start a line of its own.
 */
export function findingLines(entry: ImageEntry): string[] {
  const order = { new: 0, existing: 1, resolved: 2 } as const;
  return [...entry.findings]
    .sort((a, b) => order[a.status] - order[b.status])
    .map((f) => {
      const places = findingPlaces(f);
      const where = places.length ? ` (${places.map((p) => oneLine(p)).join(' → ')})` : '';
      if (f.status === 'resolved') return `✅ resolved ${f.id}: ${oneLine(f.message)}`;
      // without a base there is nothing a finding could be new against: no status word (JSON keeps it)
      const status = entry.base ? `${f.status} ` : '';
      const head = `${f.severity === 'error' ? '❌' : '⚠️'} ${status}${f.id}${f.bytes ? ` ${formatBytes(f.bytes)}` : ''}${where}: ${oneLine(f.message)}`;
      const evidence = f.evidence.map(
        (e) => `      ${oneLine(e.path)}  ${formatBytes(e.size)}  (layer ${e.layer + 1}: ${oneLine(e.instruction) || 'base image'})`,
      );
      return [head, ...evidence].join('\n');
    });
}

/**
 * Finding lines for a terminal of `width` columns, indented by two: a finding's message is wrapped at spaces
 * (continuation lines indented under it) so what it says fixing is worth is not cut off; evidence lines are cut.
 */
export function fitFindingLines(findings: readonly string[], width: number): string[] {
  const out: string[] = [];
  for (const f of findings) {
    const [head = '', ...evidence] = f.split('\n');
    out.push(...wrap(oneLine(head), width - 2, 6).map((l) => '  ' + l));
    for (const e of evidence) out.push('  ' + oneLine(e, width - 2));
  }
  return out;
}

function wrap(text: string, width: number, indent: number): string[] {
  const lines: string[] = [];
  let rest = text;
  let first = true;
  while (rest.length > 0) {
    const room = Math.max(20, width - (first ? 0 : indent));
    let cut = rest.length <= room ? rest.length : rest.lastIndexOf(' ', room);
    if (cut <= 0) cut = Math.min(rest.length, room); // one long word: cut it
    lines.push((first ? '' : ' '.repeat(indent)) + rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
    first = false;
  }
  return lines;
}

export function renderCompareText(entry: ImageEntry, opts: CompareTextOptions = {}): string {
  const width = Math.max(60, opts.width ?? 100);
  const out: string[] = [oneLine(summaryLine(entry))];
  const chosen = chosenBaseText(entry);
  if (chosen) out.push(oneLine(chosen));
  const growth = growthText(entry.diff?.growth, Math.max(20, width - 40));
  if (growth !== null) out.push(`Largest growth: ${oneLine(growth)}`);
  out.push('');
  const findings = findingLines(entry);
  if (findings.length) out.push('Findings', ...fitFindingLines(findings, width), '');
  const { head, base, diff } = entry;

  const totals: string[][] = [
    ['size', base ? formatBytes(base.size) : '—', formatBytes(head.size), diff ? formatDelta(diff.sizeDelta) : ''],
    [
      'compressed',
      base ? compressed(base) : '—',
      compressed(head),
      diff?.compressedSizeDelta != null ? formatDelta(diff.compressedSizeDelta) : '',
    ],
    ['layers', base ? String(base.layers.length) : '—', String(head.layers.length), base ? formatCountDelta(head.layers.length - base.layers.length) : ''],
    ['files', base ? formatCount(base.fileCount) : '—', formatCount(head.fileCount), base ? formatCountDelta(head.fileCount - base.fileCount) : ''],
    ['wasted', base ? formatBytes(base.wastedBytes) : '—', formatBytes(head.wastedBytes), base ? formatDelta(head.wastedBytes - base.wastedBytes) : ''],
  ];
  out.push(...renderTable(['', 'base', 'PR', 'Δ'], totals, ['left', 'right', 'right', 'right']).map((l) => '  ' + l));
  if ([head, base].some((r) => r && r.compressedSize !== null && !r.compressedSizeExact)) out.push('  (~ gzip level-6 estimate)');

  if (entry.budgets.length) out.push('', `Budgets: ${entry.budgets.map(budgetText).join(' · ')}`);
  for (const w of opts.warnings ?? []) out.push('', `warning: ${oneLine(w)}`);
  const config = configChangesText(diff, width);
  if (config.length) out.push('', ...config);

  if (diff) {
    const changed = diff.layers.filter((l) => l.status !== 'unchanged').length;
    out.push('', `Layers (${changed} of ${diff.layers.length} changed)`);
    const instrWidth = Math.max(20, width - 50);
    const rows = diff.layers.map((l) => [
      l.status,
      oneLine(l.instruction || '(no history)', instrWidth),
      l.baseSize === null ? '—' : formatBytes(l.baseSize),
      l.headSize === null ? '—' : formatBytes(l.headSize),
      l.status === 'unchanged' ? '' : formatDelta(l.delta),
    ]);
    out.push(...renderTable(['status', 'instruction', 'base', 'PR', 'Δ'], rows, ['left', 'left', 'right', 'right', 'right']).map((l) => '  ' + l));
    if (diff.files.length) {
      out.push('', 'Biggest file changes');
      const pathWidth = Math.max(20, width - 40);
      const fileRows = diff.files.map((f) => [
        formatDelta(f.delta),
        f.status,
        oneLine(f.path + (f.kind === 'dir' ? '/' : ''), pathWidth),
      ]);
      out.push(...renderTable(['Δ', 'status', 'path'], fileRows, ['right', 'left', 'left']).map((l) => '  ' + l));
    } else out.push('', 'No file changes.');
    const packages = packageChanges(diff);
    if (packages.length) {
      const shown = packages.slice(0, Math.max(0, opts.packageRows ?? 10));
      out.push('', `Package changes (${packageChangeSummary(packages)})`);
      const rows = shown.map((p) => packageChangeRow(p).map((c, i) => (i === 0 || i === 4 ? c : oneLine(c, i === 1 ? 60 : 40))));
      out.push(...renderTable(['', 'package', 'manager', 'version', 'Δ'], rows, ['left', 'left', 'left', 'left', 'right']).map((l) => '  ' + l));
      if (shown.length < packages.length) out.push(`  …and ${packages.length - shown.length} more (--format json lists them all)`);
    }
  } else {
    out.push('', `Layers (${head.layers.length})`);
    const rows = head.layers.map((l, i) => [String(i + 1), oneLine(l.instruction || '(no history)', Math.max(20, width - 30)), formatBytes(l.size)]);
    out.push(...renderTable(['#', 'instruction', 'size'], rows, ['right', 'left', 'right']).map((l) => '  ' + l));
  }
  if (opts.timings) out.push('', opts.timings);
  return out.join('\n') + '\n';
}
