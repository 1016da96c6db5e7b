// The SARIF rendering of a report (report/sarif.ts), on reports made in memory: valid against the SARIF 2.1.0
// schema, one rule per finding id with a result, one result per finding and Dockerfile line, fingerprints that do
// not move with lines, and nothing it cannot locate. The real build is in __tests__/integration/sarif.test.ts.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from '@jest/globals';
import GithubSlugger from 'github-slugger';
import { findingsHelpUri } from '../../src/config/help-uri.js';
import { FINDING_IDS } from '../../src/config/fail-on.js';
import type { Report } from '../../src/model/report.js';
import { makeReport } from '../../src/report/image-report.js';
import { FINGERPRINT_KEY, fileUri, renderSarif, type SarifResult } from '../../src/report/sarif.js';
import { FINDINGS_ANCHOR, SARIF_RULES } from '../../src/report/sarif-rules.js';
import { entryOf, findingOf, sideOf } from '../helpers/entries.js';
import { sarifSchemaErrors } from '../helpers/sarif-schema.js';

const HELP = 'https://github.com/acme/image-size-guard/blob/v1/README.md#findings';

const report = (): Report =>
  makeReport([
    entryOf('api', 100, 200, {
      findings: [
        findingOf('shell', { severity: 'error', dockerfile: { path: 'Dockerfile', line: 1 } }),
        findingOf('package-cache', { status: 'existing', dockerfile: { path: 'Dockerfile', line: 3 } }),
        findingOf('build-tools', { status: 'resolved', dockerfile: { path: 'Dockerfile', line: 2 } }),
        findingOf('missing-multi-stage'), // no line: the Dockerfile's first line
      ],
    }),
  ]);

const results = (r: Report): SarifResult[] => renderSarif(r, { helpUri: HELP }).log.runs[0].results;

