// The Dockerfile line a layer comes from. Layers of the external base image come before the first layer the
// Dockerfile made: they point at the producing stage's FROM line, which is where they can be changed.

export interface DockerfileLines {
  path: string;
  /** 1-based line of the producing stage's FROM. */
  fromLine: number;
}

export function layerLocation(df: DockerfileLines | null, layerLines: readonly (number | null)[], layer: number | null): { path: string; line: number } | null {
  if (df === null || layer === null) return null;
  const line = layerLines[layer];
  if (typeof line === 'number') return { path: df.path, line };
  const firstMapped = layerLines.findIndex((l) => typeof l === 'number');
  // a layer after the first mapped one that no instruction matched is not the base image's: no line is better than a wrong one
  return firstMapped < 0 || layer < firstMapped ? { path: df.path, line: df.fromLine } : null;
}
