// Why a run failed, in one line, for the Action's failure and the CLI's last stderr line:
// "budget exceeded (max-size 250MB); fail-on: shell (new, Dockerfile:1)". Pure; the callers prefix it.

import { oneLine } from '../lib/one-line.js';
import type { FailOn } from '../model/options.js';
import type { ImageEntry, Report } from '../model/report.js';

/** The causes of one image's failure: each failing budget (when fail-on has budget) and each failing finding. */
export function failureCauses(entry: ImageEntry, failOn: Pick<FailOn, 'budget'>): string[] {
  const causes: string[] = [];
  const budgets = failOn.budget ? entry.budgets.filter((b) => !b.passed).map((b) => `${b.id} ${b.limit}`) : [];
  if (budgets.length) causes.push(`budget exceeded (${budgets.join(', ')})`);
  // severity is error exactly for the findings fail-on names; resolved ones never fail a run
  const findings = entry.findings
    .filter((f) => f.severity === 'error' && f.status !== 'resolved')
    .map((f) => `${f.id} (${f.status}${f.dockerfile ? `, ${f.dockerfile.path}:${f.dockerfile.line}` : ''})`);
  if (findings.length) causes.push(`fail-on: ${findings.join(', ')}`);
  return causes;
}

/** One line for a failed report; images are named when there are several. */
export function failureMessage(report: Report, failOn: Pick<FailOn, 'budget'>): string {
  const parts = report.images
    .filter((e) => !e.passed)
    .map((e) => {
      const causes = failureCauses(e, failOn).join('; ') || 'failed';
      return report.images.length > 1 ? `${e.name}: ${causes}` : causes;
    });
  return oneLine(parts.join(' · ') || 'failed', 2000);
}
