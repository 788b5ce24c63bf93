package org.w3id.ruralkg.store;

/**
 * Sorts rows of longs held end to end in one array, by their columns left to right, each as an
 * unsigned number: the order of TDB2's record keys (big-endian bytes compared unsigned). An LSD
 * radix sort, least significant byte first; a byte that is the same in every row is skipped, so
 * node ids that fit in 4 bytes cost 4 passes a column, not 8. Stateless; thread-safe.
 */
final class RadixSort {
  private RadixSort() {}

  /**
   * Sorts the first {@code rows} rows of {@code a}; {@code tmp} is scratch space at least as long.
   */
  static void sort(long[] a, long[] tmp, int rows, int columns) {
    if (rows < 2) return;
    int digits = columns * 8;
    // all byte histograms in one read of the data: counts[digit][byte]
    int[][] counts = new int[digits][256];
    for (int r = 0; r < rows; r++) {
      int base = r * columns;
      for (int c = 0; c < columns; c++) {
        long v = a[base + c];
        int d0 = (columns - 1 - c) * 8;
        for (int b = 0; b < 8; b++) counts[d0 + b][(int) (v >>> (8 * b)) & 0xFF]++;
      }
    }
    long[] src = a;
    long[] dst = tmp;
    int[] offsets = new int[256];
    for (int d = 0; d < digits; d++) {
      int[] count = counts[d];
      if (uniform(count, rows)) continue;
      int c = columns - 1 - d / 8;
      int shift = 8 * (d % 8);
      int sum = 0;
      for (int b = 0; b < 256; b++) {
        offsets[b] = sum;
        sum += count[b];
      }
      for (int r = 0; r < rows; r++) {
        int base = r * columns;
        int to = offsets[(int) (src[base + c] >>> shift) & 0xFF]++ * columns;
        for (int k = 0; k < columns; k++) dst[to + k] = src[base + k];
      }
      long[] t = src;
      src = dst;
      dst = t;
    }
    if (src != a) System.arraycopy(src, 0, a, 0, rows * columns);
  }

  private static boolean uniform(int[] count, int rows) {
    for (int n : count) if (n != 0) return n == rows;
    return true;
  }

  /** Row order: columns left to right, unsigned. */
  static int compare(long[] x, long[] y) {
    for (int c = 0; c < x.length; c++) {
      int d = Long.compareUnsigned(x[c], y[c]);
      if (d != 0) return d;
    }
    return 0;
  }
}
