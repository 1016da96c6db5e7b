// Runs a Docker credential helper, the protocol of docker/docker-credential-helpers: `docker-credential-NAME get`
// with the server URL on stdin, JSON {ServerURL, Username, Secret} on stdout. The only process this client starts.

import { execFile } from 'node:child_process';
import { printable } from '../image/paths.js';
import { RegistryError } from './errors.js';

export interface HelperCredentials {
  username: string;
  secret: string;
}

export type CredentialHelperRunner = (name: string, serverUrl: string) => Promise<HelperCredentials | null>;

const TIMEOUT_MS = 60_000; // helpers may unlock a keychain or call a cloud API

/** null when the helper has no credentials for serverUrl. */
export const runCredentialHelper: CredentialHelperRunner = (name, serverUrl) => {
  // A helper name from config.json becomes part of a program name: no path separators, no shell.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    return Promise.reject(new RegistryError(`invalid credential helper name "${printable(name)}" in the Docker config`));
  }
  const program = `docker-credential-${name}`;
  return new Promise((resolve, reject) => {
    const child = execFile(program, ['get'], { timeout: TIMEOUT_MS, maxBuffer: 1 << 20, shell: false }, (err, stdout, stderr) => {
      if (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          reject(new RegistryError(`${program} (the credential helper the Docker config names for ${printable(serverUrl)}) is not installed or not on PATH`));
          return;
        }
        // The helpers answer "credentials not found in native keychain" (exit 1) when they have nothing.
        const said = `${stdout}\n${stderr}`.trim();
        if (/credentials not found/i.test(said)) resolve(null);
        else reject(new RegistryError(`${program} get failed for ${printable(serverUrl)}: ${printable(said.split('\n')[0] || err.message)}`));
        return;
      }
      try {
        const doc = JSON.parse(stdout) as { Username?: unknown; Secret?: unknown };
        if (typeof doc.Secret !== 'string' || doc.Secret === '') resolve(null);
        else resolve({ username: typeof doc.Username === 'string' ? doc.Username : '', secret: doc.Secret });
      } catch {
        reject(new RegistryError(`${program} get printed something other than JSON for ${printable(serverUrl)}`));
      }
    });
    child.stdin?.on('error', () => undefined); // a helper that exits without reading is judged by its output
    child.stdin?.end(serverUrl);
  });
};
