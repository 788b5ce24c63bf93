package org.w3id.ruralkg.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sort of index rows puts them in TDB2's key order: columns left to right, each unsigned. */
class RadixSortTest {

  /** What the sort must agree with: a comparison sort of the same rows. */
  private static long[] referenceSort(long[] flat, int rows, int columns) {
    List<long[]> list = new ArrayList<>();
    for (int r = 0; r < rows; r++)
      list.add(Arrays.copyOfRange(flat, r * columns, (r + 1) * columns));
    list.sort(Comparator.comparing((long[] x) -> x, RadixSort::compare));
    long[] out = new long[rows * columns];
    for (int r = 0; r < rows; r++) System.arraycopy(list.get(r), 0, out, r * columns, columns);
    return out;
  }

  private static long[] sorted(long[] flat, int rows, int columns) {
    long[] a = flat.clone();
    RadixSort.sort(a, new long[a.length], rows, columns);
    return a;
  }

  @Test
  void sortsNodeIdLikeRowsAsAComparisonSortWould() {
    Random random = new Random(42);
    for (int columns : new int[] {3, 4}) {
      int rows = 5000;
      long[] flat = new long[rows * columns];
      for (int i = 0; i < flat.length; i++) {
        // mostly small pointers with repeats, some inline values with the type in the top byte
        flat[i] =
            switch (random.nextInt(4)) {
              case 0 -> random.nextInt(50);
              case 1 -> random.nextInt(1 << 24);
              case 2 -> (0x80L + random.nextInt(8)) << 56 | random.nextInt(1000);
              default -> random.nextLong();
            };
      }
      assertArrayEquals(
          referenceSort(flat, rows, columns), sorted(flat, rows, columns), columns + " columns");
    }
  }

  @Test
  void comparesEveryColumnUnsigned() {
    // -1 is the largest unsigned value: it sorts after 1, unlike Long.compare
    long[] flat = {-1L, 0, 1, 0, 1, 5, 1, 2};
    long[] a = sorted(flat, 4, 2);
    assertArrayEquals(new long[] {1, 0, 1, 2, 1, 5, -1L, 0}, a);
    assertTrue(RadixSort.compare(new long[] {-1L}, new long[] {1}) > 0);
  }

  @Test
  void leavesRowsThatDifferOnlyInALaterColumnInThatColumnsOrder() {
    // every byte of the first column is the same in all rows: those passes are skipped, not lost
    long[] flat = {7, 3, 7, 1, 7, 2};
    assertArrayEquals(new long[] {7, 1, 7, 2, 7, 3}, sorted(flat, 3, 2));
  }

  @Test
  void sortsOnlyTheRowsItIsGiven() {
    long[] flat = {9, 8, 1, 0};
    long[] a = flat.clone();
    RadixSort.sort(a, new long[a.length], 2, 1);
    assertArrayEquals(new long[] {8, 9, 1, 0}, a);
  }
}
