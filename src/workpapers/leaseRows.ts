/**
 * A sheet part laid out lease after lease, each lease taking `rowCounts[k]` rows: finds the lease that data row `i`
 * (0-based) belongs to, by binary search over the leases' first rows, and keeps the last lease's prepared content,
 * so a block can produce its rows on demand in order without preparing a lease twice.
 */
export interface LeaseRow<T> {
  /** Index of the lease within the part. */
  k: number;
  /** Row within the lease (0-based). */
  offset: number;
  prepared: T;
}

export function leaseRowLocator<T>(
  rowCounts: readonly number[],
  prepare: (k: number) => T,
): (i: number) => LeaseRow<T> {
  const n = rowCounts.length;
  const starts = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) starts[k + 1] = starts[k] + rowCounts[k];
  let cached: { k: number; prepared: T } | null = null;
  return (i: number) => {
    if (!cached || i < starts[cached.k] || i >= starts[cached.k + 1]) {
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= i) lo = mid;
        else hi = mid - 1;
      }
      // Leases without rows share a start with the next: take the one whose range holds i.
      while (lo < n - 1 && starts[lo + 1] <= i) lo++;
      cached = { k: lo, prepared: prepare(lo) };
    }
    return { k: cached.k, offset: i - starts[cached.k], prepared: cached.prepared };
  };
}
