// `image-size-guard compare`: build (or read) base and head of one image or several, diff them, check budgets.

import { writeFile } from 'node:fs/promises';
import { defaultLogMode } from '../buildx/build-log.js';
import type { RunOptions } from '../pipeline/compare-options.js';
import { parseFailOn } from '../config/fail-on.js';
import { BUDGET_KEYS, readBudgets, type BudgetKey } from '../config/budget-options.js';
import { InputErrors } from '../config/errors.js';
import { splitFlags } from '../config/split-flags.js';
import { checkBuildxFlags } from '../config/buildx-flags.js';
import { checkBuildArgs, parseCompressedSizeMode } from '../config/build-options.js';
import { checkPlatformOption } from '../config/platform-option.js';
import type { ImageDefaults } from '../config/image-entries.js';
import { runImages, type CompareResult } from '../pipeline/run-compare.js';
import { renderCompareText } from '../report/compare-text.js';
import { formatSeconds } from '../lib/format.js';
import { commentMarker, renderMarkdown } from '../report/markdown.js';
import { renderMultiMarkdown } from '../report/multi-markdown.js';
import { renderMultiText } from '../report/multi-text.js';
import { entryKey } from '../report/summary-table.js';
import { oneLine } from '../lib/one-line.js';
import { failureMessage } from '../report/failure-message.js';
import type { ImageEntry } from '../model/report.js';
import type { BudgetConfig, FailOn } from '../model/options.js';
import { EXIT_FAILED, EXIT_PASSED, UsageError } from './errors.js';
import { compareImages, type CompareImages } from './compare-images.js';
import { progressPerStream } from './progress.js';
import { cacheDirOption } from '../config/cache-option.js';
import { applyReleaseFlags } from './release-flags.js';
import { localTrend, readLocalHistory, recordLocally, type LocalHistory } from './local-history.js';
import { parseIncrease } from '../config/parse-size.js';
import type { IncreaseLimit } from '../model/options.js';
import { quietComment } from '../report/comment-threshold.js';
import { reportSarif, warnBudgets } from './report-extras.js';

const BUDGET_FLAGS = Object.fromEntries(BUDGET_KEYS.map((key) => [key, { type: 'string' }])) as Record<BudgetKey, { type: 'string' }>;

