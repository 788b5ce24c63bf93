package org.w3id.ruralkg.store;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.index.Index;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;

/**
 * The node table's hash-to-id index during a bulk load into a new store: new entries go to an
 * in-memory hash table instead of the B+tree, which a node table otherwise searches and then
 * inserts into at a random place for every new node (the largest cost of the node stage). Needs the
 * store's empty node B+tree; {@link #sortedRecords()} gives every entry in key order, for packing
 * into that tree once the load's nodes are written. When the entries outgrow {@code maxEntries}
 * they are inserted into the tree in key order ({@link #spillAll()}), and from then on this index
 * is the tree. Keys are TDB2's 128-bit node hashes, which are uniformly distributed. Not
 * thread-safe: the node table calls it under its own lock.
 */
final class DeferredNodeIndex implements Index {
  private static final int KEY_BYTES = 16;

  private final BPlusTree tree;
  private final RecordFactory factory;
  private final int maxEntries;
  // open addressing, linear probing; a slot is free while its value is 0 (values are id + 1)
  private long[] his;
  private long[] los;
  private long[] values;
  private int size;
  private boolean spilled;

  DeferredNodeIndex(BPlusTree tree, int maxEntries) {
    if (tree.getRecordFactory().keyLength() != KEY_BYTES
        || tree.getRecordFactory().valueLength() != Long.BYTES)
      throw new IllegalArgumentException("not a node table index: " + tree.getRecordFactory());
    this.tree = tree;
    this.factory = tree.getRecordFactory();
    this.maxEntries = Math.max(1, maxEntries);
    allocate(1 << 16);
  }

  /**
   * Heap bytes an entry takes at most while the load runs: three longs a slot, and the table is at
   * least 3/8 full (it doubles at 3/4). Sorting the entries at the end takes 48 bytes an entry, the
   * first 24 of them while the table is still held.
   */
  static final int BYTES_PER_ENTRY = 64;

  /** The node table's B+tree this index stands in for. */
  BPlusTree tree() {
    return tree;
  }

  /** True once the entries went to the B+tree (it then holds them all). */
  boolean spilled() {
    return spilled;
  }

  @Override
  public Record find(Record key) {
    if (spilled) return tree.find(key);
    byte[] k = key.getKey();
    int slot = slot(Bytes.getLong(k, 0), Bytes.getLong(k, 8));
    if (values[slot] == 0) return null;
    byte[] v = new byte[Long.BYTES];
    Bytes.setLong(values[slot] - 1, v, 0);
    return factory.create(k, v);
  }

  @Override
  public boolean contains(Record key) {
    return find(key) != null;
  }

  @Override
  public boolean insert(Record r) {
    if (spilled) return tree.insert(r);
    byte[] k = r.getKey();
    long hi = Bytes.getLong(k, 0);
    long lo = Bytes.getLong(k, 8);
    int slot = slot(hi, lo);
    if (values[slot] != 0) return false;
    his[slot] = hi;
    los[slot] = lo;
    values[slot] = Bytes.getLong(r.getValue(), 0) + 1;
    size++;
    if (size > maxEntries) spillAll();
    else if (size > values.length / 4 * 3) allocate(values.length * 2);
    return true;
  }

  /** The slot of a key: where it is, or the free slot where it goes. */
  private int slot(long hi, long lo) {
    int mask = values.length - 1;
    int i = (int) lo & mask;
    while (values[i] != 0 && (his[i] != hi || los[i] != lo)) i = (i + 1) & mask;
    return i;
  }

  private void allocate(int slots) {
    long[] oldHis = his;
    long[] oldLos = los;
    long[] oldValues = values;
    his = new long[slots];
    los = new long[slots];
    values = new long[slots];
    if (oldValues == null) return;
    for (int i = 0; i < oldValues.length; i++) {
      if (oldValues[i] == 0) continue;
      int slot = slot(oldHis[i], oldLos[i]);
      his[slot] = oldHis[i];
      los[slot] = oldLos[i];
      values[slot] = oldValues[i];
    }
  }

  /**
   * Every entry not yet in the tree, in the tree's key order (the hash's bytes compared unsigned),
   * and frees the table.
   */
  Iterator<Record> sortedRecords() {
    int n = size;
    long[] rows = new long[n * 3];
    int r = 0;
    for (int i = 0; i < values.length; i++) {
      if (values[i] == 0) continue;
      rows[r++] = his[i];
      rows[r++] = los[i];
      rows[r++] = values[i] - 1;
    }
    his = los = values = null;
    size = 0;
    RadixSort.sort(rows, new long[rows.length], n, 3);
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < n;
      }

      @Override
      public Record next() {
        if (next >= n) throw new NoSuchElementException();
        byte[] k = new byte[KEY_BYTES];
        byte[] v = new byte[Long.BYTES];
        Bytes.setLong(rows[next * 3], k, 0);
        Bytes.setLong(rows[next * 3 + 1], k, 8);
        Bytes.setLong(rows[next * 3 + 2], v, 0);
        next++;
        return factory.create(k, v);
      }
    };
  }

  /** Inserts every entry into the tree, in key order, and hands all further calls to it. */
  void spillAll() {
    Iterator<Record> records = sortedRecords();
    while (records.hasNext()) tree.insert(records.next());
    spilled = true;
  }

  @Override
  public boolean delete(Record key) {
    throw new UnsupportedOperationException("a bulk load does not delete nodes");
  }

  @Override
  public Iterator<Record> iterator() {
    throw new UnsupportedOperationException("a bulk load does not list nodes");
  }

  @Override
  public RecordFactory getRecordFactory() {
    return factory;
  }

  @Override
  public void close() {
    // the tree belongs to the store
  }

  @Override
  public boolean isEmpty() {
    return spilled ? tree.isEmpty() : size == 0;
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException("a bulk load does not clear the node table");
  }

  @Override
  public void check() {
    if (spilled) tree.check();
  }

  @Override
  public long size() {
    return spilled ? tree.size() : size;
  }

  @Override
  public void sync() {
    if (spilled) tree.sync();
  }
}
