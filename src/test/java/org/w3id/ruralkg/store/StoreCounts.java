package org.w3id.ruralkg.store;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/** What tests compare between stores: the quads of a store folder and the documents of its text index. */
public final class StoreCounts {
  private StoreCounts() {}

  /** Every quad of the store at {@code storeDir} (all named graphs), opened and closed here. */
  public static long quads(Path storeDir) {
    DatasetGraph dsg = Store.openExisting(storeDir);
    try {
      return Txn.calculateRead(dsg, () -> {
        long n = 0;
        for (var it = dsg.find(); it.hasNext(); it.next()) n++;
        return n;
      });
    } finally {
      dsg.close();
    }
  }

  /** The live documents of the store's Lucene index. */
  public static int indexDocs(Path storeDir) throws IOException {
    try (var dir = FSDirectory.open(storeDir.resolve(TextIndex.FOLDER)); var reader = DirectoryReader.open(dir)) {
      return reader.numDocs();
    }
  }
}
