package org.w3id.ruralkg.store;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * What tests compare between stores: the quads of a store folder and the documents of its text
 * index.
 */
public final class StoreCounts {
  private StoreCounts() {}

  /** Every quad of the store at {@code storeDir} (all named graphs), opened and closed here. */
  public static long quads(Path storeDir) {
    DatasetGraph dsg = Store.openExisting(storeDir);
    try {
      return Txn.calculateRead(
          dsg,
          () -> {
            long n = 0;
            for (var it = dsg.find(); it.hasNext(); it.next()) n++;
            return n;
          });
    } finally {
      dsg.close();
    }
  }

  /** The quads of the store outside the shared graph (articles, files, the ontology). */
  public static long quadsOutsideShared(Path storeDir) {
    DatasetGraph dsg = Store.openExisting(storeDir);
    try {
      return Txn.calculateRead(
          dsg,
          () -> {
            long n = 0;
            for (var it = dsg.find(); it.hasNext(); )
              if (!it.next().getGraph().equals(org.w3id.ruralkg.rdf.Vocab.SHARED_GRAPH)) n++;
            return n;
          });
    } finally {
      dsg.close();
    }
  }

  /** The triples of the store's shared graph. */
  public static java.util.Set<org.apache.jena.graph.Triple> shared(Path storeDir) {
    DatasetGraph dsg = Store.openExisting(storeDir);
    try {
      return Txn.calculateRead(
          dsg,
          () -> {
            java.util.Set<org.apache.jena.graph.Triple> out = new java.util.HashSet<>();
            dsg.getGraph(org.w3id.ruralkg.rdf.Vocab.SHARED_GRAPH).find().forEachRemaining(out::add);
            return out;
          });
    } finally {
      dsg.close();
    }
  }

  /**
   * The IRIs that an article graph uses as object and that nothing describes: no rdf:type in any
   * graph (units, organisations, concepts, source files all have one), evidence spans and IRIs of
   * code-list concepts aside. Empty in a store without dangling references.
   */
  public static java.util.Set<String> undescribed(Path storeDir) {
    DatasetGraph dsg = Store.openExisting(storeDir);
    try {
      return Txn.calculateRead(
          dsg,
          () -> {
            java.util.Set<String> out = new java.util.TreeSet<>();
            for (var it = dsg.find(); it.hasNext(); ) {
              var q = it.next();
              var o = q.getObject();
              if (!o.isURI()
                  || q.getGraph().equals(org.w3id.ruralkg.rdf.Vocab.ONTOLOGY_GRAPH)
                  || q.getPredicate().equals(org.w3id.ruralkg.rdf.Vocab.TYPE)) continue;
              if (o.getURI().contains("#char=")) continue;
              if (!dsg.find(
                      org.apache.jena.graph.Node.ANY,
                      o,
                      org.w3id.ruralkg.rdf.Vocab.TYPE,
                      org.apache.jena.graph.Node.ANY)
                  .hasNext()) out.add(o.getURI());
            }
            return out;
          });
    } finally {
      dsg.close();
    }
  }

  /** The live documents of the store's Lucene index. */
  public static int indexDocs(Path storeDir) throws IOException {
    try (var dir = FSDirectory.open(storeDir.resolve(TextIndex.FOLDER));
        var reader = DirectoryReader.open(dir)) {
      return reader.numDocs();
    }
  }
}
