// The size history (JSON Lines, one record per run on the default branch or a tag): field names are public.
// Types only.

/** One image of one run: what a trend needs, nothing of the layers' contents. */
export interface HistoryImage {
  name: string;
  platform: string;
  /** Bytes (the sum of the layers' uncompressed sizes, as ImageReport.size). */
  size: number;
  compressedSize: number | null;
  compressedSizeExact: boolean;
  /** Number of layers. */
  layers: number;
}

export interface HistoryRecord {
  /** The commit the images were built from (40 hex characters). */
  sha: string;
  /** The git ref of the run: refs/heads/main, refs/tags/v1.2.0. */
  ref: string;
  /** The commit's date, ISO 8601 in UTC. */
  date: string;
  images: HistoryImage[];
}
