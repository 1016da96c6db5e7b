// What the CLI's commands add to a report on stderr and beside it: a warning line per warn level exceeded, and
// the SARIF file (--sarif FILE).

import { findingsHelpUri } from '../config/help-uri.js';
import { oneLine } from '../lib/one-line.js';
import type { Report } from '../model/report.js';
import { writeSarifFile } from '../pipeline/sarif-file.js';
import { budgetWarnings } from '../report/budget-warnings.js';

const warn = (text: string): void => void process.stderr.write(`image-size-guard: warning: ${oneLine(text)}\n`);

/** "image-size-guard: warning: warn-increase 5MB exceeded (+6.2 MB)", one per warn level exceeded. */
export function warnBudgets(report: Report): void {
  for (const w of budgetWarnings(report)) warn(w.text);
}

export async function reportSarif(file: string, report: Report): Promise<void> {
  for (const w of await writeSarifFile(file, report, findingsHelpUri(process.env))) warn(w);
}
