// SARIF from a real build (the bundled CLI, `compare --sarif`): a single-stage Debian image that installs a compiler
// and leaves apt's lists behind has a shell, misses a multi-stage build and keeps a package cache. Its SARIF is
// valid against the SARIF 2.1.0 schema, has those three rules and three results on the right Dockerfile lines,
// and the same fingerprints after a blank line is added above the FROM (every line moves down by one).

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { SarifLog } from '../../src/report/sarif.js';
import { requireDocker, runDistCli } from '../helpers/docker.js';
import { sarifSchemaErrors } from '../helpers/sarif-schema.js';

const DOCKERFILE = [
  'FROM isg/debian:bookworm',
  'RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev',
  'CMD ["/bin/true"]',
].join('\n');

let dir = '';

/** compare (no base) with --sarif, the Dockerfile as given; the SARIF log and the run's stderr. */
async function sarifOf(dockerfile: string): Promise<{ log: SarifLog; stderr: string }> {
  writeFileSync(join(dir, 'Dockerfile'), dockerfile + '\n');
  const r = await runDistCli(['compare', '--compressed-size', 'off', '--name', 'app', '--sarif', 'out/app.sarif', '--fail-on', 'budget,shell'], { cwd: dir });
  assert.equal(r.code, 1, `a shell fails this run (fail-on shell): ${r.stderr.slice(-1500)}`);
  return { log: JSON.parse(readFileSync(join(dir, 'out/app.sarif'), 'utf8')) as SarifLog, stderr: r.stderr };
}

const where = (log: SarifLog): string[] =>
  log.runs[0].results.map((r) => `${r.ruleId} ${r.level} ${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine}`);

beforeAll(async () => {
  await requireDocker();
  dir = mkdtempSync(join(tmpdir(), 'isg-sarif-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('compare --sarif on a real build', () => {
  let first: SarifLog;

  it('is valid SARIF 2.1.0 with the three rules and three results on their lines', async () => {
    first = (await sarifOf(DOCKERFILE)).log;
    assert.deepEqual(sarifSchemaErrors(first), []);
    const driver = first.runs[0].tool.driver;
    assert.equal(driver.name, 'image-size-guard');
    assert.deepEqual(driver.rules.map((r) => r.id).sort(), ['missing-multi-stage', 'package-cache', 'shell']);
    // shell (fail-on: an error) and missing-multi-stage come from the base and the FROM's stage: line 1; the apt lists from the RUN: line 2
    assert.deepEqual(where(first).sort(), ['missing-multi-stage warning Dockerfile:1', 'package-cache warning Dockerfile:2', 'shell error Dockerfile:1']);
    for (const r of first.runs[0].results) {
      assert.equal(r.properties.image, 'app');
      assert.match(r.message.text, /^app: \S/);
      assert.equal(driver.rules[r.ruleIndex]!.id, r.ruleId);
    }
  });

  it('a blank line above the FROM moves every result down one line and changes no fingerprint', async () => {
    const moved = (await sarifOf('\n' + DOCKERFILE)).log;
    assert.deepEqual(sarifSchemaErrors(moved), []);
    assert.deepEqual(where(moved).sort(), ['missing-multi-stage warning Dockerfile:2', 'package-cache warning Dockerfile:3', 'shell error Dockerfile:2']);
    const fingerprints = (log: SarifLog) => Object.fromEntries(log.runs[0].results.map((r) => [r.ruleId, r.partialFingerprints]));
    assert.deepEqual(fingerprints(moved), fingerprints(first));
    assert.equal(new Set(Object.values(fingerprints(first)).map((f) => JSON.stringify(f))).size, 3);
  });

  it('inspect --sarif without a Dockerfile (Debian has a shell): an empty run, and a warning naming the image', async () => {
    const save = await runDistCli(['inspect', 'isg/debian:bookworm', '--sarif', 'out/base.sarif', '--compressed-size', 'off'], { cwd: dir });
    assert.equal(save.code, 0, save.stderr);
    const log = JSON.parse(readFileSync(join(dir, 'out/base.sarif'), 'utf8')) as SarifLog;
    assert.deepEqual(sarifSchemaErrors(log), []);
    assert.deepEqual(log.runs[0].results, []);
    assert.match(save.stderr, /^image-size-guard: warning: isg\/debian:bookworm: its findings are not in the SARIF file: they have no Dockerfile to point at/m);
  });
});
