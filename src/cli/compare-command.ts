// `image-size-guard compare`: build (or read) base and head, diff them, check budgets.

import { writeFile } from 'node:fs/promises';
import { defaultLogMode } from '../buildx/build-log.js';
import type { CompareOptions } from '../pipeline/compare-options.js';
import { parseFailOn } from '../config/fail-on.js';
import { parseIncrease, parseLayerCount, parseSize } from '../config/parse-size.js';
import { splitFlags } from '../config/split-flags.js';
import { checkBuildxFlags } from '../config/buildx-flags.js';
import { checkBuildArgs, parseCompressedSizeMode } from '../config/build-options.js';
import { checkPlatformOption } from '../config/platform-option.js';
import { runCompare } from '../pipeline/run-compare.js';
import { formatSeconds } from '../lib/format.js';
import { renderReportMarkdown, renderReportText } from '../report/entries.js';
import { oneLine } from '../lib/one-line.js';
import { failureMessage } from '../report/failure-message.js';
import { EXIT_FAILED, EXIT_PASSED, UsageError } from './errors.js';
import { progressPerStream } from './progress.js';

export const COMPARE_FLAGS = {
  base: { type: 'string' },
  head: { type: 'string' },
  context: { type: 'string' },
  file: { type: 'string', short: 'f' },
  target: { type: 'string' },
  'build-arg': { type: 'string', multiple: true },
  platform: { type: 'string' },
  builder: { type: 'string' },
  'buildx-flags': { type: 'string' },
  'base-image': { type: 'string' },
  image: { type: 'string' },
  name: { type: 'string' },
  'max-size': { type: 'string' },
  'max-increase': { type: 'string' },
  'max-compressed-size': { type: 'string' },
  'max-compressed-increase': { type: 'string' },
  'max-layers': { type: 'string' },
  'fail-on': { type: 'string' },
  'compressed-size': { type: 'string' },
  'top-files': { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = { [K in keyof typeof COMPARE_FLAGS]?: (typeof COMPARE_FLAGS)[K] extends { multiple: true } ? string[] : (typeof COMPARE_FLAGS)[K] extends { type: 'boolean' } ? boolean : string };

export function compareOptionsFromFlags(v: Values, cwd: string): { options: CompareOptions; format: 'text' | 'markdown' | 'json'; output: string | undefined } {
  const format = v.format ?? 'text';
  if (format !== 'text' && format !== 'markdown' && format !== 'json') throw new UsageError(`--format must be text, markdown or json (got "${format}")`);
  if (v.base && v['base-image']) throw new UsageError('--base and --base-image exclude each other: build a git ref, or read an image');
  if (v.head && v.image) throw new UsageError('--head and --image exclude each other: build a git ref, or read an image');
  const topFiles = v['top-files'] === undefined ? 20 : Number(v['top-files']);
  if (!Number.isInteger(topFiles) || topFiles < 1 || topFiles > 1000) throw new UsageError(`--top-files must be a whole number from 1 to 1000 (got "${v['top-files']}")`);
  const options: CompareOptions = {
    cwd,
    baseRef: v.base,
    baseImage: v['base-image'],
    headRef: v.head,
    image: v.image,
    context: v.context ?? '.',
    dockerfile: v.file,
    target: v.target,
    buildArgs: checkBuildArgs(v['build-arg'] ?? [], '--build-arg'),
    platform: checkPlatformOption(v.platform, '--platform'),
    builder: v.builder,
    buildxFlags: v['buildx-flags'] ? checkBuildxFlags(splitFlags(v['buildx-flags'], '--buildx-flags'), '--buildx-flags') : [],
    name: v.name,
    budgets: {
      ...(v['max-size'] !== undefined ? { maxSize: { bytes: parseSize(v['max-size'], '--max-size'), text: v['max-size'].trim() } } : {}),
      ...(v['max-increase'] !== undefined ? { maxIncrease: parseIncrease(v['max-increase'], '--max-increase') } : {}),
      ...(v['max-compressed-size'] !== undefined
        ? { maxCompressedSize: { bytes: parseSize(v['max-compressed-size'], '--max-compressed-size'), text: v['max-compressed-size'].trim() } }
        : {}),
      ...(v['max-compressed-increase'] !== undefined ? { maxCompressedIncrease: parseIncrease(v['max-compressed-increase'], '--max-compressed-increase') } : {}),
      ...(v['max-layers'] !== undefined ? { maxLayers: parseLayerCount(v['max-layers'], '--max-layers') } : {}),
    },
    failOn: parseFailOn(v['fail-on'], '--fail-on'),
    compressedSize: parseCompressedSizeMode(v['compressed-size']),
    topFiles,
    logMode: defaultLogMode(),
  };
  return { options, format, output: v.output };
}

export async function runCompareCommand(v: Values): Promise<number> {
  const { options, format, output } = compareOptionsFromFlags(v, process.cwd());
  const progress = progressPerStream();
  const started = performance.now();
  const result = await runCompare(options, (label) => progress.stream(label)).catch((err: unknown) => {
    progress.abort();
    throw err;
  });
  progress.finish();
  for (const w of result.warnings) process.stderr.write(`image-size-guard: warning: ${oneLine(w)}\n`);
  const timings = timingLine(result, performance.now() - started);
  let text: string;
  if (format === 'json') text = JSON.stringify(result.report, null, 2) + '\n';
  else if (format === 'markdown') text = renderReportMarkdown(result.report, { warnings: result.warnings });
  else text = renderReportText(result.report, { width: process.stdout.columns || 100, warnings: result.warnings, timings });
  if (output) await writeFile(output, text);
  else process.stdout.write(text);
  if (format !== 'text') process.stderr.write(`${timings}\n`);
  if (result.report.passed) return EXIT_PASSED;
  process.stderr.write(`image-size-guard: failed: ${failureMessage(result.report, options.failOn)}\n`);
  return EXIT_FAILED;
}

/** Each side's phases (base and head run at the same time, so they overlap), then the wall time. */
function timingLine(result: Awaited<ReturnType<typeof runCompare>>, wallMs: number): string {
  const parts: string[] = [];
  const seen = new Set<object>(); // the platforms of one image share their sides
  const names = new Set(result.images.map((i) => i.entry.name));
  for (const image of result.images) {
    for (const [label, side] of [['head', image.head], ['base', image.base]] as const) {
      if (!side || seen.has(side)) continue;
      seen.add(side);
      const name = names.size > 1 ? `${image.entry.name} ${label}` : label;
      parts.push(`${name} ${Object.entries(side.timings).map(([phase, ms]) => `${phase} ${formatSeconds(ms)}`).join(', ')}`);
    }
  }
  return `Timings: ${parts.join(' · ')} · total ${formatSeconds(wallMs)}`;
}
