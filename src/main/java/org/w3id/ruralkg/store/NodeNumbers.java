package org.w3id.ruralkg.store;

import java.util.Arrays;

/**
 * The distinct TDB2 node ids of one load, numbered densely in first-seen order, with the tuple
 * columns each was seen in; then, per column, each id's rank among that column's ids in TDB2's key
 * order (unsigned), so that a row of ranks sorts as the row of ids would and packs into far fewer
 * bits. Not thread-safe: the loader's node stage fills it, then its index builders read the {@link
 * Column}s (immutable).
 */
final class NodeNumbers {
  /** Columns a node can be seen in: tuple columns of both tables (4 quad, 3 triple). */
  static final int MAX_COLUMNS = 8;

  /**
   * Heap a node takes at most: the map just grown (4 slots of 12 bytes), the ids and columns just
   * grown (2 x 9), then the ranking's id pairs and their scratch (32), order (4), the ranks of 4
   * columns (16) and the ids by rank (8).
   */
  static final int BYTES_PER_NODE = 128;

  // open addressing from id to number + 1 (0: empty slot; an id may be 0)
  private long[] slotIds = new long[1 << 12];
  private int[] slotNumbers = new int[1 << 12];
  private long[] ids = new long[1 << 10];
  private byte[] columns = new byte[1 << 10];
  private int size;

  /** The number of a node id, new ones numbered next. */
  int number(long id) {
    int mask = slotIds.length - 1;
    int slot = mix(id) & mask;
    while (true) {
      int n = slotNumbers[slot];
      if (n == 0) break;
      if (slotIds[slot] == id) return n - 1;
      slot = (slot + 1) & mask;
    }
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
      columns = Arrays.copyOf(columns, size * 2);
    }
    int number = size++;
    ids[number] = id;
    slotIds[slot] = id;
    slotNumbers[slot] = number + 1;
    // at most half full: short probes
    if (size * 2 > slotIds.length) grow();
    return number;
  }

  /** The number of a node id, or -1 if it has none. */
  int find(long id) {
    int mask = slotIds.length - 1;
    for (int slot = mix(id) & mask; ; slot = (slot + 1) & mask) {
      int n = slotNumbers[slot];
      if (n == 0) return -1;
      if (slotIds[slot] == id) return n - 1;
    }
  }

  /** Notes that the node numbered {@code number} is in tuple column {@code column}. */
  void seen(int number, int column) {
    columns[number] |= (byte) (1 << column);
  }

  int size() {
    return size;
  }

  long id(int number) {
    return ids[number];
  }

  private void grow() {
    long[] oldIds = slotIds;
    int[] oldNumbers = slotNumbers;
    slotIds = new long[oldIds.length * 2];
    slotNumbers = new int[oldIds.length * 2];
    int mask = slotIds.length - 1;
    for (int i = 0; i < oldIds.length; i++) {
      if (oldNumbers[i] == 0) continue;
      int slot = mix(oldIds[i]) & mask;
      while (slotNumbers[slot] != 0) slot = (slot + 1) & mask;
      slotIds[slot] = oldIds[i];
      slotNumbers[slot] = oldNumbers[i];
    }
  }

  private static int mix(long id) {
    // node ids are file offsets and inline values: spread their low and high bits
    long h = id * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** The numbers in the unsigned order of their ids. */
  int[] orderById() {
    long[] pairs = new long[size * 2];
    for (int n = 0; n < size; n++) {
      pairs[2 * n] = ids[n];
      pairs[2 * n + 1] = n;
    }
    RadixSort.sort(pairs, new long[pairs.length], size, 2);
    int[] order = new int[size];
    for (int r = 0; r < size; r++) order[r] = (int) pairs[2 * r + 1];
    return order;
  }

  /** The ranks of the ids seen in {@code column}; {@code order} is {@link #orderById()}. */
  Column column(int[] order, int column) {
    int[] rankOf = new int[size];
    Arrays.fill(rankOf, -1);
    int count = 0;
    for (int n : order) if ((columns[n] & (1 << column)) != 0) rankOf[n] = count++;
    long[] byRank = new long[count];
    for (int n = 0; n < size; n++) if (rankOf[n] >= 0) byRank[rankOf[n]] = ids[n];
    return new Column(rankOf, byRank);
  }

  /**
   * One tuple column's ranks: {@code rankOf[number]} (-1 if the node is not in the column) and the
   * id of each rank, ascending unsigned.
   */
  record Column(int[] rankOf, long[] ids) {
    /** Bits a rank of this column needs (at least 1). */
    int bits() {
      return ids.length <= 2 ? 1 : 32 - Integer.numberOfLeadingZeros(ids.length - 1);
    }
  }
}
