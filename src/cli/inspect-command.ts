// `image-size-guard inspect`: one image → its report.

import { readFile, writeFile } from 'node:fs/promises';
import { decidePassed } from '../analysis/verdict.js';
import { parseFailOn } from '../config/fail-on.js';
import { analyseSide, compareFindings } from '../pipeline/findings-step.js';
import { findingLines } from '../report/compare-text.js';
import { oneLine } from '../lib/one-line.js';
import { basename } from 'node:path';
import { classifySource, readImage, type ImageSource } from '../sources/open-image.js';
import { makeReport, toImageReport } from '../report/image-report.js';
import { renderImageText } from '../report/text.js';
import type { ImageEntry } from '../model/report.js';
import { EXIT_FAILED, EXIT_PASSED, UsageError } from './errors.js';
import { makeProgress } from './progress.js';
import type { CompressedSizeMode } from '../image/compressed-estimate.js';

export interface InspectArgs {
  target: string;
  format: 'text' | 'json';
  output: string | undefined;
  platform: string | undefined;
  name: string | undefined;
  compressedSize: CompressedSizeMode;
  /** The Dockerfile the image was built from: maps layers to lines and sharpens the findings. */
  file: string | undefined;
}

export async function runInspect(args: InspectArgs): Promise<number> {
  const source = await classifySource(args.target);
  const progress = makeProgress(`reading ${sourceLabel(source)}`);
  const model = await readImage(source, {
    platform: args.platform,
    compressedSize: args.compressedSize,
    onProgress: (b) => progress.update(b),
  });
  progress.done();
  const name = args.name ?? defaultName(source);
  const warnings: string[] = [];
  const dockerfile = args.file ? { path: args.file, text: await readFile(args.file, 'utf8').catch(() => { throw new UsageError(`cannot read --file ${args.file}`); }) } : null;
  const failOn = parseFailOn('budget');
  const analysis = analyseSide(model, dockerfile, { buildArgs: [] }, warnings);
  const findings = compareFindings(analysis, null, failOn);
  const head = toImageReport(model, refOf(source), args.file ?? null, analysis.layerLines);
  const entry: ImageEntry = { name, platform: model.platform, status: 'compared', head, base: null, diff: null, findings, budgets: [], passed: decidePassed([], findings, failOn) };
  const report = makeReport([entry]);
  for (const w of warnings) process.stderr.write(`image-size-guard: warning: ${oneLine(w)}\n`);
  const text =
    args.format === 'json'
      ? JSON.stringify(report, null, 2) + '\n'
      : renderImageText(name, model.platform, head, model, { width: process.stdout.columns || 100, findings: findingLines(entry) });
  if (args.output) await writeFile(args.output, text);
  else process.stdout.write(text);
  return report.passed ? EXIT_PASSED : EXIT_FAILED;
}

export function parseFormat(value: string | undefined): 'text' | 'json' {
  if (value === undefined || value === 'text' || value === 'json') return value ?? 'text';
  throw new UsageError(`--format must be text or json for inspect (got "${value}")`);
}

function refOf(source: ImageSource): string {
  return source.kind === 'docker' || source.kind === 'registry' ? source.ref : source.kind === 'file' ? source.path : '-';
}

function sourceLabel(source: ImageSource): string {
  if (source.kind === 'registry') return `registry ${source.ref}`;
  return source.kind === 'docker' ? `docker save ${source.ref}` : source.kind === 'file' ? source.path : 'stdin';
}

function defaultName(source: ImageSource): string {
  if (source.kind === 'docker' || source.kind === 'registry') return source.ref;
  if (source.kind === 'file') return basename(source.path).replace(/\.(tar|tar\.gz|tgz|oci)$/i, '');
  return 'image';
}
