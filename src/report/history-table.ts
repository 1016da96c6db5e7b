// `image-size-guard history FILE`: the last records as a table (a row per record and image), then the trend of
// each image — its line (and, in markdown, its chart). Every string from the file is escaped where it lands.

import { formatBytes } from '../lib/format.js';
import { oneLine } from '../lib/one-line.js';
import type { HistoryRecord } from '../model/history.js';
import { codeSpan, markdownText } from './markdown-escape.js';
import { renderTable } from './table.js';
import { historySeries } from './trend.js';
import { trendMarkdown, trendText, type TrendWords } from './trend-section.js';

export interface HistoryTableOptions {
  /** The file, as named on the command line. */
  file: string;
  /** Records shown (the newest). */
  last: number;
}

type Row = [date: string, commit: string, ref: string, image: string, platform: string, size: string, compressed: string, layers: string];

const HEADER = ['date', 'commit', 'ref', 'image', 'platform', 'size', 'compressed', 'layers'];

function rows(records: readonly HistoryRecord[]): Row[] {
  return records.flatMap((r) =>
    r.images.map((i): Row => [
      r.date.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, 'Z'),
      r.sha.slice(0, 7),
      r.ref,
      i.name,
      i.platform,
      formatBytes(i.size),
      i.compressedSize === null ? 'n/a' : formatBytes(i.compressedSize) + (i.compressedSizeExact ? '' : ' ~'),
      String(i.layers),
    ]),
  );
}

function words(o: HistoryTableOptions): TrendWords {
  return { currentLabel: '', current: '', noun: 'records', scope: `in ${o.file}` };
}

function caption(records: readonly HistoryRecord[], o: HistoryTableOptions): string {
  const shown = Math.min(o.last, records.length);
  return `${shown === records.length ? `${shown}` : `the last ${shown} of ${records.length}`} record${records.length === 1 ? '' : 's'} of ${o.file}`;
}

export function renderHistoryText(records: readonly HistoryRecord[], o: HistoryTableOptions): string {
  if (records.length === 0) return `${oneLine(o.file)}: no records\n`;
  const window = records.slice(-o.last);
  const table = renderTable(HEADER, rows(window).map((r) => r.map((c) => oneLine(c, 60))), ['left', 'left', 'left', 'left', 'left', 'right', 'right', 'right']);
  return [oneLine(caption(records, o)), '', ...table.map((l) => `  ${l}`)].join('\n') + '\n' + trendText(historySeries(records, o.last), words(o));
}

export function renderHistoryMarkdown(records: readonly HistoryRecord[], o: HistoryTableOptions): string {
  if (records.length === 0) return `${markdownText(`${o.file}: no records`)}\n`;
  const window = records.slice(-o.last);
  const lines = [`### ${markdownText(`Size history: ${caption(records, o)}`)}`, '', `| ${HEADER.join(' | ')} |`, '|---|---|---|---|---|---:|---:|---:|'];
  for (const [date, commit, ref, image, platform, size, compressed, layers] of rows(window)) {
    const code = (t: string): string => codeSpan(t, { inTable: true, max: 80 });
    lines.push(`| ${markdownText(date)} | ${code(commit)} | ${code(ref)} | ${code(image)} | ${code(platform)} | ${size} | ${compressed} | ${layers} |`);
  }
  return lines.join('\n') + '\n' + trendMarkdown(historySeries(records, o.last), words(o));
}
