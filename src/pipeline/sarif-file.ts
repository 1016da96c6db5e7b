// Writes the run's findings as a SARIF file (input `sarif-file`, `--sarif FILE`), for code scanning. Returns the
// warnings to show: images whose findings could not be located (no Dockerfile) and are not in the file.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Report } from '../model/report.js';
import { renderSarif } from '../report/sarif.js';

export async function writeSarifFile(file: string, report: Report, helpUri: string | undefined): Promise<string[]> {
  const { log, unlocated } = renderSarif(report, { helpUri });
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(log, null, 2) + '\n');
  return unlocated.map((name) => `${name}: its findings are not in the SARIF file: they have no Dockerfile to point at (name its Dockerfile: --file, or the dockerfile input)`);
}
