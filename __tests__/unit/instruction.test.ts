import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { cleanInstruction } from '../../src/image/instruction.js';

describe('cleanInstruction', () => {
  const cases: [string, string][] = [
    ['RUN /bin/sh -c apt-get update # buildkit', 'RUN apt-get update'],
    ['RUN |2 A=1 B=2 /bin/sh -c make # buildkit', 'RUN make'],
    ['RUN |1 MSG=hello world /bin/sh -c echo $MSG # buildkit', 'RUN echo $MSG'],
    ['RUN |1 V=1 ./build.sh --fast # buildkit', 'RUN ./build.sh --fast'],
    ['COPY main.go . # buildkit', 'COPY main.go .'],
    ['/bin/sh -c #(nop) COPY file:3a4b in / ', 'COPY file:3a4b in /'],
    ['/bin/sh -c apt-get update', 'RUN apt-get update'],
    ['WORKDIR /src', 'WORKDIR /src'],
    ['', ''],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(cleanInstruction(input), expected));
  }
});
