// `platform` / `--platform`: one platform, a comma list, or `all` — checked before anything is built.

import { quoted } from '../lib/one-line.js';
import { parsePlatformRequest } from '../oci/platform.js';
import { ConfigError } from './errors.js';

/** The option as given, normalised ("linux/amd64,linux/arm64", "all"), or undefined when empty. */
export function checkPlatformOption(text: string | undefined, what: string): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let request;
  try {
    request = parsePlatformRequest(text);
  } catch {
    const bad = text.split(',').map((p) => p.trim()).find((p) => !/^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/i.test(p)) ?? text;
    throw new ConfigError(`${what}: ${quoted(bad, 60)} is not a platform (os/arch or os/arch/variant, e.g. linux/arm64; a comma list; or all)`);
  }
  if (request === undefined) return undefined;
  return request === 'all' ? 'all' : request.join(',');
}
