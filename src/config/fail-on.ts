// `fail-on`: which problems turn the check red. A comma list of `budget`, finding ids,
// `any` (any finding) or `never`.

import { quoted } from '../lib/one-line.js';
import { FINDING_IDS, type FindingId } from '../model/report.js';
import type { FailOn } from '../model/options.js';
import { ConfigError } from './errors.js';

export { FINDING_IDS };

export function parseFailOn(text: string | undefined, what = 'fail-on'): FailOn {
  const parts = (text ?? 'budget')
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  const out = { budget: false, anyFinding: false, findings: new Set<FindingId>() };
  if (parts.length === 0) parts.push('budget');
  for (const p of parts) {
    if (p === 'never') {
      if (parts.length > 1) throw new ConfigError(`${what}: "never" cannot be combined with other values`);
      return out;
    }
    if (p === 'budget') out.budget = true;
    else if (p === 'any') out.anyFinding = true;
    else if ((FINDING_IDS as readonly string[]).includes(p)) out.findings.add(p as FindingId);
    else throw new ConfigError(`${what}: unknown value ${quoted(p, 40)} (use budget, any, never or a finding id: ${FINDING_IDS.join(', ')})`);
  }
  return out;
}
