// The SARIF rule of each finding id (report/sarif.ts): what code scanning shows at the top of an alert and in its
// help. One row per id — the type asks for a row when an id is added to FindingId.

import type { FindingId } from '../model/report.js';

export interface RuleText {
  /** PascalCase, as code scanning shows rule names. */
  name: string;
  /** One sentence: the alert's title. */
  short: string;
  /** What was found and why it matters. */
  full: string;
  /** What to do about it. */
  fix: string;
}

/** The README's section on findings (its heading is "## Findings"); a unit test checks it exists. */
export const FINDINGS_ANCHOR = 'findings';

/** One row per finding id (a unit test checks that every id has one). */
export const SARIF_RULES: Record<FindingId, RuleText> = {
  shell: {
    name: 'ShellInImage',
    short: 'The image contains a shell',
    full: 'The final filesystem contains an executable shell (sh, bash, dash, busybox, …). Whoever gets code execution in the container has a shell to work with, and the shell and what comes with it add bytes to every pull.',
    fix: 'Build the final stage from a base without a shell (scratch with a static binary, or distroless) and copy in only what runs; use the exec form of ENTRYPOINT, CMD and HEALTHCHECK, which needs no shell.',
  },
  'missing-multi-stage': {
    name: 'MissingMultiStage',
    short: 'A single-stage build ships its build tooling',
    full: 'The stage that produces the image is the only one (or uses nothing from other stages), and the image carries build tooling: compilers, SDKs, headers, -dev packages.',
    fix: 'Build in one stage and copy only the artefacts into a slim final stage (FROM scratch, distroless or a -slim base) with COPY --from=<build stage>.',
  },
  'build-tools': {
    name: 'BuildToolsInImage',
    short: 'Build tooling is in the final image',
    full: 'Compilers, SDKs, headers or -dev packages are in the final image although only the build needs them.',
    fix: 'Install them in a build stage and copy the artefacts into the final one; or remove them in the same RUN that installed them.',
  },
  'package-cache': {
    name: 'PackageCacheInImage',
    short: 'Package manager caches are left in the image',
    full: 'A layer leaves package manager caches behind (apt lists and .deb archives, apk, pip, npm, yarn, Go, Maven, Gradle, Cargo): bytes every pull moves and nothing at run time reads.',
    fix: 'Delete them in the same RUN that made them (rm -rf /var/lib/apt/lists/*, pip install --no-cache-dir, npm cache clean --force), or keep them out of the layer with a cache mount (RUN --mount=type=cache,target=…).',
  },
  'wasted-space': {
    name: 'WastedSpace',
    short: 'Bytes written by one instruction and deleted or overwritten by a later one',
    full: 'An instruction writes files that a later instruction deletes or overwrites: the bytes stay in the earlier layer, and every pull still moves them.',
    fix: 'Delete the files in the same RUN that wrote them, or use a multi-stage build (copy only the result) or a cache mount, so the bytes never reach a layer.',
  },
};