describe('renderSarif', () => {
  it('is a valid SARIF 2.1.0 log of image-size-guard at its version', () => {
    const { log, unlocated } = renderSarif(report(), { helpUri: HELP });
    assert.deepEqual(sarifSchemaErrors(log), []);
    assert.deepEqual(unlocated, []);
    // the schema check can fail: a level SARIF does not have, a URI that is not one
    const broken = JSON.parse(JSON.stringify(log)) as typeof log;
    (broken.runs[0].results[0] as { level: string }).level = 'fatal';
    broken.runs[0].tool.driver.informationUri = 'not a uri';
    assert.deepEqual(sarifSchemaErrors(broken).sort(), ['/runs/0/results/0/level: must be equal to one of the allowed values', '/runs/0/tool/driver/informationUri: must match format "uri"']);
    assert.equal(log.version, '2.1.0');
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'image-size-guard');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.equal(driver.informationUri, 'https://github.com/acme/image-size-guard/blob/v1/README.md');
  });

  it('one rule per finding id with a result, with descriptions, the fix and the README link', () => {
    const rules = renderSarif(report(), { helpUri: HELP }).log.runs[0].tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id), ['shell', 'missing-multi-stage', 'package-cache'], 'the resolved build-tools has no result, so no rule');
    for (const r of rules) {
      assert.ok(r.shortDescription.text.length > 10 && r.fullDescription.text.length > r.shortDescription.text.length, r.id);
      assert.match(r.help.text, /\n\nFix: \S/);
      assert.equal(r.helpUri, HELP);
    }
  });

  it('one result per present finding, on its line (the first line without one), level from fail-on, naming its image', () => {
    const rs = results(report());
    assert.deepEqual(
      rs.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine, r.properties.status]),
      [
        ['shell', 'error', 'Dockerfile', 1, 'new'],
        ['package-cache', 'warning', 'Dockerfile', 3, 'existing'],
        ['missing-multi-stage', 'warning', 'Dockerfile', 1, 'new'],
      ],
    );
    const rules = renderSarif(report()).log.runs[0].tool.driver.rules;
    for (const r of rs) assert.equal(rules[r.ruleIndex]!.id, r.ruleId);
    assert.ok(rs.every((r) => r.message.text.startsWith('api: ') && r.properties.image === 'api'));
  });

  it('the same finding keeps its fingerprint when its line moves; different findings and images differ', () => {
    const moved = report();
    const e = moved.images[0] as Extract<Report['images'][number], { status: 'compared' }>;
    e.findings = e.findings.map((f) => (f.dockerfile ? { ...f, dockerfile: { ...f.dockerfile, line: f.dockerfile.line + 1 } } : f));
    e.head = { ...e.head, layers: e.head.layers.map((l) => ({ ...l, dockerfileLine: l.dockerfileLine === null ? null : l.dockerfileLine + 1 })) };
    const fp = (r: Report) => results(r).map((x) => x.partialFingerprints[FINGERPRINT_KEY]);
    assert.deepEqual(fp(moved), fp(report()));
    assert.equal(new Set(fp(report())).size, 3);
    const renamed = report();
    renamed.images[0]!.name = 'web';
    assert.notDeepEqual(fp(renamed), fp(report()));
    assert.ok(fp(report()).every((f) => /^[0-9a-f]{64}$/.test(f!)));
  });

  it('the instruction of the line is part of the fingerprint, its whitespace and shell prefix are not', () => {
    const withRun = (instruction: string): string => {
      const r = report();
      const e = r.images[0] as Extract<Report['images'][number], { status: 'compared' }>;
      e.head.layers[1]!.instruction = instruction; // the layer of line 3, where package-cache is
      return results(r)[1]!.partialFingerprints[FINGERPRINT_KEY]!;
    };
    assert.equal(withRun('RUN /bin/sh -c apt-get   update # buildkit'), withRun('RUN apt-get update'));
    assert.notEqual(withRun('RUN apt-get update'), withRun('RUN apt-get update && apt-get install -y curl'));
  });

  it('findings that share the writer\'s line stay apart by their removers, each with its own fingerprint', () => {
    const removedBy = (line: number, instruction: string) => ({ layer: line, instruction, dockerfile: { path: 'Dockerfile', line } });
    const r = makeReport([
      entryOf('api', 100, 200, {
        findings: [
          findingOf('wasted-space', { message: 'removed by line 3', dockerfile: { path: 'Dockerfile', line: 2 }, removedBy: removedBy(3, 'RUN rm -rf /tmp/a') }),
          findingOf('wasted-space', { message: 'removed by line 5', dockerfile: { path: 'Dockerfile', line: 2 }, removedBy: removedBy(5, 'RUN rm -rf /tmp/b') }),
          findingOf('package-cache', { message: 'left in the image', dockerfile: { path: 'Dockerfile', line: 2 } }),
          findingOf('package-cache', { message: 'deleted later', dockerfile: { path: 'Dockerfile', line: 2 }, removedBy: removedBy(4, 'RUN rm -rf /var/lib/apt/lists/*') }),
        ],
      }),
    ]);
    const out = results(r);
    assert.deepEqual(out.map((x) => x.message.text.match(/removed by line \d|left in the image|deleted later/)?.[0]), ['removed by line 3', 'removed by line 5', 'left in the image', 'deleted later']);
    assert.equal(new Set(out.map((x) => x.partialFingerprints[FINGERPRINT_KEY])).size, 4);
    assert.deepEqual(out.map((x) => x.locations[0]!.physicalLocation.region.startLine), [2, 2, 2, 2]);
  });

  it('several platforms of one image are one result listing them; several images are one file, each result naming its image', () => {
    const arm = { ...(report().images[0] as object), platform: 'linux/arm64' } as Report['images'][number];
    const web = entryOf('web', null, 10, { findings: [findingOf('shell', { dockerfile: { path: 'web/Dockerfile', line: 2 } })] });
    web.head = sideOf(10, 2, 'web/Dockerfile');
    const r = makeReport([report().images[0]!, arm, web]);
    const rs = results(r);
    assert.deepEqual(rs.map((x) => `${x.properties.image} ${x.ruleId} ${x.properties.platforms.join(',')}`), [
      'api shell linux/amd64,linux/arm64',
      'api package-cache linux/amd64,linux/arm64',
      'api missing-multi-stage linux/amd64,linux/arm64',
      'web shell linux/amd64',
    ]);
    assert.equal(rs[3]!.message.text, 'web: shell found');
    assert.equal(rs[3]!.locations[0].physicalLocation.artifactLocation.uri, 'web/Dockerfile');
    assert.deepEqual(sarifSchemaErrors(renderSarif(r).log), []);
  });

  it('an image without a Dockerfile cannot be located: its findings are left out and it is named', () => {
    const bare = entryOf('registry-image', null, 10, { findings: [findingOf('shell')] });
    bare.head = sideOf(10, 2, null);
    const { log, unlocated } = renderSarif(makeReport([bare]));
    assert.deepEqual(log.runs[0].results, []);
    assert.deepEqual(log.runs[0].tool.driver.rules, []);
    assert.deepEqual(unlocated, ['registry-image']);
    assert.deepEqual(sarifSchemaErrors(log), [], 'an empty run is valid (and closes the alerts of an earlier upload)');
  });

  it('paths become URI references; hostile names stay data', () => {
    assert.equal(fileUri('services/api/Dockerfile'), 'services/api/Dockerfile');
    assert.equal(fileUri('./a b/Docker#file?x'), 'a%20b/Docker%23file%3Fx');
    assert.equal(fileUri('dïr/Dockerfile'), 'd%C3%AFr/Dockerfile');
    const evil = entryOf('x\n::error::pwned <b>', null, 10, { findings: [findingOf('shell', { message: 'a\nb', dockerfile: { path: 'a b/Dockerfile', line: 1 } })] });
    const { log } = renderSarif(makeReport([evil]));
    assert.deepEqual(sarifSchemaErrors(log), []);
    assert.equal(log.runs[0].results[0]!.message.text, 'x\n::error::pwned <b>: a\nb', 'SARIF text is data: code scanning shows it as text');
  });
});

