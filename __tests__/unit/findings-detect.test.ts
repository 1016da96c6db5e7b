import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { DEFAULT_THRESHOLDS, type DetectedFinding } from '../../src/analysis/findings/context.js';
import { detectFindings } from '../../src/analysis/findings/detect-findings.js';
import { withStatus } from '../../src/analysis/findings/finding-status.js';
import { parseFailOn } from '../../src/config/fail-on.js';
import { compareFindings } from '../../src/pipeline/findings-step.js';
import { ctx, distrolessFiles, exe, file, fs, MB } from '../helpers/finding-fixtures.js';

describe('detectFindings', () => {
  it('a distroless-style image gives nothing', () => {
    assert.deepEqual(detectFindings(ctx({ files: distrolessFiles() })), []);
  });

  it('a fat single-stage image gives shell, missing-multi-stage and package-cache, in report order', () => {
    const files = fs({
      '/bin/bash': exe(1 * MB),
      '/bin/sh': { type: 'symlink', target: 'bash' },
      '/usr/local/go/bin/go': exe(15 * MB, 1),
      '/usr/local/go/pkg/tool/linux_amd64/compile': exe(20 * MB, 1),
      '/var/lib/apt/lists/x_Packages': file(20 * MB, 1),
    });
    const dockerfile = { path: 'Dockerfile', singleStage: true, fromLine: 2 };
    assert.deepEqual(
      detectFindings(ctx({ files, dockerfile })).map((f) => f.id),
      ['shell', 'missing-multi-stage', 'package-cache'],
    );
    assert.deepEqual(
      detectFindings(ctx({ files, dockerfile: { ...dockerfile, singleStage: false } })).map((f) => f.id),
      ['shell', 'build-tools', 'package-cache'],
    );
  });

  it('documents its defaults', () => {
    assert.deepEqual(DEFAULT_THRESHOLDS, { buildToolsMinBytes: 1_000_000, packageCacheMinBytes: 1_000_000, wastedSpaceMinBytes: 5_000_000, maxEvidence: 10 });
  });
});

const f = (id: DetectedFinding['id'], message: string = id): DetectedFinding => ({ id, message, bytes: 1, evidence: [], dockerfile: null });

const warn = (): 'warning' => 'warning';

describe('withStatus', () => {
  it('new (head only), existing (both), resolved (base only)', () => {
    const out = withStatus([f('shell', 'head shell'), f('build-tools')], [f('shell', 'base shell'), f('package-cache')], warn);
    assert.deepEqual(
      out.map((x) => [x.id, x.status, x.message]),
      [
        ['shell', 'existing', 'head shell'],
        ['build-tools', 'new', 'build-tools'],
        ['package-cache', 'resolved', 'package-cache'],
      ],
    );
    assert.deepEqual(Object.keys(out[0]!), ['id', 'severity', 'status', 'message', 'bytes', 'evidence', 'dockerfile']);
  });

  it('without a base every finding is new', () => {
    assert.deepEqual(
      withStatus([f('shell'), f('package-cache')], null, warn).map((x) => x.status),
      ['new', 'new'],
    );
    assert.deepEqual(withStatus([], null, warn), []);
    assert.deepEqual(withStatus([], [], warn), []);
  });
});

describe('severity (decided outside the detectors)', () => {
  const side = { layerLines: [], findings: [f('shell'), f('build-tools')] };
  it('is error for what fail-on names, warning otherwise; resolved findings keep theirs', () => {
    const sev = (failOn: string): string[] => compareFindings(side, { layerLines: [], findings: [f('package-cache')] }, parseFailOn(failOn)).map((x) => `${x.id}:${x.status}:${x.severity}`);
    assert.deepEqual(sev('shell'), ['shell:new:error', 'build-tools:new:warning', 'package-cache:resolved:warning']);
    assert.deepEqual(sev('any'), ['shell:new:error', 'build-tools:new:error', 'package-cache:resolved:error']);
    assert.deepEqual(sev('budget'), ['shell:new:warning', 'build-tools:new:warning', 'package-cache:resolved:warning']);
    assert.deepEqual(sev('budget, build-tools'), ['shell:new:warning', 'build-tools:new:error', 'package-cache:resolved:warning']);
  });
});
