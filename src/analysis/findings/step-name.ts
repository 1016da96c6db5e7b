// How a finding names the instruction behind a layer, for the findings that name two (the one that wrote bytes
// and the later one that deleted or overwrote them).

import { oneLine } from '../../lib/one-line.js';
import type { InstructionRef } from '../../model/report.js';
import type { FindingContext } from './context.js';
import { instructionOf, locationOf } from './util.js';

/** With a Dockerfile: whether the layer is the external base image's (no instruction of this Dockerfile made it). */
export function isBaseLayer(ctx: FindingContext, layer: number): boolean {
  if (ctx.dockerfile === null || typeof ctx.layerLines[layer] === 'number') return false;
  return locationOf(ctx, layer)?.line === ctx.dockerfile.fromLine;
}

/** "Dockerfile:5", "the base image (Dockerfile:1)", or without a line "layer 3 (RUN apt-get update …)". */
export function stepName(ctx: FindingContext, layer: number): string {
  const at = locationOf(ctx, layer);
  if (at !== null) return isBaseLayer(ctx, layer) ? `the base image (${at.path}:${at.line})` : `${at.path}:${at.line}`;
  const text = instructionOf(ctx.model, layer);
  return `layer ${layer + 1}${text ? ` (${oneLine(text, 60)})` : ''}`;
}

export function instructionRef(ctx: FindingContext, layer: number): InstructionRef {
  return { layer, instruction: instructionOf(ctx.model, layer), dockerfile: locationOf(ctx, layer) };
}
