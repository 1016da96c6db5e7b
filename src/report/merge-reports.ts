// The fan-in: reports of several jobs (matrix legs, each complete: its budgets decided, its findings annotated)
// become one report — every entry kept as its leg wrote it, with the file it came from, in the order the files
// were given. One image and platform in two files is a mistake (two legs building the same thing differently)
// unless both wrote the same entry. Pure: the files are read and checked by the caller.

import { isDeepStrictEqual } from 'node:util';
import { formatRef } from '../lib/format.js';
import { oneLine } from '../lib/one-line.js';
import { TOOL_NAME, TOOL_VERSION } from '../lib/version.js';
import { UserError } from '../model/errors.js';
import type { RemovedPlatform, Report, ReportEntry } from '../model/report.js';
import { makeReport } from './image-report.js';

export interface ReportSource {
  /** The file, as it is named in messages and in `reportFile` (relative to the workspace). */
  file: string;
  report: Report;
}

interface Seen<T> {
  file: string;
  index: number;
  item: T;
}

/** The merged report; a UserError naming both files when one image and platform differs between two of them. */
export function mergeReports(sources: readonly ReportSource[]): Report {
  const images = new Map<string, Seen<ReportEntry>>();
  const removed = new Map<string, Seen<RemovedPlatform>>();
  for (const { file, report } of sources) {
    report.images.forEach((entry, index) => keep(images, { file, index, item: entry }, 'images'));
    (report.removedPlatforms ?? []).forEach((r, index) => keep(removed, { file, index, item: r }, 'removedPlatforms'));
  }
  if (images.size === 0 && removed.size === 0) throw new UserError(`no image in ${sources.map((s) => s.file).join(', ') || 'the reports'}`);
  const withFile = <T extends { reportFile?: string }>(s: Seen<T>): T => ({ ...s.item, reportFile: s.file });
  return makeReport([...images.values()].map(withFile), [...removed.values()].map(withFile));
}

function keep<T extends { name: string; platform: string | null; reportFile?: string }>(seen: Map<string, Seen<T>>, next: Seen<T>, field: string): void {
  const key = `${next.item.name}\u0000${next.item.platform ?? ''}`;
  const first = seen.get(key);
  if (!first) {
    seen.set(key, next);
    return;
  }
  // a report merged earlier says where its entries came from: that is no difference
  if (isDeepStrictEqual({ ...first.item, reportFile: undefined }, { ...next.item, reportFile: undefined })) return;
  const what = quotedName(next.item);
  if (first.file === next.file) throw new UserError(`${first.file}: ${field}[${next.index}] repeats ${what} of ${field}[${first.index}]`);
  throw new UserError(`${what} is in two reports with different results: ${first.file} (${field}[${first.index}]) and ${next.file} (${field}[${next.index}]); give each matrix leg its own images`);
}

function quotedName(e: { name: string; platform: string | null }): string {
  return `image "${oneLine(e.name, 80)}"${e.platform ? ` (${oneLine(e.platform, 60)})` : ''}`;
}

/** "image-size-guard 1.2.3 · 3 reports merged · base 0123456789ab · head 456789abcdef" */
export function mergedFooter(report: Report, reports: number, headSha?: string): string {
  const compared = report.images.flatMap((e) => (e.status === 'compared' ? [e] : []));
  const base = compared.find((e) => e.base)?.base?.ref;
  const head = headSha || compared[0]?.head.ref;
  const parts = [`${TOOL_NAME} ${TOOL_VERSION}`, `${reports} report${reports === 1 ? '' : 's'} merged`];
  if (base) parts.push(`base ${formatRef(base)}`);
  if (head) parts.push(`head ${formatRef(head)}`);
  return parts.join(' · ');
}
