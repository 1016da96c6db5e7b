// A warning annotation for each warn level a run exceeded (the verdict is not changed by them).

import * as core from '@actions/core';
import type { Report } from '../model/report.js';
import { budgetWarnings } from '../report/budget-warnings.js';

export function annotateBudgetWarnings(report: Report): void {
  // core escapes the message and title for the workflow command; the text is one line already
  for (const w of budgetWarnings(report)) core.warning(`image-size-guard: ${w.text}`, { title: `image-size-guard: ${w.id}` });
}
