// Deterministic test data that compresses like a real layer does, unevenly: stretches of text-like content,
// of structured binary records, of random bytes and of zeros, in runs of varying length.

/** mulberry32: a small seeded PRNG, so every run of a test sees the same bytes. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function textLike(rand: () => number, n: number, words: string[]): Buffer {
  const parts: string[] = [];
  let len = 0;
  while (len < n) {
    // Zipf-like: a few words are common, most are rare
    const w = words[Math.floor(words.length * rand() ** 3)] as string;
    const sep = rand() < 0.1 ? '\n' : ' ';
    parts.push(w, sep);
    len += w.length + 1;
  }
  return Buffer.from(parts.join('')).subarray(0, n);
}

function records(rand: () => number, n: number): Buffer {
  const b = Buffer.alloc(n);
  let id = Math.floor(rand() * 1e6);
  for (let off = 0; off + 16 <= n; off += 16) {
    b.writeUInt32LE(id++, off);
    b.writeUInt32LE(Math.floor(rand() * 256), off + 4);
    b.writeUInt32LE(0x00401000 + Math.floor(rand() * 64) * 16, off + 8);
    b.writeUInt32LE(0, off + 12);
  }
  return b;
}

function randomBytes(rand: () => number, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i + 4 <= n; i += 4) b.writeUInt32LE(Math.floor(rand() * 4294967296), i);
  return b;
}

/** About `total` bytes mixing the four kinds in runs of 1 KiB to 512 KiB. */
export function mixedData(total: number, seed = 1): Buffer {
  const rand = prng(seed);
  const letters = 'abcdefghijklmnopqrstuvwxyz_/.';
  const words = Array.from({ length: 3000 }, () =>
    Array.from({ length: 2 + Math.floor(rand() * 10) }, () => letters[Math.floor(rand() * letters.length)]).join(''),
  );
  const parts: Buffer[] = [];
  let len = 0;
  while (len < total) {
    const n = Math.min(total - len, 1024 + Math.floor(rand() ** 2 * 512 * 1024));
    const kind = rand();
    const part =
      kind < 0.45 ? textLike(rand, n, words) : kind < 0.65 ? records(rand, n) : kind < 0.85 ? randomBytes(rand, n) : Buffer.alloc(n);
    parts.push(part);
    len += n;
  }
  return Buffer.concat(parts);
}
