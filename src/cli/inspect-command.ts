// `image-size-guard inspect`: one image → its report.

import { readFile, writeFile } from 'node:fs/promises';
import { decidePassed } from '../analysis/verdict.js';
import { parseFailOn } from '../config/fail-on.js';
import { analyseSide, compareFindings } from '../pipeline/findings-step.js';
import { findingLines } from '../report/compare-text.js';
import { oneLine } from '../lib/one-line.js';
import { basename } from 'node:path';
import { classifySource, sourceKind, sourceRef, type ImageSource } from '../sources/classify-source.js';
import { ImageOpener, noImageFor } from '../sources/open-image.js';
import { hasPlatform, parsePlatformRequest } from '../oci/platform.js';
import type { ImageModel } from '../image/types.js';
import { makeReport, toImageReport } from '../report/image-report.js';
import { configReport } from '../analysis/config-diff.js';
import { renderImageText } from '../report/text.js';
import type { ImageEntry } from '../model/report.js';
import { EXIT_FAILED, EXIT_PASSED, UsageError } from './errors.js';
import { progressPerStream } from './progress.js';
import type { CompressedSizeMode } from '../image/compressed-estimate.js';
import { reportSarif } from './report-extras.js';

export interface InspectArgs {
  target: string;
  format: 'text' | 'json';
  output: string | undefined;
  platform: string | undefined;
  name: string | undefined;
  compressedSize: CompressedSizeMode;
  /** The Dockerfile the image was built from: maps layers to lines and sharpens the findings. */
  file: string | undefined;
  /** Where the findings are written as SARIF (--sarif). */
  sarif?: string | undefined;
}

export async function runInspect(args: InspectArgs): Promise<number> {
  const source = await classifySource(args.target);
  const models = await readModels(source, args);
  const name = args.name ?? defaultName(source);
  const warnings: string[] = [];
  const dockerfile = args.file ? { path: args.file, text: await readFile(args.file, 'utf8').catch(() => { throw new UsageError(`cannot read --file ${args.file}`); }) } : null;
  const failOn = parseFailOn('budget');
  const shown = models.map((model) => {
    const analysis = analyseSide(model, dockerfile, { buildArgs: [] }, warnings);
    const findings = compareFindings(analysis, null, failOn);
    const head = { ...toImageReport(model, sourceRef(source), sourceKind(source), args.file ?? null, analysis.layerLines), packages: analysis.packages.packages, config: configReport(model) };
    const entry: ImageEntry = { name, platform: model.platform, status: 'compared', head, base: null, diff: null, findings, budgets: [], passed: decidePassed([], findings, failOn) };
    return { model, entry };
  });
  const report = makeReport(shown.map((s) => s.entry));
  for (const w of new Set(warnings)) process.stderr.write(`image-size-guard: warning: ${oneLine(w)}\n`);
  if (args.sarif) await reportSarif(args.sarif, report);
  const text =
    args.format === 'json'
      ? JSON.stringify(report, null, 2) + '\n'
      : shown
          .map(({ model, entry }) => renderImageText(name, model.platform, entry.head, model, { width: process.stdout.columns || 100, findings: findingLines(entry), packages: entry.head.packages, config: entry.head.config }))
          .join('\n');
  if (args.output) await writeFile(args.output, text);
  else process.stdout.write(text);
  return report.passed ? EXIT_PASSED : EXIT_FAILED;
}

/** One image, or one per platform asked for (`--platform a,b` or `all`); a platform asked for and missing is an error. */
async function readModels(source: ImageSource, args: InspectArgs): Promise<ImageModel[]> {
  const request = parsePlatformRequest(args.platform);
  const opener = new ImageOpener();
  const progress = progressPerStream();
  const read = { compressedSize: args.compressedSize, onProgress: progress.stream(sourceLabel(source)) };
  try {
    let models: ImageModel[];
    if (request === undefined || (request !== 'all' && request.length === 1)) {
      models = [await opener.openOne(source, { ...read, platform: request?.[0] })];
    } else {
      const opened = await opener.openMany(source, request, read);
      const missing = request === 'all' ? [] : request.filter((p) => !hasPlatform(opened.models, p));
      if (missing.length || opened.models.length === 0) throw noImageFor(source, missing.join(', ') || 'any platform', opened.available);
      models = opened.models;
    }
    progress.finish();
    return models;
  } catch (err) {
    progress.abort();
    throw err;
  } finally {
    await opener.close();
  }
}

export function parseFormat(value: string | undefined): 'text' | 'json' {
  if (value === undefined || value === 'text' || value === 'json') return value ?? 'text';
  throw new UsageError(`--format must be text or json for inspect (got "${value}")`);
}

function sourceLabel(source: ImageSource): string {
  if (source.kind === 'registry') return `registry ${source.ref}`;
  if (source.kind === 'local') return `docker save ${source.ref}`;
  return source.kind === 'stdin' ? 'stdin' : source.path;
}

function defaultName(source: ImageSource): string {
  if (source.kind === 'local' || source.kind === 'registry') return source.ref;
  if (source.kind === 'archive') return basename(source.path).replace(/\.(tar|tar\.gz|tgz|oci)$/i, '');
  if (source.kind === 'oci-dir') return basename(source.path.replace(/\/+$/, '')) || 'image';
  return 'image';
}
