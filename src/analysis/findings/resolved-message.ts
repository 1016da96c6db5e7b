// What a resolved finding (present in the base, gone from the head) says: what went away, and for
// missing-multi-stage what the change saved. The base's own message describes a problem that is fixed.

import { formatBytes, formatDelta } from '../../lib/format.js';
import type { Finding } from '../../model/report.js';
import { listWithMore } from './util.js';

export interface SizeChange {
  baseSize: number;
  headSize: number;
}

export function resolvedMessage(f: Pick<Finding, 'id' | 'bytes' | 'evidence' | 'removedBy'>, sizes: SizeChange | null): string {
  const bytes = formatBytes(f.bytes ?? 0);
  const where = listWithMore(
    f.evidence.map((e) => e.path),
    f.evidence.length,
  );
  switch (f.id) {
    case 'missing-multi-stage': {
      const gone = `the final image no longer ships the ${bytes} of build tooling the single-stage build left in it${where ? ` (${where})` : ''}.`;
      if (sizes === null) return gone[0]!.toUpperCase() + gone.slice(1);
      const saved = sizes.baseSize - sizes.headSize;
      const range = `${formatBytes(sizes.baseSize)} → ${formatBytes(sizes.headSize)}`;
      // the saving first: a terminal cuts long lines
      return saved > 0 ? `The change saved ${formatBytes(saved)} (${range}): ${gone}` : `The image grew ${formatDelta(-saved)} (${range}), though ${gone}`;
    }
    case 'build-tools':
      return `The ${bytes} of build tooling${where ? ` (${where})` : ''} are gone from the final image.`;
    case 'shell':
      return `The image no longer contains a shell${where ? ` (${where})` : ''}.`;
    case 'package-cache':
      if (f.removedBy) return `The ${bytes} of package-manager caches${where ? ` (${where})` : ''} that one step wrote and a later one deleted no longer ship.`;
      return `The ${bytes} of package-manager caches${where ? ` (${where})` : ''} are gone.`;
    case 'wasted-space':
      return `The ${bytes}${where ? ` (${where})` : ''} that one step wrote and a later one deleted or overwrote no longer ship.`;
  }
}
