// Pass or fail, from the budgets and findings, as `fail-on` says. A warn level exceeded never fails.

import type { FailOn } from '../model/options.js';
import type { BudgetResult, Finding } from '../model/report.js';
import { isFailing } from './budgets.js';

export function decidePassed(budgets: readonly BudgetResult[], findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn.budget && budgets.some(isFailing)) return false;
  // resolved findings are gone from the head image: they never fail a run
  const present = findings.filter((f) => f.status !== 'resolved');
  if (failOn.anyFinding && present.length > 0) return false;
  return !present.some((f) => failOn.findings.has(f.id));
}
