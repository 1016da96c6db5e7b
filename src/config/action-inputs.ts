// The Action's inputs, read and validated in one place: every mistake is reported, one line
// each, before anything is built.

import { quoted } from '../lib/one-line.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { FailOn, IncreaseLimit } from '../model/options.js';
import type { DefinitionSource, ImageOptions, RunOptions } from '../pipeline/compare-options.js';
import { parseFailOn } from './fail-on.js';
import { ConfigError, InputErrors } from './errors.js';
import { readBudgets } from './budget-options.js';
import { splitFlags } from './split-flags.js';
import { checkBuildxFlags } from './buildx-flags.js';
import { checkBuildArgs, parseCompressedSizeMode } from './build-options.js';
import { checkPlatformOption } from './platform-option.js';
import type { CompressedSizeMode } from '../image/compressed-estimate.js';
import { graphqlApiUrl, restApiUrl } from './api-urls.js';
import { definitionKey, parseImageList, parseYaml, type ImageDefaults } from './image-entries.js';
import { bakeFilesOf, bakeImages, parseBakeFiles } from './bake-entries.js';
import { defaultCacheDir } from './cache-option.js';
import { readHistoryInputs, type HistoryInputs } from './history-inputs.js';
import { releaseInputs } from './release-options.js';
import { parseIncrease } from './parse-size.js';

/** `comment`: post always (true), or only when sizes or findings changed (an existing comment is always updated). */
export type CommentMode = 'always' | 'on-change';

export interface PullRequestContext {
  number: number;
  baseSha: string;
  baseRef: string;
  headSha: string;
}

export interface ActionConfig {
  run: RunOptions;
  /** The images from the single-image inputs or the `images` list; empty until loadImages when `bake` is set. */
  images: ImageOptions[];
  /** `bake`: the files (none: bake's defaults) and targets (none: the default group). */
  bake: { files: string[]; targets: string[] } | null;
  /** The top-level inputs every entry inherits. */
  defaults: ImageDefaults;
  /** One image from the single-image inputs, or several from `images` / `bake` (one comment for all). */
  several: boolean;
  /** The sticky comment's key: `comment-key`, else (several images) the workflow and job, else the image's name. */
  commentKey: string | null;
  comment: CommentMode | 'off';
  /** `comment-threshold`: below it (and with nothing else to say) no comment is created, and ours becomes one line. */
  commentThreshold: IncreaseLimit | null;
  /** `sarif-file`: where the findings are written as SARIF; none when unset. */
  sarifFile: string | null;
  token: string;
  reportFile: string;
  repository: { owner: string; repo: string } | null;
  pullRequest: PullRequestContext | null;
  eventName: string;
  apiUrl: string;
  graphqlUrl: string;
  /** `history: true`: the branch and what this event does with it; null when off. */
  history: HistoryInputs | null;
}

/** The runner's inputs (INPUT_<NAME>, trimmed; unset is ""), and every mistake found reading them. */
class Inputs {
  readonly problems: string[] = [];
  constructor(private readonly env: NodeJS.ProcessEnv) {}

  get(name: string): string {
    return (this.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
  }

  /** fn's value; a ConfigError it throws is recorded and `fallback` stands in. */
  attempt<T>(fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      this.problems.push(err.message);
      return fallback;
    }
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.get(name) || String(fallback);
    if (value !== 'true' && value !== 'false') this.problems.push(`${name}: must be true or false (got ${quoted(value, 40)})`);
    return value === 'true';
  }
}

