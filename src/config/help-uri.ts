// Where the findings are explained, for the SARIF rules' helpUri: the README of the Action's own repository at
// the ref the workflow runs (GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF, set by the runner for the step),
// else the package's homepage; none when neither is known (a local `uses: ./`, a CLI without a homepage).

import { TOOL_HOMEPAGE } from '../lib/version.js';
import { FINDINGS_ANCHOR } from '../report/sarif-rules.js';

export function findingsHelpUri(env: NodeJS.ProcessEnv, homepage: string | undefined = TOOL_HOMEPAGE): string | undefined {
  const repo = env.GITHUB_ACTION_REPOSITORY ?? '';
  if (/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) {
    const server = /^https?:\/\/[^\s/]+$/.test(env.GITHUB_SERVER_URL ?? '') ? env.GITHUB_SERVER_URL! : 'https://github.com';
    const ref = env.GITHUB_ACTION_REF ?? '';
    const at = /^[A-Za-z0-9_./-]+$/.test(ref) && !ref.includes('..') ? ref : 'HEAD';
    return `${server}/${repo}/blob/${at}/README.md#${FINDINGS_ANCHOR}`;
  }
  return homepage && /^https?:\/\/\S+$/.test(homepage) ? `${homepage.replace(/#.*$/, '')}#${FINDINGS_ANCHOR}` : undefined;
}
