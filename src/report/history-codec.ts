// The size history as a file: JSON Lines, one HistoryRecord per line, oldest first (see model/history.ts).
// Whoever can push to the history branch (or edit the local file) writes it, so every line is checked field by
// field; a bad line is named by its number and skipped, the rest is used. Fields this version does not know are
// kept as written when the file is rewritten.

import { oneLine } from '../lib/one-line.js';
import type { HistoryImage, HistoryRecord } from '../model/history.js';
import type { Report } from '../model/report.js';

/** Records a history file keeps: the newest ones. */
export const HISTORY_KEEP = 1000;
const MAX_LINE = 1 << 20;
const MAX_IMAGES = 1000;

export interface ParsedHistory {
  /** The valid records, in file order (oldest first). */
  records: HistoryRecord[];
  /** One line per bad line: "line 7: images[0].size is not a whole number of bytes". */
  problems: string[];
}

export function parseHistory(text: string): ParsedHistory {
  const records: HistoryRecord[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const problem = line.length > MAX_LINE ? `longer than ${MAX_LINE} characters` : checkLine(line);
    if (typeof problem === 'string') problems.push(`line ${i + 1}: ${problem}`);
    else records.push(problem);
  });
  return { records, problems };
}

/** Warnings for bad lines, naming the file and the line: ten at most, then how many more. */
export function historyProblems(problems: readonly string[], file: string): string[] {
  const name = oneLine(file, 200);
  const shown = problems.slice(0, 10).map((p) => `${name} ${p}: the line is skipped`);
  if (problems.length > 10) shown.push(`${name}: ${problems.length - 10} more bad lines skipped`);
  return shown;
}

/** The file with `record` appended, keeping the newest HISTORY_KEEP records (and the lines between them). */
export function appendRecord(text: string, record: HistoryRecord, keep = HISTORY_KEEP): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  lines.push(JSON.stringify(record));
  let valid = 0;
  let start = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (typeof checkLine(lines[i]!) !== 'string' && ++valid === keep) {
      start = i;
      break;
    }
  }
  return lines.slice(start).join('\n') + '\n';
}

/** Whether the file already holds this exact record (a write that succeeded although its answer was lost). */
export function hasRecord(text: string, record: HistoryRecord): boolean {
  const line = JSON.stringify(record);
  return text.split('\n').some((l) => l.trim() === line);
}

/** This run's record: the head of every compared image (images not built were not measured). */
export function recordOf(report: Report, commit: Pick<HistoryRecord, 'sha' | 'ref' | 'date'>): HistoryRecord {
  const images: HistoryImage[] = [];
  for (const e of report.images) {
    if (e.status !== 'compared') continue;
    const h = e.head;
    images.push({ name: e.name, platform: e.platform, size: h.size, compressedSize: h.compressedSize, compressedSizeExact: h.compressedSizeExact, layers: h.layers.length });
  }
  return { sha: commit.sha, ref: commit.ref, date: commit.date, images };
}

/** A valid record, or what is wrong with the line. */
function checkLine(line: string): HistoryRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  if (!isObject(value)) return 'not a JSON object';
  const r = value;
  if (typeof r.sha !== 'string' || !/^[0-9a-f]{7,64}$/.test(r.sha)) return 'sha is not a commit SHA (hex)';
  if (typeof r.ref !== 'string' || r.ref.length > 256) return 'ref is not a string of at most 256 characters';
  if (typeof r.date !== 'string' || r.date.length > 40 || Number.isNaN(Date.parse(r.date))) return 'date is not an ISO date';
  if (!Array.isArray(r.images) || r.images.length > MAX_IMAGES) return `images is not a list of at most ${MAX_IMAGES} images`;
  for (const [i, image] of r.images.entries()) {
    const problem = checkImage(image);
    if (problem) return `images[${i}]${problem}`;
  }
  return r as unknown as HistoryRecord;
}

function checkImage(image: unknown): string | null {
  if (!isObject(image)) return ' is not an object';
  if (typeof image.name !== 'string' || image.name === '' || image.name.length > 200) return '.name is not a name of at most 200 characters';
  if (typeof image.platform !== 'string' || image.platform.length > 100) return '.platform is not a platform';
  if (!isBytes(image.size)) return '.size is not a whole number of bytes';
  if (image.compressedSize !== null && !isBytes(image.compressedSize)) return '.compressedSize is neither null nor a whole number of bytes';
  if (typeof image.compressedSizeExact !== 'boolean') return '.compressedSizeExact is not true or false';
  if (!isBytes(image.layers)) return '.layers is not a whole number';
  return null;
}

const isBytes = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
