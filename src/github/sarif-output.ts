// The Action's `sarif-file`: the findings of the run (or of the merged reports) as SARIF, at a path relative to
// the workspace; images whose findings cannot be located are a warning each. A file that cannot be written is a
// warning too, not a failure: the comment, summary and outputs come after it and must not be lost (the upload
// step that reads the file says it is missing).

import * as core from '@actions/core';
import { resolve } from 'node:path';
import type { ActionConfig } from '../config/action-inputs.js';
import { findingsHelpUri } from '../config/help-uri.js';
import { describeError } from '../lib/describe-error.js';
import { oneLine } from '../lib/one-line.js';
import type { Report } from '../model/report.js';
import { writeSarifFile } from '../pipeline/sarif-file.js';

export async function writeSarifOutput(cfg: Pick<ActionConfig, 'sarifFile' | 'run'>, report: Report): Promise<void> {
  if (!cfg.sarifFile) return;
  const file = resolve(cfg.run.cwd, cfg.sarifFile);
  let warnings: string[];
  try {
    warnings = await writeSarifFile(file, report, findingsHelpUri(process.env));
  } catch (err) {
    core.warning(`image-size-guard: sarif-file ${oneLine(cfg.sarifFile)} was not written: ${oneLine(describeError(err))}`);
    return;
  }
  for (const w of warnings) core.warning(`image-size-guard: ${oneLine(w)}`);
  core.info(`image-size-guard: SARIF written to ${oneLine(cfg.sarifFile)}`);
}
