// Image layers → Dockerfile lines, by matching history instructions in order. The candidates are the
// layer-making instructions (RUN, COPY, ADD, WORKDIR) of the final stage chain; they can only have made the
// image's last layers (the external base image's come first), so they are aligned with those by a weighted
// LCS: an exact normalised-text match outweighs any number of same-keyword matches, and ties go to the
// latest layers. A WORKDIR may make no layer at all; the alignment simply skips it. (Neither does a step
// whose filesystem diff is empty: then one base layer falls into the window and may take a RUN, COPY or
// ADD left unmatched by keyword alone; exact matches are never displaced by that.)

import path from 'node:path';
import { instructionKeyword, normalizeInstruction } from '../image/instruction.js';
import { weightedLcs } from '../lib/weighted-lcs.js';
import { finalStageChain } from './stage-chain.js';
import type { DockerfileModel } from './types.js';

const LAYER_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

interface Candidate {
  line: number;
  keyword: string;
  /** Normalised texts BuildKit may have written for this instruction. */
  texts: string[];
  /** Whether a same-keyword layer with other text may still be this instruction's. */
  looseOk: boolean;
}

/** dockerfileLine per image layer (null for layers of the external base image, or when no instruction matches). */
export function mapLayersToLines(model: DockerfileModel, layers: readonly { instruction: string }[]): (number | null)[] {
  const out: (number | null)[] = layers.map(() => null);
  const cands = candidates(model);
  const n = cands.length;
  const w = Math.min(n, layers.length);
  if (w === 0) return out;
  const offset = layers.length - w;
  const window = layers.slice(offset).map((l) => {
    const text = normalizeInstruction(l.instruction);
    return { text, keyword: instructionKeyword(text) };
  });

  const exact = n + 1; // one exact match beats every keyword-only alignment
  const score = (i: number, j: number): number => {
    const c = cands[i]!;
    const l = window[j]!;
    if (l.text === '' || c.keyword !== l.keyword) return 0;
    return c.texts.includes(l.text) ? exact : c.looseOk ? 1 : 0;
  };

  // Ties go to the latest layers: the Dockerfile's last instructions made the image's last layers. Layers come
  // first in the pairs so that, on a tie, a window layer is skipped before a candidate (a step may make no layer).
  for (const [j, i] of weightedLcs(w, n, (j, i) => score(i, j), 'latest')) out[offset + j] = cands[i]!.line;
  return out;
}

function candidates(model: DockerfileModel): Candidate[] {
  const out: Candidate[] = [];
  let workdir: string | null = null;
  for (const stage of finalStageChain(model)) {
    for (const ins of stage.instructions) {
      if (!LAYER_KEYWORDS.has(ins.keyword)) continue;
      const texts = [normalizeInstruction(`${ins.keyword} ${ins.args}`)];
      if (ins.keyword === 'WORKDIR') {
        // BuildKit records the resolved directory: a relative WORKDIR is joined to the one before it.
        const dir: string | null = ins.args.includes('$') ? null : path.posix.resolve(workdir ?? '/', ins.args);
        if (dir !== null) texts.push(normalizeInstruction(`WORKDIR ${dir}`));
        workdir = dir;
      }
      // A WORKDIR's history text is predictable unless it uses variables; a WORKDIR of a directory that exists
      // already makes no layer, and must not then take a base image's WORKDIR layer by keyword alone.
      const looseOk = ins.keyword !== 'WORKDIR' || ins.args.includes('$');
      out.push({ line: ins.line, keyword: ins.keyword, texts, looseOk });
    }
  }
  return out;
}
