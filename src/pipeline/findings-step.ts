// The Dockerfile and findings step of a comparison: parse each side's Dockerfile, map layers to its lines,
// detect findings on head and base, and give them their status against the base.

import { DEFAULT_THRESHOLDS, type DetectedFinding } from '../analysis/findings/context.js';
import { detectFindings } from '../analysis/findings/detect-findings.js';
import { withStatus } from '../analysis/findings/finding-status.js';
import { resolvedMessage, type SizeChange } from '../analysis/findings/resolved-message.js';
import { layerLocation } from '../analysis/layer-location.js';
import { listPackages, type InstalledPackages } from '../analysis/packages/installed-packages.js';
import type { FailOn } from '../model/options.js';
import { mapLayersToLines } from '../dockerfile/map-layers.js';
import { DockerfileError, parseDockerfile } from '../dockerfile/parse-dockerfile.js';
import { isEffectivelySingleStage } from '../dockerfile/stage-chain.js';
import type { DockerfileModel } from '../dockerfile/types.js';
import type { Finding, FindingId } from '../model/report.js';
import type { ImageModel } from '../image/types.js';

export interface SideAnalysis {
  layerLines: (number | null)[];
  findings: DetectedFinding[];
  packages: InstalledPackages;
  /** The Dockerfile location of a layer (a base-image layer: the producing stage's FROM), or null. */
  locate: (layer: number) => { path: string; line: number } | null;
}

export function analyseSide(
  model: ImageModel,
  dockerfile: { path: string; text: string } | null,
  opts: { target?: string | undefined; buildArgs: string[] },
  warnings: string[],
): SideAnalysis {
  let df: DockerfileModel | null = null;
  if (dockerfile) {
    try {
      df = parseDockerfile(dockerfile.text, { path: dockerfile.path, target: opts.target, buildArgs: opts.buildArgs });
    } catch (err) {
      if (!(err instanceof DockerfileError)) throw err;
      warnings.push(`${dockerfile.path}: ${err.message}; findings are made without the Dockerfile`);
    }
  }
  const layerLines = df ? mapLayersToLines(df, model.layers) : model.layers.map(() => null);
  const producing = df?.stages[df.target];
  const info = df && producing ? { path: df.path, singleStage: isEffectivelySingleStage(df), fromLine: producing.fromLine } : null;
  const packages = listPackages(model);
  const findings = detectFindings({ model, captured: model.capturedFiles, dockerfile: info, layerLines, thresholds: DEFAULT_THRESHOLDS, packages });
  return { layerLines, findings, packages, locate: (layer) => layerLocation(info, layerLines, layer) };
}

/**
 * Head findings with their status against the base, and a severity from fail-on: error when it fails the run.
 * A resolved finding says what went away (and what that saved, given both sizes).
 */
export function compareFindings(head: Pick<SideAnalysis, 'findings' | 'layerLines'>, base: Pick<SideAnalysis, 'findings' | 'layerLines'> | null, failOn: FailOn, sizes: SizeChange | null = null): Finding[] {
  const severity = (id: FindingId): Finding['severity'] => (failOn.anyFinding || failOn.findings.has(id) ? 'error' : 'warning');
  return withStatus(head.findings, base ? base.findings : null, severity).map((f) =>
    f.status === 'resolved' ? { ...f, message: resolvedMessage(f, sizes) } : f,
  );
}
