// The whole comparison, shared by the CLI and the Action: head, then base, then analysis → report.
// The head comes first: when it cannot be built there is nothing to compare, so the base is not built.

import { basename, dirname } from 'node:path';
import { evaluateBudgets } from '../analysis/budgets.js';
import { diffImages } from '../analysis/diff-images.js';
import { decidePassed } from '../analysis/verdict.js';
import { BuildError } from '../buildx/builder.js';
import type { CompareOptions } from './compare-options.js';
import { UserError } from '../model/errors.js';
import { samePlatform } from '../image/resolve-image.js';
import type { ReadOptions } from '../image/read-image.js';
import { makeReport, toImageReport } from '../report/image-report.js';
import type { Report } from '../model/report.js';
import { BuildSession, buildSide, MissingDockerfileError, readExisting, type Side } from './build-side.js';
import { analyseSide, compareFindings, type SideAnalysis } from './findings-step.js';

export interface CompareResult {
  report: Report;
  head: Side;
  base: Side | null;
  /** Shown to the user: e.g. "no baseline: …". */
  warnings: string[];
}

export async function runCompare(o: CompareOptions, read: ReadOptions = {}): Promise<CompareResult> {
  const ctx = new BuildSession(o);
  const warnings: string[] = [];
  const readOpts: ReadOptions = { ...read, compressedSize: o.compressedSize, estimates: new Map(), platform: o.platform };

  const head = o.image
    ? await readExisting(o.image, readOpts, o.dockerfile ? { cwd: o.cwd, path: o.dockerfile } : undefined)
    : await buildSide(ctx, 'head', o.headRef, readOpts);
  // The base is read on the head's platform: a multi-platform archive then yields the matching image.
  const baseRead = { ...readOpts, platform: o.platform ?? head.model.platform };
  let base: Side | null = null;
  if (o.baseImage) base = await readExisting(o.baseImage, baseRead);
  else if (o.baseRef) {
    try {
      base = await buildSide(ctx, 'base', o.baseRef, baseRead);
    } catch (err) {
      if (!(err instanceof MissingDockerfileError || err instanceof BuildError)) throw err;
      warnings.push(`no baseline: ${err.message}; the head is analysed alone`);
    }
  }
  if (base && !samePlatform(base.model.platform, head.model.platform)) {
    throw new UserError(`base (${base.model.platform}) and head (${head.model.platform}) are different platforms; set --platform`);
  }

  const budgets = evaluateBudgets(o.budgets, {
    headSize: head.model.size,
    headLayers: head.model.layers.length,
    baseSize: base ? base.model.size : null,
  });
  if (o.budgets.maxIncrease && !base) warnings.push('max-increase was not checked: there is no baseline');
  const analyse = (side: Side): SideAnalysis =>
    analyseSide(side.model, side.dockerfile && side.dockerfileText !== null ? { path: side.dockerfile, text: side.dockerfileText } : null, o, warnings);
  const headAnalysis = analyse(head);
  const baseAnalysis = base ? analyse(base) : null;
  const sizes = base ? { baseSize: base.model.size, headSize: head.model.size } : null;
  const findings = compareFindings(headAnalysis, baseAnalysis, o.failOn, sizes);
  const entry = {
    name: o.name ?? deriveName(o, head),
    platform: head.model.platform,
    head: toImageReport(head.model, head.ref, head.dockerfile, headAnalysis.layerLines),
    base: base && baseAnalysis ? toImageReport(base.model, base.ref, base.dockerfile, baseAnalysis.layerLines) : null,
    diff:
      base && baseAnalysis
        ? diffImages(base.model, head.model, {
            topFiles: o.topFiles,
            packages: { base: baseAnalysis.packages.packages, head: headAnalysis.packages.packages },
            locate: headAnalysis.locate,
          })
        : null,
    findings,
    budgets,
    passed: decidePassed(budgets, findings, o.failOn),
  };
  return { report: makeReport([entry]), head, base, warnings };
}

/** "services/api/Dockerfile" → "services/api"; "Dockerfile.prod" → "prod"; an image → its reference. */
export function deriveName(o: Pick<CompareOptions, 'image'>, head: Pick<Side, 'dockerfile' | 'ref'>): string {
  if (!head.dockerfile) return o.image ?? head.ref;
  const dir = dirname(head.dockerfile);
  const file = basename(head.dockerfile);
  const variant = file === 'Dockerfile' ? '' : file.replace(/^Dockerfile[.-]?|[.-]?Dockerfile$/gi, '') || file;
  if (dir === '.' || dir === '') return variant || 'app';
  return variant ? `${dir}:${variant}` : dir;
}