/** `env` is process.env in the Action; tests pass their own. */
export function readActionInputs(env: NodeJS.ProcessEnv = process.env): ActionConfig {
  const inputs = new Inputs(env);
  const pullRequest = readPullRequest(env);
  const defaults = readDefaults(inputs);
  const comment = readCommentMode(inputs);
  const commentThreshold = inputs.attempt(() => (inputs.get('comment-threshold') ? parseIncrease(inputs.get('comment-threshold'), 'comment-threshold') : null), null);
  const run = readRunOptions(inputs, env, pullRequest);
  const { images, bake, several } = readImages(inputs, defaults, env);
  const history = readHistoryInputs((name) => inputs.get(name), env, inputs.problems);
  if (inputs.problems.length) throw new InputErrors(inputs.problems);
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  return {
    run,
    images,
    bake,
    defaults,
    several,
    commentKey: inputs.get('comment-key') || (several ? `${env.GITHUB_WORKFLOW || 'workflow'}/${env.GITHUB_JOB || 'job'}` : null),
    comment,
    commentThreshold,
    sarifFile: inputs.get('sarif-file') || null,
    token: inputs.get('github-token'),
    reportFile: inputs.get('report-file') || join(env.RUNNER_TEMP || tmpdir(), 'image-size-guard', 'report.json'),
    repository: owner && repo ? { owner, repo } : null,
    pullRequest,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    apiUrl: restApiUrl(env),
    graphqlUrl: graphqlApiUrl(env),
    history,
  };
}

/** What every image gets from the top-level inputs: its build, its budgets and fail-on. */
function readDefaults(inputs: Inputs): ImageDefaults {
  const budgets = readBudgets((key) => inputs.get(key) || undefined, (key) => key, {}, inputs.problems);
  const failOn = inputs.attempt<FailOn>(() => parseFailOn(inputs.get('fail-on') || 'budget', 'fail-on'), parseFailOn('budget'));
  const platform = inputs.attempt(() => checkPlatformOption(inputs.get('platform'), 'platform'), undefined);
  const buildArgs = inputs
    .get('build-args')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  inputs.attempt(() => checkBuildArgs(buildArgs, 'build-args: each line'), []);
  return {
    context: inputs.get('context') || '.',
    dockerfile: inputs.get('dockerfile') || undefined,
    target: inputs.get('target') || undefined,
    buildArgs,
    platform,
    budgets,
    failOn,
  };
}

function readCommentMode(inputs: Inputs): ActionConfig['comment'] {
  const comment = inputs.get('comment') || 'true';
  if (comment === 'false') return 'off';
  if (comment === 'on-change') return 'on-change';
  if (comment !== 'true') inputs.problems.push(`comment: must be true, false or on-change (got ${quoted(comment, 40)})`);
  return 'always';
}

function readRunOptions(inputs: Inputs, env: NodeJS.ProcessEnv, pullRequest: PullRequestContext | null): RunOptions {
  const get = (name: string): string => inputs.get(name);
  const compressed = inputs.attempt<CompressedSizeMode>(() => parseCompressedSizeMode(get('compressed-size'), 'compressed-size'), 'auto');
  const buildxFlags = inputs.attempt(() => (get('buildx-flags') ? checkBuildxFlags(splitFlags(get('buildx-flags'), 'buildx-flags'), 'buildx-flags') : []), []);
  if (get('base-ref') && get('base-image')) inputs.problems.push('base-ref and base-image exclude each other: build a ref, or read an image');
  const alwaysBuild = inputs.boolean('always-build', false);
  const cache = inputs.boolean('cache', true);
  const workflow = workflowFile(env);
  return {
    cwd: env.GITHUB_WORKSPACE || process.cwd(),
    // On pull_request the PR's base commit is the baseline; elsewhere, without base-ref/base-image, the run is a
    // single-image gate (budgets without a base).
    baseRef: get('base-image') ? undefined : get('base-ref') || pullRequest?.baseSha || undefined,
    builder: get('builder') || undefined,
    buildxFlags,
    compressedSize: compressed,
    topFiles: 20,
    logMode: 'actions',
    alwaysBuild,
    // the workflow holds the inputs: when the PR edits it, any image may build differently
    definitions: workflow ? [workflow] : [],
    // a push to the default branch keeps its head's analysis: pull requests against this commit read it as their base
    cache: cache ? { dir: defaultCacheDir(env), keepHead: pushToDefaultBranch(env) } : undefined,
  };
}

