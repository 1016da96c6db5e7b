// Action entry logic. For now the action analyses one prebuilt image (`image` input) and publishes its
// report; building and comparing against the base arrive with the Compare and Action issues.

import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { describeError } from './cli/errors.js';
import { classifySource, readImage } from './image/open-image.js';
import { makeReport, toImageReport } from './report/image-report.js';

export async function run(): Promise<void> {
  try {
    const image = core.getInput('image');
    if (!image) throw new Error('set the `image` input: building images in the action is not available yet');
    const model = await readImage(await classifySource(image));
    const name = core.getInput('name') || image;
    const head = toImageReport(model, image);
    const report = makeReport([
      { name, platform: model.platform, head, base: null, diff: null, findings: [], budgets: [], passed: true },
    ]);
    const reportFile = core.getInput('report-file') || join(process.env.RUNNER_TEMP || tmpdir(), 'image-size-guard', 'report.json');
    await mkdir(dirname(reportFile), { recursive: true });
    await writeFile(reportFile, JSON.stringify(report, null, 2) + '\n');
    core.setOutput('size', String(head.size));
    core.setOutput('layers', String(head.layers.length));
    core.setOutput('compressed-size', head.compressedSize === null ? '' : String(head.compressedSize));
    core.setOutput('passed', String(report.passed));
    core.setOutput('report-file', reportFile);
    core.info(`${name}: ${head.size} bytes in ${head.layers.length} layers; report written to ${reportFile}`);
  } catch (err) {
    core.setFailed(describeError(err));
  }
}
