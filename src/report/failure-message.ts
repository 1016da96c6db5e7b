// Why a run failed, in one line, for the Action's failure and the CLI's last stderr line:
// "budget exceeded (max-size 250MB); fail-on: shell (new, Dockerfile:1)". Pure; the callers prefix it.

import { oneLine } from '../lib/one-line.js';
import type { FailOn } from '../model/options.js';
import type { ImageEntry, Report } from '../model/report.js';
import { isFailing } from '../analysis/budgets.js';

/** The causes of one image's failure: each failing budget (when fail-on has budget; warn levels never fail) and each failing finding. */
export function failureCauses(entry: ImageEntry, failOn: Pick<FailOn, 'budget'>): string[] {
  const causes: string[] = [];
  const budgets = failOn.budget ? entry.budgets.filter(isFailing).map((b) => `${b.id} ${b.limit}`) : [];
  if (budgets.length) causes.push(`budget exceeded (${budgets.join(', ')})`);
  // severity is error exactly for the findings fail-on names; resolved ones never fail a run
  const findings = entry.findings
    .filter((f) => f.severity === 'error' && f.status !== 'resolved')
    .map((f) => `${f.id} (${f.status}${f.dockerfile ? `, ${f.dockerfile.path}:${f.dockerfile.line}` : ''})`);
  if (findings.length) causes.push(`fail-on: ${findings.join(', ')}`);
  return causes;
}

/**
 * How a line about one entry names it: "" for one image on one platform; the name when the report has several
 * images; the platform too when the image has several ("api linux/arm64").
 */
export function entryLabeler(report: Report): (e: ImageEntry) => string {
  const compared = report.images.filter((e): e is ImageEntry => e.status !== 'not-built');
  const several = new Set(report.images.map((e) => e.name)).size > 1;
  const platformsOf = (name: string): number => compared.filter((e) => e.name === name).length;
  return (e) => [several ? e.name : null, platformsOf(e.name) > 1 ? e.platform : null].filter(Boolean).join(' ');
}

/**
 * One line for a failed report. One image on one platform: its causes. Several platforms of one image: each
 * failing platform with its causes. Several images: "2 of 3 images failed: " and each failing image (and
 * platform). `failOnOf` gives each image's fail-on (entries of a config file may have their own).
 */
export function failureMessage(report: Report, failOnOf: Pick<FailOn, 'budget'> | ((entry: ImageEntry) => Pick<FailOn, 'budget'>)): string {
  const failOn = typeof failOnOf === 'function' ? failOnOf : () => failOnOf;
  const compared = report.images.filter((e): e is ImageEntry => e.status !== 'not-built');
  const names = [...new Set(report.images.map((e) => e.name))];
  const labelOf = entryLabeler(report);
  const parts = compared
    .filter((e) => !e.passed)
    .map((e) => {
      const causes = failureCauses(e, failOn(e)).join('; ') || 'failed';
      const label = labelOf(e);
      return label ? `${label}: ${causes}` : causes;
    });
  const failedImages = new Set(compared.filter((e) => !e.passed).map((e) => e.name)).size;
  const prefix = names.length > 1 ? `${failedImages} of ${names.length} images failed: ` : '';
  return oneLine(prefix + (parts.join(' · ') || 'failed'), 2000);
}
