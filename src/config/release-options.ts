// `--base-tag previous` / input `base-tag` and `--head-version` / `head-version`: the release gate that finds
// its own baseline. Checked before anything is built: the base must be a registry repository without a tag
// (`registry://ghcr.io/o/app`), and the head's version must be known and a semantic version. The head's
// version is, in this order: the tag of the head image (`registry://…:TAG`, `archive://PATH:TAG`,
// `oci-dir://PATH:TAG`), the head-version option, the tag of a tag push (GITHUB_REF_NAME).

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { quoted } from '../lib/one-line.js';
import { parseVersion } from '../registry/previous-tag.js';
import { parseReference } from '../registry/reference.js';
import { ConfigError } from './errors.js';

export interface ReleaseOptions {
  baseTag?: 'previous' | undefined;
  /** The head's version as named (e.g. "v1.3.0-rc.2"); set with baseTag. */
  headVersion?: string | undefined;
}

export interface ReleaseInput {
  baseTag?: string | undefined;
  headVersion?: string | undefined;
  baseImage?: string | undefined;
  image?: string | undefined;
}

/** How the options are spelled where they were given (CLI flags or Action inputs). */
export interface ReleaseNames {
  baseTag: string;
  headVersion: string;
  baseImage: string;
  image: string;
}

export const CLI_RELEASE_NAMES: ReleaseNames = { baseTag: '--base-tag', headVersion: '--head-version', baseImage: '--base-image', image: '--image' };
export const INPUT_RELEASE_NAMES: ReleaseNames = { baseTag: 'base-tag', headVersion: 'head-version', baseImage: 'base-image', image: 'image' };

const TAG = /^\w[\w.-]{0,127}$/;

export function checkReleaseOptions(o: ReleaseInput, names: ReleaseNames, cwd: string, env: NodeJS.ProcessEnv): ReleaseOptions {
  if (!o.baseTag) {
    if (o.headVersion) throw new ConfigError(`${names.headVersion}: only used with ${names.baseTag} previous`);
    return {};
  }
  if (o.baseTag !== 'previous') throw new ConfigError(`${names.baseTag}: the one value is "previous" (got ${quoted(o.baseTag, 40)})`);
  checkTaglessRepository(o.baseImage, names);
  const fromImage = o.image ? imageTag(o.image, cwd) : null;
  const tagPush = env.GITHUB_REF_TYPE === 'tag' || (env.GITHUB_REF ?? '').startsWith('refs/tags/');
  const [version, whence] =
    fromImage !== null ? [fromImage, `the tag of ${names.image}`]
    : o.headVersion ? [o.headVersion, names.headVersion]
    : tagPush && env.GITHUB_REF_NAME ? [env.GITHUB_REF_NAME, 'the pushed tag (GITHUB_REF_NAME)']
    : [null, ''];
  if (version === null) {
    throw new ConfigError(
      `${names.baseTag} previous needs the head's version: name a tag in ${names.image} (registry://REPO:TAG), set ${names.headVersion}, or run on a tag push`,
    );
  }
  if (!parseVersion(version)) throw new ConfigError(`${names.baseTag} previous: the head's version ${quoted(version, 60)} (${whence}) is not a semantic version such as v1.2.0`);
  return { baseTag: 'previous', headVersion: version };
}

/** The Action's inputs `base-tag` and `head-version`, for its one image (paths from the workspace). */
export function releaseInputs(get: (name: string) => string, image: Omit<ReleaseInput, 'baseTag' | 'headVersion'>, env: NodeJS.ProcessEnv): ReleaseOptions {
  const input = { baseTag: get('base-tag'), headVersion: get('head-version'), baseImage: image.baseImage, image: image.image };
  return checkReleaseOptions(input, INPUT_RELEASE_NAMES, env.GITHUB_WORKSPACE || process.cwd(), env);
}

/** `registry://REPO`, without a tag or digest: the repository whose tags are searched. */
function checkTaglessRepository(baseImage: string | undefined, names: ReleaseNames): void {
  const want = `${names.baseTag} previous needs ${names.baseImage} as registry://REPOSITORY without a tag (e.g. registry://ghcr.io/o/app)`;
  const m = /^registry:\/\/(.*)$/i.exec(baseImage ?? '');
  if (!m) throw new ConfigError(`${want}${baseImage ? `, got ${quoted(baseImage, 80)}` : ''}`);
  const rest = m[1]!;
  if (rest.includes('@') || /:[^/]*$/.test(rest)) throw new ConfigError(`${want}: the tag is what it finds (got ${quoted(baseImage!, 80)})`);
  try {
    parseReference(rest); // a malformed repository is one line here, before anything is built
  } catch (err) {
    throw new ConfigError(`${names.baseImage}: ${(err as Error).message}`);
  }
}

/** The tag an image argument names: `registry://REPO:TAG`, `archive://PATH:TAG`, `oci-dir://PATH:TAG`; else null. */
export function imageTag(image: string, cwd: string): string | null {
  const m = /^(registry|archive|oci-dir):\/\/(.*)$/i.exec(image);
  if (!m) return null;
  const rest = m[2]!;
  if (m[1]!.toLowerCase() === 'registry') {
    const named = rest.replace(/@.*$/, '');
    const tag = /:([^/]*)$/.exec(named)?.[1];
    return tag !== undefined && TAG.test(tag) ? tag : null;
  }
  // a path that exists as written has no tag, even with a colon in its name
  if (existsSync(resolve(cwd, rest))) return null;
  const colon = rest.lastIndexOf(':');
  const tag = colon > 0 ? rest.slice(colon + 1) : '';
  return TAG.test(tag) ? tag : null;
}
