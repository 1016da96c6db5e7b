// The report files a merge reads: each argument is a file, a directory (every *.json under it, as
// actions/download-artifact lays artifacts out, with or without merge-multiple) or a glob (a directory it
// matches counts as a directory). Each file is read and checked (report/validate-report.ts); every problem is
// one line naming the file or the pattern.

import { glob, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { oneLine } from '../lib/one-line.js';
import { UserError } from '../model/errors.js';
import type { ReportSource } from '../report/merge-reports.js';

/** A report is a few MB at most; a bigger file is not one of ours, and is not read into memory. */
const MAX_REPORT_BYTES = 64 * 2 ** 20;

const isGlob = (pattern: string): boolean => /[*?[\]{}]/.test(pattern);

/**
 * The files the patterns name, in the order given (a directory's or glob's sorted), each once; `exclude`
 * (the merged report being written) is left out. Paths are absolute.
 */
export async function findReportFiles(patterns: readonly string[], cwd: string, exclude: readonly string[] = []): Promise<string[]> {
  const skip = new Set(await Promise.all(exclude.map((f) => realpath(resolve(cwd, f)).catch(() => resolve(cwd, f)))));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const pattern of patterns) {
    for (const file of await expand(pattern, cwd)) {
      const real = await realpath(file);
      if (seen.has(real) || skip.has(real)) continue;
      seen.add(real);
      out.push(file);
    }
  }
  return out;
}

async function expand(pattern: string, cwd: string): Promise<string[]> {
  const path = resolve(cwd, pattern);
  const kind = await stat(path).catch(() => null);
  if (kind?.isFile()) return [path];
  if (kind?.isDirectory()) {
    const files = await jsonFilesUnder(path);
    if (files.length === 0) throw new UserError(`no report (*.json) in the directory ${oneLine(pattern, 200)}`);
    return files;
  }
  if (kind) throw new UserError(`${oneLine(pattern, 200)} is neither a file nor a directory`);
  if (!isGlob(pattern)) throw new UserError(`no report file ${oneLine(pattern, 200)} (no such file or directory)`);
  const matches: string[] = [];
  for await (const m of glob(pattern, { cwd })) matches.push(resolve(cwd, m));
  const files: string[] = [];
  for (const m of matches.sort()) {
    const s = await stat(m);
    if (s.isFile()) files.push(m);
    else if (s.isDirectory()) files.push(...(await jsonFilesUnder(m)));
  }
  if (files.length === 0) throw new UserError(`no report file matches ${oneLine(pattern, 200)}`);
  return files;
}

async function jsonFilesUnder(dir: string): Promise<string[]> {
  const files: string[] = [];
  for await (const m of glob('**/*.json', { cwd: dir })) files.push(resolve(dir, m));
  const found = await Promise.all(files.map(async (f) => ((await stat(f)).isFile() ? f : null)));
  return found.filter((f): f is string => f !== null).sort();
}

/** Reads and checks each file (named relative to `cwd`, with "/"); the first bad one, in order, is the error. */
export async function readReports(files: readonly string[], cwd: string): Promise<ReportSource[]> {
  const results = await Promise.allSettled(files.map((path) => readReport(path, displayPath(path, cwd))));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<ReportSource>).value);
}

async function readReport(path: string, file: string): Promise<ReportSource> {
  const size = (await stat(path)).size;
  if (size > MAX_REPORT_BYTES) throw new UserError(`${file}: ${size} bytes is too big for an image-size-guard report`);
  const text = await readFile(path, 'utf8').catch((err: Error) => {
    throw new UserError(`${file}: cannot read it (${oneLine(err.message, 200)})`);
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // the parser quotes the text it choked on: left out, the file could be anything
    const why = (err as Error).message.replace(/".*"(?:\.\.\.)?/s, '…');
    const what = text.trim() === '' ? 'empty' : `truncated or not JSON (${oneLine(why, 120)})`;
    throw new UserError(`${file}: ${what}`);
  }
  // evaluated when a report is read, not at start: zod and its schemas would sit in every run's heap
  // (docs/performance.md); "eager" keeps it in the bundle (a chunk of its own would lose ncc's licenses.txt)
  const { validateReport } = await import(/* webpackMode: "eager" */ '../report/validate-report.js');
  return { file, report: validateReport(value, file) };
}

/** The path relative to `cwd` with "/" separators; one line (file names are whatever a leg uploaded). */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return oneLine((rel === '' || isAbsolute(rel) ? path : rel).split(sep).join('/'));
}
