// `compare --history FILE [--record]`: the size history as a local JSON Lines file, without GitHub. The file is
// read before anything is built (a bad path fails at once; a bad line is a warning naming it, the rest is
// used); the trend goes under the report; --record appends this run's record afterwards (written to a
// temporary file beside it, then renamed over it, so an interrupted run leaves the old file whole).

import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { commitInfo, type CommitInfo } from '../git/commit-info.js';
import { oneLine } from '../lib/one-line.js';
import type { HistoryRecord } from '../model/history.js';
import type { Report } from '../model/report.js';
import { appendRecord, historyProblems, parseHistory, recordOf } from '../report/history-codec.js';
import { trendSeries } from '../report/trend.js';
import { trendMarkdown, trendText, type TrendWords } from '../report/trend-section.js';
import { UsageError } from './errors.js';

export interface LocalHistory {
  /** As given on the command line (messages name it so). */
  file: string;
  path: string;
  records: HistoryRecord[];
  /** With --record: the commit this run's record is about (--head, else HEAD), found before anything is built. */
  commit: CommitInfo | null;
}

/**
 * Reads FILE (a missing one is an empty history when --record will create it); warnings go to stderr.
 * `record`: --record was given, with --head's ref (undefined: HEAD).
 */
export async function readLocalHistory(file: string, cwd: string, record: { ref: string | undefined } | null): Promise<LocalHistory> {
  const path = resolve(cwd, file);
  const creating = record !== null;
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!(code === 'ENOENT' && creating)) throw new UsageError(`cannot read --history ${oneLine(file)}: ${code ?? (err as Error).message}${code === 'ENOENT' ? ' (--record creates it)' : ''}`);
  }
  const parsed = parseHistory(text);
  for (const p of historyProblems(parsed.problems, file)) process.stderr.write(`image-size-guard: warning: ${p}\n`);
  const commit = record
    ? await commitInfo(cwd, record.ref).catch((err: unknown) => {
        throw new UsageError(`--record needs the commit it records: ${(err as Error).message}`);
      })
    : null;
  return { file, path, records: parsed.records, commit };
}

/** The Trend section in the report's format (JSON reports have none: their schema is fixed). */
export function localTrend(history: LocalHistory, report: Report, format: 'text' | 'markdown'): string {
  const words: TrendWords = { currentLabel: 'this run', current: 'this run', noun: 'records', scope: `in ${history.file}` };
  const series = trendSeries(history.records, report.images);
  return format === 'markdown' ? trendMarkdown(series, words) : trendText(series, words);
}

/** Appends this run's record (about history.commit). */
export async function recordLocally(history: LocalHistory, report: Report): Promise<HistoryRecord | null> {
  if (!history.commit) return null;
  const record = recordOf(report, history.commit);
  if (record.images.length === 0) return record;
  // the file as it is now: another run may have appended since it was read
  const current = await readFile(history.path, 'utf8').catch(() => '');
  const temp = join(dirname(history.path), `.${basename(history.path)}.${process.pid}.tmp`);
  await writeFile(temp, appendRecord(current, record));
  await rename(temp, history.path);
  return record;
}
