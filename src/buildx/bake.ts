// Images described for `docker buildx bake` (HCL, JSON or compose files): `bake --print` resolves the files —
// variables, inheritance, groups, compose's relative paths — into plain JSON, which is read here. Nothing is built.

import { oneLine } from '../lib/one-line.js';
import { dockerCommand, lastLine, runCommand, ToolMissingError } from '../exec/exec.js';
import { UserError } from '../model/errors.js';

export class BakeError extends UserError {}

/** One target as `bake --print` writes it (the fields image-size-guard reads, and those it must refuse). */
export interface BakeTarget {
  context?: string;
  dockerfile?: string;
  'dockerfile-inline'?: string;
  target?: string;
  args?: Record<string, string | null>;
  platforms?: string[];
  contexts?: Record<string, string>;
  secret?: string[];
  ssh?: string[];
  [other: string]: unknown;
}

export interface BakeDefinition {
  group?: Record<string, { targets?: string[] }>;
  target?: Record<string, BakeTarget>;
}

/**
 * `docker buildx bake --print` in `cwd`, with the given files (none: bake's own defaults — docker-bake.hcl,
 * compose.yaml, …) and targets or groups (none: the "default" group).
 */
export async function bakePrint(cwd: string, files: string[], targets: string[]): Promise<BakeDefinition> {
  const args = ['buildx', 'bake', '--print'];
  for (const f of files) args.push('--file', f);
  args.push('--', ...targets);
  const r = await runCommand(dockerCommand(), args, { cwd }).catch((err: unknown) => {
    if (err instanceof ToolMissingError) throw new BakeError('docker is not installed or not on PATH: bake needs docker buildx');
    throw err;
  });
  if (r.code !== 0) throw new BakeError(`docker buildx bake --print failed: ${oneLine(lastLine(r.stderr, `exit code ${r.code}`), 300)}`);
  try {
    return JSON.parse(r.stdout) as BakeDefinition;
  } catch {
    throw new BakeError(`docker buildx bake --print did not print JSON: ${oneLine(r.stdout, 120)}`);
  }
}
