// Credentials the way the docker CLI finds them in $DOCKER_CONFIG/config.json (default ~/.docker):
// credHelpers[registry], then credsStore, then auths (`auth` = base64 "user:password", or `identitytoken`).
// Docker Hub goes by several names; its classic config key is "https://index.docker.io/v1/".

import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { oneLine } from '../lib/one-line.js';
import type { CredentialHelperRunner } from './credential-helper.js';
import { RegistryError } from './errors.js';
import { DOCKER_HUB } from './reference.js';

export interface Credentials {
  username: string;
  password: string;
  /** An OAuth2 refresh token ("identity token"): exchanged at the token service instead of a password. */
  identityToken?: string;
}

export interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

export const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';
const HUB_NAMES = new Set([DOCKER_HUB, 'index.docker.io', 'registry-1.docker.io']);

export function dockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_CONFIG || join(homedir(), '.docker');
}

/** null when there is no config file; a broken one is an error (the user meant something by it). */
export async function loadDockerConfig(dir: string): Promise<DockerConfig | null> {
  const path = join(dir, 'config.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new RegistryError(`cannot read the Docker config ${oneLine(path, 200)}: ${(err as Error).message}`);
  }
  try {
    const doc = JSON.parse(text) as unknown;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('not an object');
    return doc as DockerConfig;
  } catch {
    throw new RegistryError(`the Docker config ${oneLine(path, 200)} is not valid JSON`);
  }
}

/** "https://index.docker.io/v1/" → "index.docker.io"; "ghcr.io" → "ghcr.io" (docker's ConvertToHostname). */
export function configKeyHost(key: string): string {
  const stripped = key.replace(/^https?:\/\//i, '');
  return stripped.split('/')[0]?.toLowerCase() ?? '';
}

/** Do a config key and a registry name denote the same registry? Docker Hub's names are one registry. */
export function sameRegistry(key: string, registry: string): boolean {
  const a = configKeyHost(key);
  const b = registry.toLowerCase();
  return a === b || (HUB_NAMES.has(a) && HUB_NAMES.has(b));
}

/** The server URL docker hands to credential helpers and stores under auths. */
export function serverUrlFor(registry: string): string {
  return HUB_NAMES.has(registry) ? DOCKER_HUB_CONFIG_KEY : registry;
}

export async function findCredentials(
  config: DockerConfig | null,
  registry: string,
  runHelper: CredentialHelperRunner,
): Promise<Credentials | null> {
  if (!config) return null;
  const serverUrl = serverUrlFor(registry);
  const helper = Object.entries(config.credHelpers ?? {}).find(([key]) => sameRegistry(key, registry))?.[1];
  if (helper) return fromHelper(await runHelper(helper, serverUrl));
  if (config.credsStore) {
    const found = fromHelper(await runHelper(config.credsStore, serverUrl));
    if (found) return found;
  }
  const entries = Object.entries(config.auths ?? {}).filter(([key]) => sameRegistry(key, registry));
  // An exact key wins over an alias ("docker.io" over "https://index.docker.io/v1/" when both exist).
  entries.sort(([a], [b]) => Number(configKeyHost(b) === registry) - Number(configKeyHost(a) === registry));
  for (const [key, entry] of entries) {
    const creds = fromAuthEntry(key, entry);
    if (creds) return creds;
  }
  return null;
}

function fromHelper(found: { username: string; secret: string } | null): Credentials | null {
  if (!found) return null;
  // Helpers store identity tokens under the user name "<token>".
  if (found.username === '<token>') return { username: '', password: '', identityToken: found.secret };
  return { username: found.username, password: found.secret };
}

function fromAuthEntry(key: string, entry: NonNullable<DockerConfig['auths']>[string]): Credentials | null {
  if (typeof entry !== 'object' || entry === null) return null;
  let username = entry.username ?? '';
  let password = entry.password ?? '';
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new RegistryError(`the Docker config's auth for ${oneLine(key, 200)} is not base64 of "user:password"`);
    username = decoded.slice(0, colon);
    password = decoded.slice(colon + 1);
  }
  if (entry.identitytoken) return { username, password: '', identityToken: entry.identitytoken };
  return username || password ? { username, password } : null;
}
