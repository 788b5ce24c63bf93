package org.w3id.ruralkg.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bucket sort of rank rows gives the order of a comparison sort of the permuted rows. */
class BucketSortTest {

  /** Sorts {@code rows} (given column order) permuted by {@code from}, as the loader does. */
  private static List<long[]> bucketSorted(int[][] rows, int[] from, int[] counts) {
    int[] bits = new int[from.length];
    for (int k = 0; k < from.length; k++)
      bits[k] = Math.max(1, 32 - Integer.numberOfLeadingZeros(counts[from[k]] - 1));
    BucketSort sort = new BucketSort(from, bits, counts[from[0]], rows.length);
    int width = rows[0].length;
    int[] flat = new int[rows.length * width];
    for (int r = 0; r < rows.length; r++) System.arraycopy(rows[r], 0, flat, r * width, width);
    // twice, as for the runs of one index: the second sort must not see the first's rows
    for (int round = 0; round < 2; round++) {
      sort.clear();
      for (int r = 0; r < rows.length; r++) sort.count(flat, r * width);
      sort.startPlacing();
      // placed in another order than counted: only the bucket matters
      for (int r = rows.length - 1; r >= 0; r--) sort.place(flat, r * width);
      sort.sortBuckets();
    }
    List<long[]> out = new ArrayList<>();
    BucketSort.Cursor cursor = sort.read();
    for (int r = 0; r < sort.rows(); r++) {
      int[] row = cursor.next();
      long[] copy = new long[row.length];
      for (int k = 0; k < row.length; k++) copy[k] = row[k];
      out.add(copy);
    }
    return out;
  }

  private static List<long[]> referenceSorted(int[][] rows, int[] from) {
    List<long[]> out = new ArrayList<>();
    for (int[] row : rows) {
      long[] permuted = new long[from.length];
      for (int k = 0; k < from.length; k++) permuted[k] = row[from[k]];
      out.add(permuted);
    }
    out.sort(RadixSort::compare);
    return out;
  }

  private static void assertSortsAsReference(int[][] rows, int[] from, int[] counts) {
    List<long[]> want = referenceSorted(rows, from);
    List<long[]> got = bucketSorted(rows, from, counts);
    assertTrue(want.size() == got.size());
    for (int r = 0; r < want.size(); r++) assertArrayEquals(want.get(r), got.get(r), "row " + r);
  }

  private static int[][] randomRows(Random random, int n, int[] counts) {
    int[][] rows = new int[n][counts.length];
    for (int[] row : rows)
      for (int c = 0; c < counts.length; c++)
        // skewed: many repeats of small ranks, some of the largest rank
        row[c] =
            switch (random.nextInt(3)) {
              case 0 -> random.nextInt(Math.min(3, counts[c]));
              case 1 -> counts[c] - 1;
              default -> random.nextInt(counts[c]);
            };
    return rows;
  }

  @Test
  void sortsQuadRowsInEveryIndexOrder() {
    Random random = new Random(7);
    // graphs, subjects, predicates, objects: the other columns fill up to 63 bits
    int[] counts = {1000, 1 << 21, 37, 1 << 21};
    int[][] rows = randomRows(random, 20_000, counts);
    for (int[] from :
        new int[][] {
          {0, 1, 2, 3}, {0, 2, 3, 1}, {0, 3, 1, 2}, {1, 2, 3, 0}, {2, 3, 1, 0}, {3, 1, 2, 0}
        }) assertSortsAsReference(rows, from, counts);
  }

  @Test
  void sortsTripleRowsAndRepeatsAndOneBucket() {
    Random random = new Random(11);
    int[] counts = {1, 5, 3};
    assertSortsAsReference(randomRows(random, 500, counts), new int[] {0, 1, 2}, counts);
    assertSortsAsReference(randomRows(random, 500, counts), new int[] {2, 0, 1}, counts);
  }

  @Test
  void refusesRanksThatDoNotFitOneLong() {
    assertTrue(BucketSort.fits(new int[] {31, 21, 21, 21}));
    assertFalse(BucketSort.fits(new int[] {1, 21, 21, 22}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new BucketSort(new int[] {0, 1, 2, 3}, new int[] {1, 32, 32, 1}, 2, 10));
  }
}
