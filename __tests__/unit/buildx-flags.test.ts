import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from '@jest/globals';
import { checkBuildxFlags } from '../../src/config/buildx-flags.js';
import { splitFlags } from '../../src/config/split-flags.js';

const check = (text: string): string[] => checkBuildxFlags(splitFlags(text, 'buildx-flags'), 'buildx-flags');

describe('buildx-flags: what passes through', () => {
  const allowed: [string, string[]][] = [
    ['--no-cache', ['--no-cache']],
    ['--pull --no-cache', ['--pull', '--no-cache']],
    ['--cache-from type=gha --cache-to type=gha,mode=max', ['--cache-from', 'type=gha', '--cache-to', 'type=gha,mode=max']],
    ['--cache-from=type=registry,ref=ghcr.io/o/app:cache', ['--cache-from=type=registry,ref=ghcr.io/o/app:cache']],
    ['--secret id=npm,src="$HOME/.npmrc"', ['--secret', 'id=npm,src=$HOME/.npmrc']],
    ["--label 'org.opencontainers.image.title=my app'", ['--label', 'org.opencontainers.image.title=my app']],
    ['--ssh default --network host', ['--ssh', 'default', '--network', 'host']],
    ['--build-context base=docker-image://alpine', ['--build-context', 'base=docker-image://alpine']],
    ['--provenance=false --sbom=false', ['--provenance=false', '--sbom=false']],
    ['', []],
  ];
  for (const [text, flags] of allowed) it(JSON.stringify(text), () => assert.deepEqual(check(text), flags));
});

describe('buildx-flags: refused in every spelling', () => {
  const refused: [string, RegExp][] = [
    ['--output type=registry', /--output is not allowed \(image-size-guard exports the image itself\)/],
    ['--output=type=local,dest=/tmp/x', /--output is not allowed/],
    ['-o type=registry', /-o \(--output\) is not allowed/],
    ['-otype=registry', /-o \(--output\) is not allowed/],
    ['-qo type=registry', /-q \(--quiet\) is not allowed/],
    ['--push', /--push is not allowed \(a size check never pushes\)/],
    ['--push=true', /--push is not allowed/],
    ['--load', /--load is not allowed/],
    ['--tag evil/app:latest', /--tag is not allowed \(a size check never tags images\)/],
    ['--tag=evil/app', /--tag is not allowed/],
    ['-t evil/app', /-t \(--tag\) is not allowed/],
    ['-tevil/app', /-t \(--tag\) is not allowed/],
    ['--metadata-file /etc/passwd', /--metadata-file is not allowed \(a size check writes no files\)/],
    ['--metadata-file=/tmp/m.json', /--metadata-file is not allowed/],
    ['--iidfile /tmp/id', /--iidfile is not allowed/],
    ['--iidfile=/tmp/id', /--iidfile is not allowed/],
    ['-q', /-q \(--quiet\) is not allowed/],
    ['--quiet', /--quiet is not allowed/],
    ['--progress=tty', /--progress is not allowed/],
    ['-f other.Dockerfile', /-f \(--file\) is not allowed/],
    ['--file=other.Dockerfile', /--file is not allowed \(set the Dockerfile with the dockerfile input/],
    ['--target debug', /--target is not allowed/],
    ['--platform=linux/arm64', /--platform is not allowed/],
    ['--build-arg A=1', /--build-arg is not allowed/],
    ['--builder other', /--builder is not allowed/],
    ['--call=outline', /--call is not allowed \(it builds no image\)/],
    ['--check', /--check is not allowed/],
    ['--no-cache --push', /--push is not allowed/],
    ['--no-cache /other/context', /unexpected argument "\/other\/context"/],
    ['--cache-from type=gha extra', /unexpected argument "extra"/],
    ['-- --push', /"--" is not allowed/],
  ];
  for (const [text, message] of refused) {
    it(JSON.stringify(text), () => assert.throws(() => check(text), message));
  }

  it('each refusal is one line naming the input', () => {
    assert.throws(
      () => check('--output\ntype=registry'),
      (err: Error) => err.message.startsWith('buildx-flags: ') && !err.message.includes('\n'),
    );
  });
});

describe('splitFlags', () => {
  it('splits like a shell, without one', () => {
    assert.deepEqual(splitFlags(`--label "a b" --x 'c d' e\\ f $(rm -rf /)`, 'f'), ['--label', 'a b', '--x', 'c d', 'e f', '$(rm', '-rf', '/)']);
  });
  // The truth is what sh makes of the same text: `printf '%s\0'` prints each word it split off.
  const shWords = (text: string): string[] => {
    const out = execFileSync('sh', ['-c', `printf '%s\\0' ${text}`], { encoding: 'utf8' });
    return out.split('\0').slice(0, -1);
  };
  const table: [string, string][] = [
    ['backslashes inside double quotes stay, unless they escape $ ` " \\', '--build-arg "P=C:\\temp\\new" "a\\\\b" "q\\"x" "d\\$x" "t\\`x" "n\\n"'],
    ['backslashes outside quotes keep the next character', 'a\\ b c\\d e\\\\f \\\'g \\"h'],
    ['single quotes keep everything', '\'C:\\temp\' \'a"b\' \'x\\\'y'],
    ['quotes joined to words, empty quoted words', '--label=a"b c"\'d e\' "" \'\''],
    ['escaped quotes inside and outside', '"it\\"s" \'it\'\\\'\'s\' don\\\'t'],
    ['a backslash-newline continues the word', 'a\\\nb "c\\\nd"'],
    ['blanks: tabs and runs of spaces', 'a\t\tb   c '],
  ];
  for (const [name, text] of table) {
    it(`${name}: ${JSON.stringify(text)} splits as sh splits it`, () => {
      assert.deepEqual(splitFlags(text, 'f'), shWords(text));
    });
  }
  it('the issue\'s case: --build-arg "P=C:\\temp\\new" keeps its backslashes', () => {
    assert.deepEqual(splitFlags(String.raw`--build-arg "P=C:\temp\new"`, 'f'), ['--build-arg', String.raw`P=C:\temp\new`]);
  });

  it('names an unterminated quote', () => {
    assert.throws(() => splitFlags('--label "a', 'buildx-flags'), /buildx-flags: unterminated " quote/);
  });
});
