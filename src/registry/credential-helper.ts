// Runs a Docker credential helper, the protocol of docker/docker-credential-helpers: `docker-credential-NAME get`
// with the server URL on stdin, JSON {ServerURL, Username, Secret} on stdout (run through src/exec, no shell).
// The only process this client starts.

import { runCommand, ToolMissingError } from '../exec/exec.js';
import { oneLine } from '../lib/one-line.js';
import { RegistryError } from './errors.js';

export interface HelperCredentials {
  username: string;
  secret: string;
}

export type CredentialHelperRunner = (name: string, serverUrl: string) => Promise<HelperCredentials | null>;

/** A helper that has not answered by then never will (a keychain waiting for a click, a hung daemon). */
export const HELPER_TIMEOUT_MS = 30_000;

/** null when the helper has no credentials for serverUrl. */
export const runCredentialHelper: CredentialHelperRunner = async (name, serverUrl) => {
  // A helper name from config.json becomes part of a program name: no path separators, no shell.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new RegistryError(`invalid credential helper name "${oneLine(name, 200)}" in the Docker config`);
  }
  const program = `docker-credential-${name}`;
  let r: Awaited<ReturnType<typeof runCommand>>;
  try {
    r = await runCommand(program, ['get'], { input: serverUrl, timeoutMs: HELPER_TIMEOUT_MS });
  } catch (err) {
    if (err instanceof ToolMissingError) {
      throw new RegistryError(`${program} (the credential helper the Docker config names for ${oneLine(serverUrl, 200)}) is not installed or not on PATH`);
    }
    throw err;
  }
  if (r.timedOut) {
    throw new RegistryError(`${program} (the credential helper the Docker config names for ${oneLine(serverUrl, 200)}) did not answer within ${HELPER_TIMEOUT_MS / 1000} s`);
  }
  if (r.code !== 0) {
    // The helpers answer "credentials not found in native keychain" (exit 1) when they have nothing.
    const said = `${r.stdout}\n${r.stderr}`.trim();
    if (/credentials not found/i.test(said)) return null;
    throw new RegistryError(`${program} get failed for ${oneLine(serverUrl, 200)}: ${oneLine(said.split('\n')[0] || `exit code ${r.code}`, 200)}`);
  }
  try {
    const doc = JSON.parse(r.stdout) as { Username?: unknown; Secret?: unknown };
    if (typeof doc.Secret !== 'string' || doc.Secret === '') return null;
    return { username: typeof doc.Username === 'string' ? doc.Username : '', secret: doc.Secret };
  } catch {
    throw new RegistryError(`${program} get printed something other than JSON for ${oneLine(serverUrl, 200)}`);
  }
};
