// Turns an image config and its scanned layers (in manifest order) into an ImageModel. Shared by every source:
// archives (resolve-image.ts) and registries (src/registry) hand over the same pieces.

import { digestOf } from '../oci/digest.js';
import { buildFinalFilesystem } from './final-filesystem.js';
import { cleanInstruction, normalizeInstruction } from './instruction.js';
import type { ScannedLayer } from './layer-scan.js';
import { finalCaptures } from './captured-files.js';
import { configSummary } from './config-summary.js';
import { platformOf, type RawConfig } from '../oci/config.js';
import type { Compression, ImageModel, LayerSummary } from './types.js';

export interface AssembledLayer {
  layer: ScannedLayer;
  compression: Compression;
  /** Blob digest as stored, or null (legacy docker-save layout). */
  digest: string | null;
  compressedSize: number | null;
  compressedSizeExact: boolean;
}

export interface AssembleInput {
  /** The config blob as stored: its sha256 is the image id. */
  configBytes: Buffer;
  /** configBytes parsed; the caller has checked that diff_ids has one entry per layer. */
  config: RawConfig;
  format: ImageModel['archiveFormat'];
  /** The image manifest's digest, when the source has a manifest. */
  manifestDigest: string | null;
  layers: AssembledLayer[];
  /** The image manifest's annotations, when the source has a manifest (the base image's name and digest may be there). */
  annotations?: unknown;
}

export function assembleImage({ configBytes, config, format, manifestDigest, layers: scanned, annotations }: AssembleInput): ImageModel {
  const diffIds = config.rootfs?.diff_ids ?? [];
  // The history is read for the layers' instructions only, and not kept: its entries hold ENV values as built
  // (`ENV TOKEN=<the build arg's value>`) and the build args of every RUN, which may be secrets.
  const history = (config.history ?? []).map((h) => ({ createdBy: h.created_by ?? '', emptyLayer: h.empty_layer === true }));
  // Layers take the non-empty history entries in order. When the counts disagree (history without
  // empty_layer marks, hand-made configs) that pairing would be wrong for every later layer: use none.
  const nonEmpty = history.filter((h) => !h.emptyLayer);
  const layerHistory = nonEmpty.length === diffIds.length ? nonEmpty : [];

  const fs = buildFinalFilesystem(scanned.map((s) => s.layer));
  const layers: LayerSummary[] = scanned.map((s, index) => {
    const createdBy = layerHistory[index]?.createdBy ?? '';
    return {
      index,
      diffId: diffIds[index] as string,
      digest: s.digest,
      instruction: cleanInstruction(createdBy),
      createdBy: normalizeInstruction(createdBy),
      size: s.layer.size,
      fileCount: s.layer.fileCount,
      compressedSize: s.compressedSize,
      compressedSizeExact: s.compressedSizeExact,
      compression: s.compression,
      wastedBytes: Math.max(0, s.layer.size - (fs.survivingBytes[index] ?? 0)),
    };
  });
  const size = layers.reduce((sum, l) => sum + l.size, 0);
  const allCompressed = layers.every((l) => l.compressedSize !== null);
  return {
    id: digestOf(configBytes),
    manifestDigest,
    platform: platformOf(config),
    archiveFormat: format,
    config: configSummary(config.config, annotations),
    layers,
    files: fs.files,
    size,
    fileCount: fs.fileCount,
    finalBytes: fs.finalBytes,
    wastedBytes: Math.max(0, size - fs.finalBytes),
    efficiency: size === 0 ? 1 : fs.finalBytes / size,
    compressedSize: allCompressed ? layers.reduce((sum, l) => sum + (l.compressedSize ?? 0), 0) : null,
    compressedSizeExact: allCompressed && layers.every((l) => l.compressedSizeExact),
    capturedFiles: finalCaptures(
      scanned.map((s) => s.layer.captured),
      (path) => {
        const entry = fs.files.get(path);
        return entry?.type === 'file' ? entry.layer : null;
      },
    ),
    waste: fs.waste,
  };
}
