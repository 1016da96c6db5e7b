// The Action's merge mode: input `reports` (a glob, or a newline list of files, directories or globs) turns a
// run into the fan-in of matrix legs' reports — nothing is built. The inputs that say what to build, and the
// budgets (each leg decided its own), would be silently ignored then: each is refused, one line each.

import { BUDGET_KEYS } from './budget-options.js';
import { InputErrors } from './errors.js';

export interface MergeInputs {
  patterns: string[];
  /** `comment-key`; null: the default (mergeCommentKey). */
  commentKey: string | null;
}

/** Inputs without a default in action.yml that only a build reads. */
const BUILD_INPUTS = [
  'images', 'bake', 'bake-targets', 'image', 'base-image', 'base-ref', 'base-tag', 'head-version', 'name', 'dockerfile', 'target', 'build-args', 'platform', 'builder', 'buildx-flags',
  ...BUDGET_KEYS,
];

/** null unless `reports` is set. */
export function readMergeInputs(env: NodeJS.ProcessEnv = process.env): MergeInputs | null {
  const get = (name: string): string => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
  const patterns = get('reports')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (patterns.length === 0) return null;
  const problems = BUILD_INPUTS.filter((name) => get(name)).map((name) => `${name}: applies to building; with reports nothing is built (each leg's report has its own ${name.startsWith('max-') || name.startsWith('warn-') ? 'budgets' : 'build'})`);
  // the legs record their own images' history; the merged comment shows no trend of its own
  if (get('history') === 'true') problems.push('history: applies to the legs (each records and shows the trend of its images); with reports nothing is recorded');
  if (problems.length) throw new InputErrors(problems);
  return { patterns, commentKey: get('comment-key') || null };
}

/**
 * The default key of the merged comment: the workflow's name (GITHUB_WORKFLOW: its `name:`, else the workflow
 * file's path). A leg's default key differs — the workflow and its job ("name/job") with several images, the
 * image's name with one — unless an image is named like the workflow: then " (merged)" tells them apart.
 */
export function mergeCommentKey(env: NodeJS.ProcessEnv, imageNames: Iterable<string>): string {
  const names = new Set(imageNames);
  let key = env.GITHUB_WORKFLOW || 'workflow';
  while (names.has(key)) key += ' (merged)';
  return key;
}
