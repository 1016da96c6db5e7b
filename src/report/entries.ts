// A report with several entries (one image on several platforms), rendered plainly until the multi-image
// summary (one row per image and platform, details folded) replaces it: each entry in turn, its platform in
// its heading, then the platforms only the base has. One entry renders exactly as before.

import { formatBytes } from '../lib/format.js';
import { oneLine } from '../lib/one-line.js';
import type { ImageEntry, RemovedPlatform, Report } from '../model/report.js';
import { renderCompareText, type CompareTextOptions } from './compare-text.js';
import { markdownText } from './markdown-escape.js';
import { COMMENT_LIMIT, commentMarker, renderMarkdown, type MarkdownOptions } from './markdown.js';

/** "app — removed: only the base has linux/arm64 (2.1 MB)" */
export function removedPlatformLine(r: RemovedPlatform): string {
  return `${r.name} — removed: only the base has ${r.platform} (${formatBytes(r.base.size)})`;
}

/** With several entries each heading names its platform; a new platform says so. */
function labelled(entry: ImageEntry, several: boolean): ImageEntry {
  if (!several) return entry;
  return { ...entry, name: `${entry.name} (${entry.platform}${entry.platformAdded ? ', new platform' : ''})` };
}

function isSeveral(report: Report): boolean {
  return report.images.length > 1 || (report.removedPlatforms?.length ?? 0) > 0;
}

export function renderReportText(report: Report, opts: CompareTextOptions = {}): string {
  const several = isSeveral(report);
  const last = report.images.length - 1;
  const parts = report.images.map((e, i) =>
    renderCompareText(labelled(e, several), { ...opts, warnings: i === 0 ? opts.warnings : [], ...(i === last ? {} : { timings: undefined }) }),
  );
  for (const r of report.removedPlatforms ?? []) parts.push(`${oneLine(removedPlatformLine(r))}\n`);
  return parts.join('\n');
}

/** The comment body: one marker (the image's name keys the sticky comment), each entry, one footer. */
export function renderReportMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  const first = report.images[0];
  if (!first) return '';
  if (!isSeveral(report)) return renderMarkdown(first, opts);
  const sections = report.images.map((e, i) => {
    const body = renderMarkdown(labelled(e, true), { ...opts, warnings: i === 0 ? opts.warnings : [] });
    // without its own marker line and footer
    return body.slice(body.indexOf('\n') + 1, body.lastIndexOf('\n---\n<sub>'));
  });
  for (const r of report.removedPlatforms ?? []) sections.push(`**${markdownText(removedPlatformLine(r))}**\n`);
  const footer = renderMarkdown(first, opts);
  const body = [commentMarker(first.name), ...sections].join('\n') + footer.slice(footer.lastIndexOf('\n---\n<sub>'));
  return body.slice(0, COMMENT_LIMIT);
}
