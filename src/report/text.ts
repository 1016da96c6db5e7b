// The terminal rendering of a report: one table per image, aligned, totals last.

import type { ImageModel } from '../image/types.js';
import { formatBytes, formatCount, formatPercent } from '../lib/format.js';
import { oneLine } from '../lib/one-line.js';
import type { ImageConfigReport, ImageReport, PackageReport } from '../model/report.js';
import { configText } from './config-changes.js';
import { installedPackageRow } from './package-rows.js';
import { compressed, fitFindingLines } from './compare-text.js';
import { renderTable } from './table.js';

export interface TextOptions {
  /** Terminal width; instructions are cut to fit. */
  width?: number;
  /** Finding lines (from findingLines), shown before the layer table. */
  findings?: string[];
  /** Installed packages, largest first: the first `packageRows` (15) are listed after the layers. */
  packages?: PackageReport[];
  packageRows?: number;
  /** The image config's settings, shown after the layers. */
  config?: ImageConfigReport;
}

export function renderImageText(name: string, platform: string, report: ImageReport, model: ImageModel, opts: TextOptions = {}): string {
  const width = Math.max(60, opts.width ?? 100);
  const rows = report.layers.map((l, i) => ({
    index: String(i + 1),
    size: formatBytes(l.size),
    files: formatCount(l.fileCount),
    waste: model.layers[i]?.wastedBytes ? formatBytes(model.layers[i]!.wastedBytes) : '',
    instruction: l.instruction || '(no history)',
  }));
  const total = {
    index: '',
    size: formatBytes(report.size),
    files: formatCount(report.layers.reduce((n, l) => n + l.fileCount, 0)),
    waste: report.wastedBytes ? formatBytes(report.wastedBytes) : '',
    instruction: 'total',
  };
  const all = [...rows, total];
  const w = {
    index: Math.max(1, ...all.map((r) => r.index.length)),
    size: Math.max(4, ...all.map((r) => r.size.length)),
    files: Math.max(5, ...all.map((r) => r.files.length)),
    waste: Math.max(6, ...all.map((r) => r.waste.length)),
  };
  const fixed = w.index + w.size + w.files + w.waste + 10;
  const instrWidth = Math.max(20, width - fixed);
  const line = (r: typeof total): string =>
    [
      r.index.padStart(w.index),
      oneLine(r.instruction, instrWidth).padEnd(instrWidth),
      r.size.padStart(w.size),
      r.files.padStart(w.files),
      r.waste.padStart(w.waste),
    ].join('  ').trimEnd();

  const out: string[] = [];
  out.push(`${oneLine(name)}  ${oneLine(platform)}  ${oneLine(report.id.slice(0, 19))}`);
  out.push(
    `size ${formatBytes(report.size)} · ${report.layers.length} layer${report.layers.length === 1 ? '' : 's'} · ` +
      `${formatCount(report.fileCount)} files in the final filesystem · compressed ${compressed(report)}${report.compressedSize !== null && !report.compressedSizeExact ? ' (gzip level-6 estimate)' : ''}` +
      ` · wasted ${formatBytes(report.wastedBytes)} (efficiency ${formatPercent(report.efficiency)})`,
  );
  out.push('');
  if (opts.findings?.length) {
    out.push('Findings', ...fitFindingLines(opts.findings, width), '');
  }
  out.push(line({ index: '#', instruction: 'instruction', size: 'size', files: 'files', waste: 'wasted' }));
  for (const r of rows) out.push(line(r));
  out.push(line(total));
  if (opts.config) out.push('', ...configText(opts.config, width));
  const packages = opts.packages ?? [];
  if (packages.length) {
    const shown = packages.slice(0, Math.max(0, opts.packageRows ?? 15));
    const bytes = packages.reduce((s, p) => s + p.size, 0);
    out.push('', `Largest packages (${formatCount(packages.length)} installed, ${formatBytes(bytes)} in all)`);
    const cells = shown.map((p) => installedPackageRow(p).map((c, i) => (i === 3 ? c : oneLine(c, i === 0 ? 60 : 40))));
    out.push(...renderTable(['package', 'manager', 'version', 'size'], cells, ['left', 'left', 'left', 'right']).map((l) => '  ' + l));
    if (shown.length < packages.length) out.push(`  …and ${packages.length - shown.length} more (--format json lists them all)`);
  }
  return out.join('\n') + '\n';
}
