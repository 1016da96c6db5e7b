// ImageModel → the report's ImageReport and the envelope around it.

import type { ImageModel } from '../image/types.js';
import { TOOL_NAME, TOOL_VERSION } from '../lib/version.js';
import { SCHEMA_VERSION, type ImageReport, type ImageSourceKind, type RemovedPlatform, type Report, type ReportEntry } from '../model/report.js';

export function toImageReport(model: ImageModel, ref: string, source: ImageSourceKind, dockerfile: string | null = null, layerLines: (number | null)[] = []): ImageReport {
  return {
    ref,
    source,
    id: model.id,
    ...(model.manifestDigest ? { manifestDigest: model.manifestDigest } : {}),
    size: model.size,
    compressedSize: model.compressedSize,
    compressedSizeExact: model.compressedSizeExact,
    fileCount: model.fileCount,
    wastedBytes: model.wastedBytes,
    efficiency: round(model.efficiency, 6),
    dockerfile,
    layers: model.layers.map((l, i) => ({
      diffId: l.diffId,
      instruction: l.instruction,
      size: l.size,
      compressedSize: l.compressedSize,
      fileCount: l.fileCount,
      dockerfileLine: layerLines[i] ?? null,
    })),
  };
}

export function makeReport(images: ReportEntry[], removedPlatforms: RemovedPlatform[] = []): Report {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    passed: images.every((i) => i.passed),
    images,
    ...(removedPlatforms.length ? { removedPlatforms } : {}),
  };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
