// What `buildx-flags` may add to `docker buildx build`. image-size-guard owns the output (it reads the image as
// it is exported), the Dockerfile, target, platform, build args, builder and the progress format it parses;
// and nothing in a size check may push, tag or write files. Flags that would are refused in every spelling
// buildx accepts: `--output X`, `--output=X`, `-o X`, `-oX`, `-qo X` (bundled short flags). Everything else
// (cache flags, secrets, ssh, network, labels, …) passes through; buildx itself rejects flags it does not know.

import { quoted } from '../lib/one-line.js';
import { ConfigError } from './errors.js';

/** Long flag → why it is refused. */
const REFUSED: ReadonlyMap<string, string> = new Map([
  ['output', 'image-size-guard exports the image itself'],
  ['push', 'a size check never pushes'],
  ['load', 'image-size-guard decides how the image is exported'],
  ['tag', 'a size check never tags images'],
  ['metadata-file', 'a size check writes no files'],
  ['iidfile', 'a size check writes no files'],
  ['quiet', 'it would print to the output image-size-guard reads'],
  ['progress', 'image-size-guard reads the plain progress log'],
  ['file', 'set the Dockerfile with the dockerfile input (--file)'],
  ['target', 'set the stage with the target input (--target)'],
  ['platform', 'set the platform with the platform input (--platform)'],
  ['build-arg', 'set build arguments with the build-args input (--build-arg)'],
  ['builder', 'set the builder with the builder input (--builder)'],
  ['call', 'it builds no image'],
  ['check', 'it builds no image'],
  ['print', 'it builds no image'],
]);

/** buildx build's short flags: all of them are refused (-f file, -o output, -t tag, -q quiet). */
const SHORT: ReadonlyMap<string, string> = new Map([
  ['f', 'file'],
  ['o', 'output'],
  ['t', 'tag'],
  ['q', 'quiet'],
]);

/** Long flags known to take no value: a word after them is a positional argument, not their value. */
const BOOLEAN = new Set(['no-cache', 'pull', 'debug']);

/** Returns the flags unchanged, or throws one line naming the first refused flag and why. */
export function checkBuildxFlags(flags: readonly string[], what: string): string[] {
  let valueMayFollow = false;
  for (const flag of flags) {
    if (flag === '--') {
      throw new ConfigError(`${what}: "--" is not allowed (the build context is set with the context input)`);
    } else if (flag.startsWith('--')) {
      const name = flag.slice(2).split('=')[0]!;
      const why = REFUSED.get(name);
      if (why !== undefined) throw new ConfigError(`${what}: --${name} is not allowed (${why})`);
      valueMayFollow = !flag.includes('=') && !BOOLEAN.has(name);
    } else if (flag.startsWith('-') && flag.length > 1) {
      // pflag bundles short flags (-qo X, -oX): a refused letter anywhere in the cluster is refused
      for (const letter of flag.slice(1)) {
        const long = SHORT.get(letter);
        if (long !== undefined) throw new ConfigError(`${what}: -${letter} (--${long}) is not allowed (${REFUSED.get(long)})`);
      }
      valueMayFollow = false;
    } else if (valueMayFollow) {
      valueMayFollow = false; // the value of the flag before it
    } else {
      throw new ConfigError(`${what}: unexpected argument ${quoted(flag, 40)} (the build context is set with the context input)`);
    }
  }
  return [...flags];
}
