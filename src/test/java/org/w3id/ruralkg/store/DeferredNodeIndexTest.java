package org.w3id.ruralkg.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.BPlusTreeFactory;
import org.junit.jupiter.api.Test;

class DeferredNodeIndexTest {
  private static BPlusTree emptyTree() {
    BPlusTree tree = BPlusTreeFactory.makeMem(32, 16, 8);
    tree.nonTransactional();
    return tree;
  }

  /** Random 16-byte keys (some with the top bit set, which sorts last unsigned) and their ids. */
  private static List<Record> records(BPlusTree tree, int n) {
    Random random = new Random(7);
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] key = new byte[16];
      random.nextBytes(key);
      byte[] value = new byte[8];
      // the first node of a table is at offset 0: an id of all zero bytes
      Bytes.setLong(i, value, 0);
      records.add(tree.getRecordFactory().create(key, value));
    }
    return records;
  }

  @Test
  void findsWhatWasInsertedAndRefusesItTwice() {
    BPlusTree tree = emptyTree();
    DeferredNodeIndex index = new DeferredNodeIndex(tree, 1 << 20);
    List<Record> records = records(tree, 200_000);
    for (Record r : records) assertTrue(index.insert(r));
    assertFalse(index.insert(records.get(0)));
    assertEquals(records.size(), index.size());
    for (Record r : records) {
      Record found = index.find(tree.getRecordFactory().create(r.getKey()));
      assertNotNull(found);
      assertArrayEquals(r.getValue(), found.getValue());
    }
    assertNull(index.find(tree.getRecordFactory().create(new byte[16])));
    assertTrue(tree.isEmpty(), "nothing reaches the tree before the load ends");
  }

  @Test
  void givesItsRecordsInTheTreesKeyOrder() {
    BPlusTree tree = emptyTree();
    DeferredNodeIndex index = new DeferredNodeIndex(tree, 1 << 20);
    List<Record> records = records(tree, 50_000);
    records.forEach(index::insert);
    Iterator<Record> sorted = index.sortedRecords();
    Record last = null;
    int n = 0;
    while (sorted.hasNext()) {
      Record r = sorted.next();
      if (last != null) assertTrue(Bytes.compare(last.getKey(), r.getKey()) < 0, "order at " + n);
      last = r;
      n++;
    }
    assertEquals(records.size(), n);
  }

  @Test
  void pastItsLimitItPutsEverythingInTheTreeAndUsesIt() {
    BPlusTree tree = emptyTree();
    DeferredNodeIndex index = new DeferredNodeIndex(tree, 1000);
    List<Record> records = records(tree, 5000);
    for (int i = 0; i < records.size(); i++) {
      assertTrue(index.insert(records.get(i)));
      assertEquals(i >= 1000, index.spilled(), "after " + (i + 1));
    }
    assertEquals(records.size(), tree.size());
    for (Record r : records) {
      Record inTree = tree.find(tree.getRecordFactory().create(r.getKey()));
      assertNotNull(inTree);
      assertArrayEquals(r.getValue(), inTree.getValue());
      assertNotNull(index.find(tree.getRecordFactory().create(r.getKey())));
    }
    assertFalse(index.insert(records.get(10)));
    tree.check();
  }
}
