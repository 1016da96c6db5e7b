// The Action's inputs (design §2.1), read and validated in one place: every mistake is reported, one line
// each, before anything is built.

import { quoted } from '../lib/one-line.js';
import { UserError } from '../model/errors.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { BudgetConfig, FailOn } from '../model/options.js';
import type { CompareOptions } from '../pipeline/compare-options.js';
import { parseFailOn } from './fail-on.js';
import { ConfigError, parseIncrease, parseLayerCount, parseSize } from './parse-size.js';
import { splitFlags } from './split-flags.js';
import { checkBuildxFlags } from './buildx-flags.js';
import { checkBuildArgs, parseCompressedSizeMode } from './build-options.js';
import { checkPlatformOption } from './platform-option.js';
import type { CompressedSizeMode } from '../image/compressed-estimate.js';
import { graphqlApiUrl, restApiUrl } from './api-urls.js';

export class InputErrors extends UserError {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? (problems[0] as string) : `${problems.length} input errors: ${problems.join('; ')}`);
  }
}

/** `comment`: post always (true), or only when sizes or findings changed (an existing comment is always updated). */
export type CommentMode = 'always' | 'on-change';

export interface PullRequestContext {
  number: number;
  baseSha: string;
  baseRef: string;
  headSha: string;
}

export interface ActionConfig {
  compare: CompareOptions;
  comment: CommentMode | 'off';
  token: string;
  reportFile: string;
  repository: { owner: string; repo: string } | null;
  pullRequest: PullRequestContext | null;
  eventName: string;
  apiUrl: string;
  graphqlUrl: string;
}

type GetInput = (name: string) => string;

/** `env` is process.env in the Action; tests pass their own. */
export function readActionInputs(env: NodeJS.ProcessEnv = process.env): ActionConfig {
  const get: GetInput = (name) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
  const problems: string[] = [];
  const attempt = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof ConfigError) problems.push(err.message);
      else throw err;
      return fallback;
    }
  };

  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const pullRequest = readPullRequest(env);
  if (get('images')) problems.push('images: several images in one run are not supported yet; use one step per image');

  const budgets: BudgetConfig = {};
  if (get('max-size')) attempt(() => (budgets.maxSize = { bytes: parseSize(get('max-size'), 'max-size'), text: get('max-size') }), undefined);
  if (get('max-increase')) attempt(() => (budgets.maxIncrease = parseIncrease(get('max-increase'), 'max-increase')), undefined);
  if (get('max-compressed-size')) {
    attempt(() => (budgets.maxCompressedSize = { bytes: parseSize(get('max-compressed-size'), 'max-compressed-size'), text: get('max-compressed-size') }), undefined);
  }
  if (get('max-compressed-increase')) attempt(() => (budgets.maxCompressedIncrease = parseIncrease(get('max-compressed-increase'), 'max-compressed-increase')), undefined);
  if (get('max-layers')) attempt(() => (budgets.maxLayers = parseLayerCount(get('max-layers'), 'max-layers')), undefined);
  const failOn = attempt<FailOn>(() => parseFailOn(get('fail-on') || 'budget', 'fail-on'), parseFailOn('budget'));

  const comment = get('comment') || 'true';
  let commentMode: ActionConfig['comment'] = 'always';
  if (comment === 'false') commentMode = 'off';
  else if (comment === 'on-change') commentMode = 'on-change';
  else if (comment !== 'true') problems.push(`comment: must be true, false or on-change (got ${quoted(comment, 40)})`);

  const platform = attempt(() => checkPlatformOption(get('platform'), 'platform'), undefined);
  const compressed = attempt<CompressedSizeMode>(() => parseCompressedSizeMode(get('compressed-size'), 'compressed-size'), 'auto');

  const buildArgs = get('build-args')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  attempt(() => checkBuildArgs(buildArgs, 'build-args: each line'), []);
  const buildxFlags = attempt(() => (get('buildx-flags') ? checkBuildxFlags(splitFlags(get('buildx-flags'), 'buildx-flags'), 'buildx-flags') : []), []);

  if (get('base-ref') && get('base-image')) problems.push('base-ref and base-image exclude each other: build a ref, or read an image');
  // On pull_request the PR's base commit is the baseline; elsewhere, without base-ref/base-image, the run is a
  // single-image gate (budgets without a base).
  const baseRef = get('base-image') ? undefined : get('base-ref') || pullRequest?.baseSha || undefined;

  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (problems.length) throw new InputErrors(problems);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  return {
    compare: {
      cwd: workspace,
      baseRef,
      baseImage: get('base-image') || undefined,
      image: get('image') || undefined,
      context: get('context') || '.',
      dockerfile: get('dockerfile') || undefined,
      target: get('target') || undefined,
      buildArgs,
      platform,
      builder: get('builder') || undefined,
      buildxFlags,
      name: get('name') || undefined,
      budgets,
      failOn,
      compressedSize: compressed,
      topFiles: 20,
      logMode: 'actions',
    },
    comment: commentMode,
    token: get('github-token'),
    reportFile: get('report-file') || join(env.RUNNER_TEMP || tmpdir(), 'image-size-guard', 'report.json'),
    repository: owner && repo ? { owner, repo } : null,
    pullRequest,
    eventName,
    apiUrl: restApiUrl(env),
    graphqlUrl: graphqlApiUrl(env),
  };
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
