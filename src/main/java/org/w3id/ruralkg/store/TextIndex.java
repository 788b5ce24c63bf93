package org.w3id.ruralkg.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * The Chinese full-text index of a TDB2 store. Needs the store's dataset and folder; adds a
 * jena-text (Lucene, CJKAnalyzer: overlapping character bigrams) dataset over it so that {@code
 * text:query} works in SPARQL and every add or delete through it updates the index in the same TDB2
 * transaction. Indexed: fact sentences (field {@code sentence}, the default field), article titles
 * ({@code headline}) and entity labels ({@code label}: skos:prefLabel, rdfs:label, rkg:surface).
 * The index lives in the subfolder {@value #FOLDER} of the store folder. Thread-safe.
 */
public final class TextIndex {
  private static final Logger LOG = LoggerFactory.getLogger(TextIndex.class);

  /**
   * The analyzer of every field, at index and at query time. Character bigrams rather than
   * SmartChineseAnalyzer's word segmentation: 17x faster on this corpus (19 vs 1.0 M chars/s, the
   * largest cost of a build), and a place name is found inside longer words (思南 in 思南县, which
   * smartcn cut as 思 南县). Written to {@value #ANALYZER_FILE} so that an index made with another
   * analyzer is rebuilt when the store is opened.
   */
  static final String ANALYZER = "org.apache.lucene.analysis.cjk.CJKAnalyzer";

  /**
   * What {@value #ANALYZER_FILE} records: the analyzer, and that each document stores its literal
   * (so that {@code (?s ?score ?literal) text:query ...} says which of a fact's sentences matched:
   * a programme implementation has one per occurrence). An index without is rebuilt on open.
   */
  static final String FORMAT = ANALYZER + " values-stored";

  static final String ANALYZER_FILE = "ANALYZER";

  /**
   * Present from just before a write transaction commits until TDB2 and Lucene have both committed:
   * a crash in between leaves it, and only then (or with no index at all) is the store counted
   * against the index when opened. Counting every indexed literal takes seconds at 10,000 articles,
   * too long for every open.
   */
  static final String WRITING_FILE = "WRITING";

  /** The index folder inside the store folder (TDB2 only claims its Data-NNNN and lock files). */
  public static final String FOLDER = "text";

  public static final String FIELD_SENTENCE = "sentence";
  public static final String FIELD_HEADLINE = "headline";
  public static final String FIELD_LABEL = "label";

  /** The predicates each field indexes. */
  public static final Map<String, List<Node>> FIELDS =
      Map.of(
          FIELD_SENTENCE, List.of(Vocab.SENTENCE),
          FIELD_HEADLINE, List.of(Vocab.SCHEMA_HEADLINE),
          FIELD_LABEL, List.of(Vocab.PREF_LABEL, Vocab.LABEL, Vocab.SURFACE));

  // One text dataset per store while it is open, as TDB2 keeps one connection per location: a
  // second Lucene writer on the same folder would fail on its lock. Counted, so that the last
  // close releases the folder (a stock Fuseki in the same JVM can then open it).
  private static final Map<Path, IndexedDataset> OPEN = new HashMap<>();

  private TextIndex() {}

  /**
   * The text dataset over {@code tdb2}, the store at {@code storeDir}; each call must be matched by
   * one close().
   */
  static DatasetGraph over(DatasetGraph tdb2, Path storeDir) {
    Path key = realPath(storeDir);
    synchronized (OPEN) {
      IndexedDataset dsg = OPEN.get(key);
      if (dsg == null) {
        dsg = open(tdb2, key);
        OPEN.put(key, dsg);
      }
      dsg.retain();
      return dsg;
    }
  }

  /** Closes one opener's use of a store's dataset; the last one closes the index. */
  static void close(IndexedDataset dsg) {
    synchronized (OPEN) {
      if (!dsg.release()) return;
      OPEN.remove(dsg.storeDir(), dsg);
      dsg.shutdown();
    }
  }

  /**
   * The mapping of fields to predicates: entity field {@code uri}, graph field {@code graph}, uid
   * field {@code uid}.
   */
  public static EntityDefinition entityDefinition() {
    EntityDefinition def = new EntityDefinition("uri", FIELD_SENTENCE, Vocab.SENTENCE);
    FIELDS.forEach(
        (field, predicates) -> {
          for (Node p : predicates) if (def.getField(p) == null) def.set(field, p);
        });
    // the uid (a hash of graph, subject, field, value, language) is what lets a deleted triple
    // delete its index document; without it jena-text never deletes
    def.setUidField("uid");
    def.setGraphField("graph");
    // the language tag of a stored literal, so that the literal text:query returns is the one in
    // the store (sentences are @zh)
    def.setLangField("lang");
    return def;
  }

  private static IndexedDataset open(DatasetGraph tdb2, Path storeDir) {
    Path dir = storeDir.resolve(FOLDER);
    try {
      TextIndexLucene index = openLucene(storeDir);
      IndexedDataset dsg = new IndexedDataset(tdb2, index, storeDir);
      try {
        // a missing index (a store built before it had one) or one out of step (a crash between
        // the TDB2 and the Lucene commit) is rebuilt from the store
        if (!madeWithCurrentAnalyzer(storeDir)
            || (mayBeOutOfStep(storeDir, index) && !inStep(dsg, index))) {
          reindex(dsg, index, dir);
          recordAnalyzer(storeDir);
        }
        markWritten(storeDir);
      } catch (IOException | RuntimeException e) {
        dsg.shutdown();
        throw e;
      }
      return dsg;
    } catch (IOException | RuntimeException e) {
      throw new RuralKgException(dir + ": cannot open the text index: " + Store.oneLine(e), e);
    }
  }

  /** The Lucene index of a store, opened for writing (the caller closes it). */
  static TextIndexLucene openLucene(Path storeDir) throws IOException {
    Path dir = storeDir.resolve(FOLDER);
    Files.createDirectories(dir);
    Directory directory = FSDirectory.open(dir);
    TextIndexConfig config = new TextIndexConfig(entityDefinition());
    config.setAnalyzer(analyzer());
    config.setValueStored(true);
    return (TextIndexLucene) TextDatasetFactory.createLuceneIndex(directory, config);
  }

  static Analyzer analyzer() {
    return new CJKAnalyzer();
  }

  /** True when the index folder says it was made as {@link #FORMAT} says. */
  static boolean madeWithCurrentAnalyzer(Path storeDir) {
    try {
      Path f = storeDir.resolve(FOLDER).resolve(ANALYZER_FILE);
      return Files.exists(f) && Files.readString(f, StandardCharsets.UTF_8).strip().equals(FORMAT);
    } catch (IOException e) {
      return false;
    }
  }

  /** The store's Lucene index, emptied and set up for one large load (a bulk build or restore). */
  static TextIndexLucene openForBulkLoad(Path storeDir) {
    try {
      TextIndexLucene index = openLucene(storeDir);
      index.getIndexWriter().deleteAll();
      // fewer, larger segments: less flushing and merging while the whole corpus goes in at once;
      // and each segment left as its files, not copied once more into a compound file
      index.getIndexWriter().getConfig().setRAMBufferSizeMB(128);
      index.getIndexWriter().getConfig().setUseCompoundFile(false);
      return index;
    } catch (IOException | RuntimeException e) {
      throw new RuralKgException(
          storeDir.resolve(FOLDER) + ": cannot open the text index: " + Store.oneLine(e), e);
    }
  }

  /** Records the analyzer of a complete index (after its documents are committed). */
  static void recordAnalyzer(Path storeDir) throws IOException {
    Files.writeString(
        storeDir.resolve(FOLDER).resolve(ANALYZER_FILE), FORMAT + "\n", StandardCharsets.UTF_8);
  }

  /**
   * True unless the index holds documents and no write was interrupted between TDB2's and Lucene's
   * commits.
   */
  private static boolean mayBeOutOfStep(Path storeDir, TextIndexLucene index) throws IOException {
    if (Files.exists(storeDir.resolve(FOLDER).resolve(WRITING_FILE))) return true;
    if (!DirectoryReader.indexExists(index.getDirectory())) return true;
    try (DirectoryReader reader = DirectoryReader.open(index.getDirectory())) {
      return reader.numDocs() == 0;
    }
  }

  /** Marks a write in progress (forced to disk before the commit it guards). */
  static void markWriting(Path storeDir) {
    Path f = storeDir.resolve(FOLDER).resolve(WRITING_FILE);
    try (java.nio.channels.FileChannel ch =
        java.nio.channels.FileChannel.open(
            f, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
      ch.force(true);
    } catch (IOException e) {
      throw new RuralKgException(
          f + ": cannot mark the text index as being written: " + e.getMessage(), e);
    }
    Folders.sync(f.getParent());
  }

  /** Clears the write mark once TDB2 and Lucene have both committed (or the index was checked). */
  static void markWritten(Path storeDir) {
    try {
      Files.deleteIfExists(storeDir.resolve(FOLDER).resolve(WRITING_FILE));
    } catch (IOException e) {
      // left behind: the next open counts the index once more, nothing worse
      LOG.warn("{}: cannot clear the write mark: {}", storeDir, e.getMessage());
    }
  }

  /**
   * The index document of a quad, or null when the quad is not indexed (another predicate, or not a
   * literal).
   */
  static Entity entity(EntityDefinition def, Quad q) {
    Node o = q.getObject();
    String field = def.getField(q.getPredicate());
    if (!o.isLiteral() || field == null) return null;
    // as TextQueryFuncs.entityFromQuad makes it
    Entity e =
        new BulkEntity(
            TextQueryFuncs.subjectToString(q.getSubject()),
            TextQueryFuncs.graphNodeToString(q.getGraph()),
            o.getLiteral().language(),
            o.getLiteral().getDatatype());
    e.put(field, o.getLiteralLexicalForm());
    return e;
  }

  /**
   * An index document's entity whose uid (jena-text's SHA-256 of graph, subject, field, value and
   * language, by which a deleted triple deletes its document) is the same string, computed with one
   * digest per thread: commons-codec looks the algorithm up again for every document. The uid was 8
   * % of the text index's profile samples in a 3,000-article build.
   */
  static final class BulkEntity extends Entity {
    private static final ThreadLocal<MessageDigest> SHA256 =
        ThreadLocal.withInitial(
            () -> {
              try {
                return MessageDigest.getInstance("SHA-256");
              } catch (NoSuchAlgorithmException e) {
                throw new RuralKgException("no SHA-256 in this JVM", e);
              }
            });

    BulkEntity(String id, String graph, String language, RDFDatatype datatype) {
      super(id, graph, language, datatype);
    }

    @Override
    public String getChecksum(String property, String value) {
      String key = getGraph() + "-" + getId() + "-" + property + "-" + value + "-" + getLanguage();
      return HexFormat.of().formatHex(SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** True when the index holds one document per indexed literal of the store. */
  private static boolean inStep(DatasetGraphText dsg, TextIndexLucene index) throws IOException {
    long quads =
        Txn.calculateRead(
            dsg,
            () -> {
              long n = 0;
              for (List<Node> ps : FIELDS.values()) {
                for (Node p : ps) {
                  Iterator<Quad> it = dsg.getWrapped().find(Node.ANY, Node.ANY, p, Node.ANY);
                  while (it.hasNext()) if (it.next().getObject().isLiteral()) n++;
                }
              }
              return n;
            });
    try (DirectoryReader reader = DirectoryReader.open(index.getDirectory())) {
      return reader.numDocs() == quads;
    }
  }

  /** Rebuilds the index from the store's indexed literals. */
  private static void reindex(DatasetGraphText dsg, TextIndexLucene index, Path dir) {
    EntityDefinition def = index.getDocDef();
    long[] n = {0};
    Txn.executeWrite(
        dsg,
        () -> {
          try {
            index.getIndexWriter().deleteAll();
          } catch (IOException e) {
            throw new RuralKgException(dir + ": cannot clear the text index: " + e.getMessage(), e);
          }
          for (List<Node> ps : FIELDS.values()) {
            for (Node p : ps) {
              dsg.getWrapped()
                  .find(Node.ANY, Node.ANY, p, Node.ANY)
                  .forEachRemaining(
                      q -> {
                        Entity e = TextQueryFuncs.entityFromQuad(def, q);
                        if (e != null) {
                          index.addEntity(e);
                          n[0]++;
                        }
                      });
            }
          }
        });
    if (n[0] > 0) LOG.info("text index {}: indexed {} literals from the store", dir, n[0]);
  }

  private static Path realPath(Path storeDir) {
    try {
      return storeDir.toRealPath();
    } catch (IOException e) {
      return storeDir.toAbsolutePath().normalize();
    }
  }
}