describe('the rules and their link', () => {
  it('a row for every finding id fail-on knows, and for wasted-space', () => {
    const ids = Object.keys(SARIF_RULES).sort();
    assert.deepEqual(ids, [...FINDING_IDS].sort());
    const names = Object.values(SARIF_RULES).map((r) => r.name);
    assert.equal(new Set(names).size, names.length);
    assert.ok(names.every((n) => /^[A-Z][A-Za-z]+$/.test(n)));
  });

  it('the README has the section the rules link to', () => {
    const slugger = new GithubSlugger();
    const anchors = [...readFileSync('README.md', 'utf8').matchAll(/^#{1,6} (.+)$/gm)].map((m) => slugger.slug(m[1]!));
    assert.ok(anchors.includes(FINDINGS_ANCHOR), anchors.join(', '));
  });

  it("helpUri: the Action's own repository at its ref, else the package's homepage, else none", () => {
    assert.equal(
      findingsHelpUri({ GITHUB_ACTION_REPOSITORY: 'acme/image-size-guard', GITHUB_ACTION_REF: 'v1', GITHUB_SERVER_URL: 'https://ghes.example.com' }),
      'https://ghes.example.com/acme/image-size-guard/blob/v1/README.md#findings',
    );
    assert.equal(findingsHelpUri({ GITHUB_ACTION_REPOSITORY: 'acme/isg' }), 'https://github.com/acme/isg/blob/HEAD/README.md#findings');
    assert.equal(findingsHelpUri({ GITHUB_ACTION_REPOSITORY: 'acme/isg', GITHUB_ACTION_REF: '../../x' }), 'https://github.com/acme/isg/blob/HEAD/README.md#findings');
    assert.equal(findingsHelpUri({}, 'https://example.org/isg#readme'), 'https://example.org/isg#findings');
    assert.equal(findingsHelpUri({ GITHUB_ACTION_REPOSITORY: 'not a repo' }, undefined), undefined);
  });
});