/** One image from the single-image inputs, several from `images`, or none yet with `bake` (loadImages reads them). */
function readImages(inputs: Inputs, defaults: ImageDefaults, env: NodeJS.ProcessEnv): Pick<ActionConfig, 'images' | 'bake' | 'several'> {
  const get = (name: string): string => inputs.get(name);
  const problems = inputs.problems;
  const bakeInput = get('bake');
  const bake = bakeInput && bakeInput !== 'false' ? { files: parseBakeFiles(bakeInput), targets: splitList(get('bake-targets')) } : null;
  if (get('bake-targets') && !bake) problems.push('bake-targets: needs bake (true or the bake files)');
  const several = Boolean(get('images')) || bake !== null;
  if (get('images') && bake) problems.push('images and bake exclude each other: list the images, or take them from the bake files');
  if (several) {
    for (const single of ['name', 'image', 'base-image'] as const) {
      if (get(single)) problems.push(`${single}: applies to one image; with ${bake ? 'bake' : 'images'}, set it per entry${bake ? ' (images for existing images)' : ''}`);
    }
    for (const release of ['base-tag', 'head-version'] as const) {
      if (get(release)) problems.push(`${release}: applies to one image only (the single-image inputs), not with ${bake ? 'bake' : 'images'}`);
    }
  }
  if (get('images')) {
    const value = parseYaml(get('images'), 'images', problems);
    // a mapping with an `images:` list (the config file's shape) is accepted too
    const list = value && typeof value === 'object' && !Array.isArray(value) && 'images' in value ? (value as { images: unknown }).images : value;
    return { images: value === undefined ? [] : parseImageList(list, 'images', defaults, problems), bake, several };
  }
  if (bake) return { images: [], bake, several };
  const single: ImageOptions = { ...defaults, name: get('name') || undefined, baseImage: get('base-image') || undefined, image: get('image') || undefined };
  Object.assign(single, inputs.attempt(() => releaseInputs(get, single, env), {}));
  single.definitionKey = definitionKey(single);
  return { images: [single], bake, several };
}

/** The images, with `bake` resolved by `docker buildx bake --print`; every mistake is one line. */
export async function loadImages(cfg: ActionConfig): Promise<ImageOptions[]> {
  if (!cfg.bake) return cfg.images;
  const problems: string[] = [];
  const images = await bakeImages(cfg.run.cwd, cfg.bake.files, cfg.bake.targets, cfg.defaults, problems);
  if (problems.length) throw new InputErrors(problems);
  // the bake files define the images too
  cfg.run.definitions = [...(cfg.run.definitions ?? []), ...bakeFilesOf(cfg.bake.files)];
  return images;
}

function splitList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** The workflow file of this run (GITHUB_WORKFLOW_REF: "owner/repo/.github/workflows/x.yml@refs/…"), in this repository. */
function workflowFile(env: NodeJS.ProcessEnv): DefinitionSource | null {
  const ref = env.GITHUB_WORKFLOW_REF ?? '';
  const prefix = `${env.GITHUB_REPOSITORY ?? ''}/`;
  if (!env.GITHUB_REPOSITORY || !ref.startsWith(prefix)) return null;
  const file = ref.slice(prefix.length).replace(/@[^@]*$/, '');
  return file ? { file } : null;
}

/** A push to the repository's default branch (the event says which branch that is). */
export function pushToDefaultBranch(env: NodeJS.ProcessEnv): boolean {
  if (env.GITHUB_EVENT_NAME !== 'push' || !env.GITHUB_EVENT_PATH) return false;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { ref?: string; repository?: { default_branch?: string } };
    const branch = event.repository?.default_branch;
    return typeof branch === 'string' && branch !== '' && (event.ref ?? env.GITHUB_REF) === `refs/heads/${branch}`;
  } catch {
    return false;
  }
}

function readPullRequest(env: NodeJS.ProcessEnv): PullRequestContext | null {
  if (!env.GITHUB_EVENT_PATH || !/^pull_request/.test(env.GITHUB_EVENT_NAME ?? '')) return null;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: { number?: number; base?: { sha?: string; ref?: string }; head?: { sha?: string } };
    };
    const pr = event.pull_request;
    if (!pr?.number || !pr.base?.sha) return null;
    return { number: pr.number, baseSha: pr.base.sha, baseRef: pr.base.ref ?? pr.base.sha, headSha: pr.head?.sha ?? '' };
  } catch {
    return null;
  }
}
