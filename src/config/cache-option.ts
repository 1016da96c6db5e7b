// Where the analysis cache lives: --cache-dir DIR, else $XDG_CACHE_HOME/image-size-guard, else
// ~/.cache/image-size-guard (the XDG base directory default; a relative XDG_CACHE_HOME is ignored, as the
// specification says). --no-cache (the Action: `cache: false`) turns it off.

import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache'), 'image-size-guard');
}

/** The cache directory for the flags given, or null when caching is off. */
export function cacheDirOption(noCache: boolean | undefined, dir: string | undefined, cwd: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (noCache) return null;
  return dir ? resolve(cwd, dir) : defaultCacheDir(env);
}
