// The Action's `sarif-file`: the findings of the run (or of the merged reports) as SARIF, at a path relative to
// the workspace; images whose findings cannot be located are a warning each.

import * as core from '@actions/core';
import { resolve } from 'node:path';
import type { ActionConfig } from '../config/action-inputs.js';
import { findingsHelpUri } from '../config/help-uri.js';
import { oneLine } from '../lib/one-line.js';
import type { Report } from '../model/report.js';
import { writeSarifFile } from '../pipeline/sarif-file.js';

export async function writeSarifOutput(cfg: Pick<ActionConfig, 'sarifFile' | 'run'>, report: Report): Promise<void> {
  if (!cfg.sarifFile) return;
  const file = resolve(cfg.run.cwd, cfg.sarifFile);
  for (const w of await writeSarifFile(file, report, findingsHelpUri(process.env))) core.warning(`image-size-guard: ${oneLine(w)}`);
  core.info(`image-size-guard: SARIF written to ${oneLine(cfg.sarifFile)}`);
}
