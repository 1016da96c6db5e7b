// The one weighted longest-common-subsequence: layer alignment (base ↔ head) and layer → Dockerfile-line
// mapping both need "index pairs, increasing on both sides, maximising the summed weight".

export type Pair = [first: number, second: number];

/**
 * Pairs (i, j), increasing on both sides, maximising the sum of weight(i, j) over pairs with weight > 0.
 * `prefer` breaks ties: 'earliest' keeps pairs near the start (an extra item is reported after its twin),
 * 'latest' near the end. When skipping, the first sequence's item is skipped before the second's.
 */
export function weightedLcs(n: number, m: number, weight: (i: number, j: number) => number, prefer: 'earliest' | 'latest' = 'earliest'): Pair[] {
  if (prefer === 'latest') {
    // the earliest solution of both sequences reversed is the latest solution of the originals
    return weightedLcs(n, m, (i, j) => weight(n - 1 - i, m - 1 - j))
      .map(([i, j]): Pair => [n - 1 - i, m - 1 - j])
      .reverse();
  }
  const w = new Int32Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) w[i * m + j] = weight(i, j);
  const cols = m + 1;
  const dp = new Int32Array((n + 1) * cols); // dp[i][j]: best for first[i..] against second[j..]
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const x = w[i * m + j]!;
      const skip = Math.max(dp[(i + 1) * cols + j]!, dp[i * cols + j + 1]!);
      dp[i * cols + j] = x > 0 ? Math.max(skip, dp[(i + 1) * cols + j + 1]! + x) : skip;
    }
  }
  const pairs: Pair[] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    const x = w[i * m + j]!;
    if (x > 0 && dp[i * cols + j] === dp[(i + 1) * cols + j + 1]! + x) pairs.push([i++, j++]);
    else if (dp[(i + 1) * cols + j]! >= dp[i * cols + j + 1]!) i++;
    else j++;
  }
  return pairs;
}
