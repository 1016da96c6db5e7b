// The warn levels a run exceeded, one line each ("api: warn-increase 5MB exceeded (+6.2 MB)"): the Action's
// warning annotations and the CLI's warning lines on stderr. They never change the verdict. Pure; the text is
// made one line (names come from the config, which the pull request can edit).

import { isWarning } from '../analysis/budgets.js';
import { oneLine } from '../lib/one-line.js';
import type { BudgetId, ImageEntry, Report } from '../model/report.js';
import { budgetActual } from './compare-text.js';
import { entryLabeler } from './failure-message.js';

export interface BudgetWarning {
  id: BudgetId;
  text: string;
}

export function budgetWarnings(report: Report): BudgetWarning[] {
  const labelOf = entryLabeler(report);
  return report.images
    .filter((e): e is ImageEntry => e.status === 'compared')
    .flatMap((e) =>
      e.budgets.filter(isWarning).map((b) => {
        const label = labelOf(e);
        return { id: b.id, text: oneLine(`${label ? `${label}: ` : ''}${b.id} ${b.limit} exceeded (${budgetActual(b)})`, 400) };
      }),
    );
}
