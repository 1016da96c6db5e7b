// Aligns base and head layers so that one inserted layer does not shift every later comparison:
// a weighted longest common subsequence where a same-diffID pair outweighs any number of same-instruction
// pairs, then same-keyword pairing inside the gaps, so an edited RUN line is one `changed` row.

import type { LayerSummary } from '../image/types.js';
import { instructionKeyword, normalizeInstruction } from '../image/instruction.js';
import { weightedLcs, type Pair } from '../lib/weighted-lcs.js';

export type LayerStatus = 'unchanged' | 'changed' | 'added' | 'removed';

export interface AlignedLayer {
  status: LayerStatus;
  instruction: string;
  baseIndex: number | null;
  headIndex: number | null;
  baseSize: number | null;
  headSize: number | null;
  delta: number;
}

export function alignLayers(base: readonly LayerSummary[], head: readonly LayerSummary[]): AlignedLayer[] {
  const key = (l: LayerSummary): string => normalizeInstruction(l.createdBy || l.instruction);
  const baseKey = base.map(key);
  const headKey = head.map(key);
  // More than the most instruction matches possible, so diffID matches are maximised first.
  const idWeight = Math.min(base.length, head.length) + 1;
  const anchors = weightedLcs(base.length, head.length, (i, j) => {
    const sameId = base[i]!.diffId === head[j]!.diffId ? idWeight : 0;
    // An empty instruction (no history) is no evidence that two layers are the same step.
    const sameText = baseKey[i] !== '' && baseKey[i] === headKey[j] ? 1 : 0;
    return sameId + sameText;
  });

  const baseTaken = new Array<boolean>(base.length).fill(false);
  const headTaken = new Array<boolean>(head.length).fill(false);
  for (const [i, j] of anchors) baseTaken[i] = headTaken[j] = true;
  const moved = matchMoved(base, head, baseTaken, headTaken);
  const pairs = [...anchors, ...pairInGaps(anchors, baseKey, headKey, baseTaken, headTaken)].sort((a, b) => a[1] - b[1]);

  const row = (status: LayerStatus, i: number | null, j: number | null): AlignedLayer => {
    const b = i === null ? null : base[i]!;
    const h = j === null ? null : head[j]!;
    return {
      status,
      instruction: (h ?? b)!.instruction,
      baseIndex: i,
      headIndex: j,
      baseSize: b?.size ?? null,
      headSize: h?.size ?? null,
      delta: (h?.size ?? 0) - (b?.size ?? 0),
    };
  };
  // Walk both sides in order: each gap's removed rows, then its head-only rows, then the pair closing it.
  const out: AlignedLayer[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [base.length, head.length] as Pair]) {
    for (; i < pi; i++) if (!baseTaken[i]) out.push(row('removed', i, null));
    for (; j < pj; j++) {
      const from = moved.get(j);
      out.push(from === undefined ? row('added', null, j) : row('unchanged', from, j));
    }
    if (pi < base.length && pj < head.length) {
      out.push(row(base[pi]!.diffId === head[pj]!.diffId ? 'unchanged' : 'changed', pi, pj));
    }
    i = pi + 1;
    j = pj + 1;
  }
  return out;
}

/**
 * Layers with the same content that changed position (reordered lines): unchanged, shown where they stand in
 * head. Leftovers only, so this never breaks the in-order alignment; one-to-one, in order per diffID.
 */
function matchMoved(base: readonly LayerSummary[], head: readonly LayerSummary[], baseTaken: boolean[], headTaken: boolean[]): Map<number, number> {
  const byId = new Map<string, number[]>();
  base.forEach((l, i) => {
    if (!baseTaken[i]) byId.set(l.diffId, [...(byId.get(l.diffId) ?? []), i]);
  });
  const moved = new Map<number, number>();
  head.forEach((l, j) => {
    const i = headTaken[j] ? undefined : byId.get(l.diffId)?.shift();
    if (i === undefined) return;
    moved.set(j, i);
    baseTaken[i] = headTaken[j] = true;
  });
  return moved;
}

/**
 * Between consecutive anchors, pairs leftover layers with the same keyword (RUN, COPY, …), in order — only
 * when the gap has as many base as head layers (an edited line). A gap of 5 base layers against 1 head layer
 * (single-stage → multi-stage) is a rewrite: pairing its one COPY with an unrelated COPY would mislead.
 */
function pairInGaps(anchors: readonly Pair[], baseKey: readonly string[], headKey: readonly string[], baseTaken: boolean[], headTaken: boolean[]): Pair[] {
  const out: Pair[] = [];
  let prev: Pair = [-1, -1];
  for (const next of [...anchors, [baseKey.length, headKey.length] as Pair]) {
    const bs = range(prev[0] + 1, next[0]).filter((i) => !baseTaken[i]);
    const hs = range(prev[1] + 1, next[1]).filter((j) => !headTaken[j]);
    prev = next;
    if (bs.length !== hs.length) continue;
    const same = (a: number, b: number): number => (instructionKeyword(baseKey[bs[a]!]!) === instructionKeyword(headKey[hs[b]!]!) ? 1 : 0);
    for (const [a, b] of weightedLcs(bs.length, hs.length, same)) {
      const pair: Pair = [bs[a]!, hs[b]!];
      baseTaken[pair[0]] = headTaken[pair[1]] = true;
      out.push(pair);
    }
  }
  return out;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}
