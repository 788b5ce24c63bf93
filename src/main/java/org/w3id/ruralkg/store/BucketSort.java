package org.w3id.ruralkg.store;

import java.util.Arrays;

/**
 * Sorts rows of column ranks (non-negative, each below its column's count) by their columns left to
 * right: a counting sort on the first column, whose buckets hold the other columns packed into one
 * long each and sorted as longs. Takes a row in two passes ({@link #count}, then after {@link
 * #startPlacing} {@link #place}); 8 bytes a row, where a radix sort of 4 longs moves 64 bytes a row
 * a pass. Only for ranks whose other columns fit in 63 bits ({@link #fits}). Not thread-safe.
 */
final class BucketSort {
  private final int[] from;
  private final int[] bits;
  private final long[] keys;
  // per first-column rank: its count, then the start of its bucket, then (after placing) its end
  private final int[] ends;
  private int rows;

  /**
   * @param from column k of a sorted row is column {@code from[k]} of the rows given
   * @param bits bits of each sorted column's ranks
   * @param firstCount ranks of the first sorted column
   * @param capacity rows sorted at once
   */
  BucketSort(int[] from, int[] bits, int firstCount, int capacity) {
    if (!fits(bits)) throw new IllegalArgumentException("ranks too wide: " + Arrays.toString(bits));
    this.from = from.clone();
    this.bits = bits.clone();
    this.keys = new long[capacity];
    this.ends = new int[Math.max(1, firstCount)];
  }

  /** Whether the columns after the first fit in one non-negative long. */
  static boolean fits(int[] bits) {
    int sum = 0;
    for (int k = 1; k < bits.length; k++) sum += bits[k];
    return sum <= 63;
  }

  /** Forgets the rows: the next are counted afresh. */
  void clear() {
    Arrays.fill(ends, 0);
    rows = 0;
  }

  /** First pass: the row at {@code row[base..]}. */
  void count(int[] row, int base) {
    ends[row[base + from[0]]]++;
    rows++;
  }

  /** Between the passes. */
  void startPlacing() {
    if (rows > keys.length)
      throw new IllegalStateException(rows + " rows, room for " + keys.length);
    int start = 0;
    for (int r = 0; r < ends.length; r++) {
      int n = ends[r];
      ends[r] = start;
      start += n;
    }
  }

  /** Second pass: the same rows, in any order. */
  void place(int[] row, int base) {
    long key = 0;
    for (int k = 1; k < from.length; k++) key = key << bits[k] | row[base + from[k]];
    keys[ends[row[base + from[0]]]++] = key;
  }

  /** Sorts each bucket; then {@link #read} gives the rows in order. */
  void sortBuckets() {
    int start = 0;
    for (int end : ends) {
      if (end - start > 1) Arrays.sort(keys, start, end);
      start = end;
    }
  }

  int rows() {
    return rows;
  }

  /** The sorted rows, one at a time; call {@link Cursor#next} at most {@link #rows()} times. */
  Cursor read() {
    return new Cursor();
  }

  /** Reads the sorted rows into a reused array of ranks. */
  final class Cursor {
    private final int[] row = new int[from.length];
    private int bucket;
    private int next;

    /** The next sorted row's ranks, in the sorted column order (a reused array). */
    int[] next() {
      while (ends[bucket] == next) bucket++;
      row[0] = bucket;
      long key = keys[next++];
      for (int k = row.length - 1; k > 0; k--) {
        row[k] = (int) (key & ((1L << bits[k]) - 1));
        key >>>= bits[k];
      }
      return row;
    }
  }
}