export const COMPARE_FLAGS = {
  base: { type: 'string' },
  head: { type: 'string' },
  config: { type: 'string' },
  bake: { type: 'string' },
  'bake-target': { type: 'string', multiple: true },
  'always-build': { type: 'boolean' },
  'comment-key': { type: 'string' },
  context: { type: 'string' },
  file: { type: 'string', short: 'f' },
  target: { type: 'string' },
  'build-arg': { type: 'string', multiple: true },
  platform: { type: 'string' },
  builder: { type: 'string' },
  'buildx-flags': { type: 'string' },
  'base-image': { type: 'string' },
  'base-tag': { type: 'string' },
  'head-version': { type: 'string' },
  image: { type: 'string' },
  name: { type: 'string' },
  ...BUDGET_FLAGS,
  'fail-on': { type: 'string' },
  'compressed-size': { type: 'string' },
  'top-files': { type: 'string' },
  'cache-dir': { type: 'string' },
  'no-cache': { type: 'boolean' },
  sarif: { type: 'string' },
  'comment-threshold': { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  history: { type: 'string' },
  record: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = { [K in keyof typeof COMPARE_FLAGS]?: (typeof COMPARE_FLAGS)[K] extends { multiple: true } ? string[] : (typeof COMPARE_FLAGS)[K] extends { type: 'boolean' } ? boolean : string };

type Format = 'text' | 'markdown' | 'json';

/** The run's options and the defaults every image starts from, from the flags. */
export function runOptionsFromFlags(v: Values, cwd: string): { run: RunOptions; defaults: ImageDefaults; format: Format; output: string | undefined; commentThreshold: IncreaseLimit | null } {
  const format = v.format ?? 'text';
  if (format !== 'text' && format !== 'markdown' && format !== 'json') throw new UsageError(`--format must be text, markdown or json (got "${format}")`);
  if (v.base && v['base-image']) throw new UsageError('--base and --base-image exclude each other: build a git ref, or read an image');
  if (v.head && v.image) throw new UsageError('--head and --image exclude each other: build a git ref, or read an image');
  if (v['no-cache'] && v['cache-dir'] !== undefined) throw new UsageError('--no-cache and --cache-dir exclude each other');
  const cacheDir = cacheDirOption(v['no-cache'], v['cache-dir'], cwd);
  const topFiles = v['top-files'] === undefined ? 20 : Number(v['top-files']);
  if (!Number.isInteger(topFiles) || topFiles < 1 || topFiles > 1000) throw new UsageError(`--top-files must be a whole number from 1 to 1000 (got "${v['top-files']}")`);
  const run: RunOptions = {
    cwd,
    baseRef: v.base,
    headRef: v.head,
    builder: v.builder,
    buildxFlags: v['buildx-flags'] ? checkBuildxFlags(splitFlags(v['buildx-flags'], '--buildx-flags'), '--buildx-flags') : [],
    compressedSize: parseCompressedSizeMode(v['compressed-size']),
    topFiles,
    logMode: defaultLogMode(),
    alwaysBuild: v['always-build'] === true,
    cache: cacheDir ? { dir: cacheDir } : undefined,
  };
  const defaults: ImageDefaults = {
    context: v.context ?? '.',
    dockerfile: v.file,
    target: v.target,
    buildArgs: checkBuildArgs(v['build-arg'] ?? [], '--build-arg'),
    platform: checkPlatformOption(v.platform, '--platform'),
    budgets: readBudgetFlags(v),
    failOn: parseFailOn(v['fail-on'], '--fail-on'),
  };
  const commentThreshold = v['comment-threshold'] === undefined ? null : parseIncrease(v['comment-threshold'], '--comment-threshold');
  return { run, defaults, format, output: v.output, commentThreshold };
}

/** --max-size and the other budget flags; all their mistakes at once. */
function readBudgetFlags(v: Values): BudgetConfig {
  const problems: string[] = [];
  const budgets = readBudgets((key) => v[key], (key) => `--${key}`, {}, problems);
  if (problems.length) throw new InputErrors(problems);
  return budgets;
}

export async function runCompareCommand(v: Values): Promise<number> {
  const cwd = process.cwd();
  const { run, defaults, format, output, commentThreshold } = runOptionsFromFlags(v, cwd);
  const set = await compareImages(v, defaults, cwd);
  applyReleaseFlags(v, set.images, set.several, cwd);
  if (v.record && v.history === undefined) throw new UsageError('--record needs --history FILE (the file it appends to)');
  const history = v.history === undefined ? null : await readLocalHistory(v.history, cwd, v.record ? { ref: run.headRef } : null);
  if (set.defaultConfig) process.stderr.write(`image-size-guard: reading the images from ${set.defaultConfig}\n`);
  run.definitions = set.definitions;
  const progress = progressPerStream();
  const started = performance.now();
  const result = await runImages(run, set.images, (label) => progress.stream(label)).catch((err: unknown) => {
    progress.abort();
    throw err;
  });
  progress.finish();
  for (const w of result.warnings) process.stderr.write(`image-size-guard: warning: ${oneLine(w)}\n`);
  set.images.forEach((image, i) => {
    const plan = result.plans[i]!;
    if (set.images.length > 1 || !plan.build) process.stderr.write(`image-size-guard: ${oneLine(image.name ?? 'image')}: ${plan.build ? 'compared' : 'not built'} (${oneLine(plan.reason)})\n`);
  });
  warnBudgets(result.report);
  if (v.sarif) await reportSarif(v.sarif, result.report);
  const timings = timingLine(result, performance.now() - started);
  const text = render(format, set, result, timings, v['comment-key'], { history, threshold: commentThreshold });
  if (output) await writeFile(output, text);
  else process.stdout.write(text);
  if (format !== 'text') process.stderr.write(`${timings}\n`);
  if (history?.commit) await recordLocally(history, result.report);
  if (result.report.passed) return EXIT_PASSED;
  const failOnOf = (e: ImageEntry): FailOn => (set.images.length === 1 ? set.images[0]! : (set.images.find((i) => i.name === e.name) ?? set.images[0]!)).failOn;
  process.stderr.write(`image-size-guard: failed: ${failureMessage(result.report, failOnOf)}\n`);
  return EXIT_FAILED;
}

function render(format: Format, set: CompareImages, result: CompareResult, timings: string, commentKey: string | undefined, extras: { history: LocalHistory | null; threshold: IncreaseLimit | null }): string {
  if (format === 'json') return JSON.stringify(result.report, null, 2) + '\n';
  const trend = extras.history ? localTrend(extras.history, result.report, format) : '';
  const entries = result.report.images;
  const removed = result.report.removedPlatforms ?? [];
  const first = entries[0]!;
  // one image on one platform: its own rendering; several images or platforms: the summary table and details
  const single = !set.several && entries.length === 1 && first.status === 'compared' && removed.length === 0;
  // markdown under --comment-threshold: a quiet run is the one-line comment
  const marker = commentMarker(single ? first.name : (commentKey ?? (set.several ? 'images' : first.name)));
  const quiet = format === 'markdown' ? quietComment(result.report, extras.threshold, marker) : null;
  if (quiet !== null) return quiet;
  if (single) {
    return format === 'markdown'
      ? renderMarkdown(first, { warnings: result.warnings, appendix: trend })
      : renderCompareText(first, { width: process.stdout.columns || 100, warnings: result.warnings, timings }) + trend;
  }
  const warnings = new Map(result.images.map((r) => [entryKey(r.entry), r.warnings]));
  if (format === 'markdown') return renderMultiMarkdown(entries, { marker, warnings, removed, appendix: trend });
  return renderMultiText(entries, { width: process.stdout.columns || 100, warnings, timings, removed }) + trend;
}

/**
 * The run's phases: planning, each side's phases (base and head run at the same time, so the image's time is
 * the longer side's), the analysis after both, the finish (cleanups, cache writes), then the wall time.
 */
function timingLine(result: CompareResult, wallMs: number): string {
  const parts: string[] = [`plan ${formatSeconds(result.timings.plan)}`];
  const seen = new Set<object>(); // the platforms of one image share their sides
  const seenAnalysis = new Set<object>();
  const names = new Set(result.report.images.map((e) => e.name));
  for (const image of result.images) {
    for (const [label, side] of [['head', image.head], ['base', image.base]] as const) {
      if (!side || seen.has(side)) continue;
      seen.add(side);
      const name = names.size > 1 ? `${image.entry.name} ${label}` : label;
      parts.push(`${name} ${Object.entries(side.timings).map(([phase, ms]) => `${phase} ${formatSeconds(ms)}`).join(', ')}${side.fromCache ? ' (from the cache)' : ''}`);
    }
    if (!seenAnalysis.has(image.head)) {
      seenAnalysis.add(image.head);
      parts.push(`${names.size > 1 ? `${image.entry.name} ` : ''}analysis ${formatSeconds(image.analysisMs)}`);
    }
  }
  const notBuilt = result.report.images.length - result.images.length;
  if (notBuilt) parts.push(`${notBuilt} not built`);
  parts.push(`finish ${formatSeconds(result.timings.finish)}`);
  return `Timings: ${parts.join(' · ')} · total ${formatSeconds(wallMs)}`;
}
