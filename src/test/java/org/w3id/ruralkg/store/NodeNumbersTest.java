package org.w3id.ruralkg.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Node ids are numbered once each, in first-seen order, and ranked per column in TDB2's unsigned
 * key order.
 */
class NodeNumbersTest {
  private static final long[] EDGES = {
    0, 1, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32, (1L << 32) + 1, 0x8100000000000005L
  };

  @Test
  void numbersEachIdOnceInFirstSeenOrder() {
    NodeNumbers numbers = new NodeNumbers();
    java.util.Map<Long, Integer> want = new java.util.HashMap<>();
    // more ids than the map's first size: it grows while numbering
    for (long id : ids(new Random(3), 50_000)) {
      want.putIfAbsent(id, want.size());
      assertEquals(want.get(id), numbers.number(id), Long.toHexString(id));
    }
    assertEquals(want.size(), numbers.size());
    want.forEach((id, n) -> assertEquals(id, numbers.id(n)));
    want.forEach((id, n) -> assertEquals(n, numbers.find(id)));
    assertEquals(-1, numbers.find(0x7777_0000_0000_0001L), "an id never numbered");
  }

  /** Edge values, then pointers (file offsets, with repeats) and inline values. */
  private static List<Long> ids(Random random, int n) {
    List<Long> ids = new ArrayList<>();
    for (long e : EDGES) ids.add(e);
    for (int i = 0; i < n; i++)
      ids.add(
          switch (random.nextInt(3)) {
            case 0 -> (long) random.nextInt(1000) * 40;
            case 1 -> random.nextLong() & 0xFF_FFFF_FFFFL;
            default -> (0x81L + random.nextInt(6)) << 56 | random.nextInt(1 << 20);
          });
    return ids;
  }

  @Test
  void ranksEachColumnsIdsInUnsignedOrder() {
    NodeNumbers numbers = new NodeNumbers();
    Random random = new Random(5);
    List<Set<Long>> columns = List.of(new LinkedHashSet<>(), new LinkedHashSet<>());
    for (long id : ids(random, 20_000)) {
      int column = random.nextInt(3); // 2: both columns
      int n = numbers.number(id);
      for (int c = 0; c < 2; c++) {
        if (column == c || column == 2) {
          numbers.seen(n, c);
          columns.get(c).add(id);
        }
      }
    }
    int[] order = numbers.orderById();
    for (int c = 0; c < 2; c++) {
      NodeNumbers.Column column = numbers.column(order, c);
      long[] want = columns.get(c).stream().mapToLong(Long::longValue).toArray();
      // unsigned order: flip the sign bit, sort signed, flip back
      for (int i = 0; i < want.length; i++) want[i] ^= Long.MIN_VALUE;
      java.util.Arrays.sort(want);
      for (int i = 0; i < want.length; i++) want[i] ^= Long.MIN_VALUE;
      assertArrayEquals(want, column.ids(), "column " + c);
      for (int n = 0; n < numbers.size(); n++) {
        int rank = column.rankOf()[n];
        if (columns.get(c).contains(numbers.id(n))) assertEquals(numbers.id(n), column.ids()[rank]);
        else assertEquals(-1, rank);
      }
      assertEquals(Math.max(1, 32 - Integer.numberOfLeadingZeros(want.length - 1)), column.bits());
    }
  }

  @Test
  void aColumnOfOneOrTwoIdsTakesOneBit() {
    NodeNumbers numbers = new NodeNumbers();
    numbers.seen(numbers.number(-1L), 0);
    numbers.seen(numbers.number(0), 1);
    numbers.seen(numbers.number(5), 1);
    int[] order = numbers.orderById();
    assertEquals(1, numbers.column(order, 0).bits());
    assertEquals(1, numbers.column(order, 1).bits());
    assertArrayEquals(new long[] {0, 5}, numbers.column(order, 1).ids());
  }
}
