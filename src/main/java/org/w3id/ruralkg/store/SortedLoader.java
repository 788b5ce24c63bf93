package org.w3id.ruralkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.system.progress.ProgressMonitor;
import org.apache.jena.system.progress.ProgressMonitorOutput;
import org.apache.jena.tdb2.loader.base.CoLib;
import org.apache.jena.tdb2.loader.base.LoaderBase;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetable.NodeTableCache;
import org.apache.jena.tdb2.store.nodetable.NodeTableInline;
import org.apache.jena.tdb2.store.nodetable.NodeTableTRDF;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * Loads quads into a new TDB2 store the way Jena's {@code tdb2.xloader} does, but in this process
 * and with a Java sort in place of the {@code sort} command. Needs a new, empty store; adds the
 * streamed triples and quads. While data streams in, a node stage (as Jena's DataBatcher and
 * DataToTuples) fill the node table and this loader writes each tuple's node ids to a scratch file;
 * {@link #finishBulk()} then builds every index (SPO, POS, OSP; GSPO, GPOS, GOSP, SPOG, POSG, OSPG)
 * from those rows: permuted into the index's column order, sorted in memory-sized runs (spilled and
 * merged when the store is larger) and packed bottom-up into the index's B+tree by Jena's {@link
 * BPlusTreeRewriter}. While the load's distinct nodes fit an eighth of the heap ({@link
 * #rankedNodes}), each node id is ranked among the ids of its column ({@link NodeNumbers}) and the
 * indexes sort those ranks, which sort as the ids do and pack into one long with the first column's
 * rank as a bucket ({@link BucketSort}); a larger load sorts the raw ids. A node already seen by
 * the node stage skips the node table's cache. Jena's phased and parallel loaders insert row after
 * row into each B+tree instead, which is most of their time. Afterwards the dataset object is
 * stale: the caller must expel it from TDB2's connection cache before the store is opened again.
 * Not thread-safe (one stream); runs its own threads: Jena's node table thread and one per index
 * being built.
 */
final class SortedLoader extends LoaderBase {
  private static final Logger LOG = LoggerFactory.getLogger(SortedLoader.class);
  private static final String TRIPLE_ORDER = "SPO";
  private static final String QUAD_ORDER = "GSPO";

  private final DatasetGraphTDB dsgtdb;
  private final Path scratch;
  private final int threads;
  private final int rowsPerRun;
  private final RowFile triples;
  private final RowFile quads;
  // null once the load has more nodes than the heap has room to rank: then raw ids are sorted
  private NodeNumbers numbers = new NodeNumbers();
  private final NodeStage nodes;
  // what has to be undone if loading stops half-way
  private boolean exclusive;
  private boolean streaming;

  /**
   * @param scratch a folder for the tuple rows and sorted runs (created, and deleted at the end)
   * @param threads indexes built at once
   * @param rowsPerRun rows sorted in memory at once by each thread (a long a row; an eighth of them
   *     in two arrays of rows x 4 longs when the ranks are too wide to pack)
   */
  SortedLoader(DatasetGraph dsg, Path scratch, int threads, int rowsPerRun, MonitorOutput output) {
    super(dsg, null, output);
    this.dsgtdb = TDBInternal.getDatasetGraphTDB(dsg);
    this.scratch = scratch;
    this.threads = Math.max(1, threads);
    this.rowsPerRun = Math.max(2, rowsPerRun);
    this.triples = new RowFile(scratch.resolve("triples.rows"), 4, 3);
    this.quads = new RowFile(scratch.resolve("quads.rows"), 0, 4);
    this.nodes = new NodeStage();
  }

  /**
   * Distinct nodes that the loader numbers and ranks within an eighth of the heap (the numbering's
   * map, then the ranking's arrays: at most {@value NodeNumbers#BYTES_PER_NODE} bytes a node); a
   * load with more sorts raw node ids as Jena's xloader does, whose memory does not grow with them.
   */
  static long rankedNodes(long maxHeap) {
    int forTest = rankedNodeLimit;
    if (forTest > 0) return forTest;
    return Math.min(Integer.MAX_VALUE / 4, maxHeap / 8 / NodeNumbers.BYTES_PER_NODE);
  }

  /**
   * New nodes whose hash index entries the node stage holds in memory within a 16th of the heap
   * ({@link DeferredNodeIndex}); past that they go to the B+tree one by one, as Jena's loaders do.
   */
  static int deferredNodes(long maxHeap) {
    int forTest = rankedNodeLimit;
    if (forTest > 0) return forTest;
    return (int) Math.min(Integer.MAX_VALUE / 4, maxHeap / 16 / DeferredNodeIndex.BYTES_PER_ENTRY);
  }

  /** Test hook: the nodes ranked (and index entries deferred) at most (0: by the heap). */
  static volatile int rankedNodeLimit;

  /**
   * Rows per run that keep all threads' sort arrays within an eighth of the heap: the rest holds
   * the extraction's dictionaries and TDB2's node caches, and a 10,000-article build ran out of a 1
   * GB heap with a quarter.
   */
  static int rowsPerRun(int threads) {
    long budget = Runtime.getRuntime().maxMemory() / 8 / Math.max(1, threads);
    return (int) Math.min(Integer.MAX_VALUE / 8, Math.max(1 << 19, budget / 8));
  }

  @Override
  public StreamRDF stream() {
    return nodes;
  }

  @Override
  protected boolean bulkUseTransaction() {
    return false;
  }

  @Override
  protected ProgressMonitor createProgressMonitor(MonitorOutput out) {
    return ProgressMonitorOutput.create(out, "<unset>", 1_000_000, 10);
  }

  @Override
  public long countTriples() {
    return nodes.countTriples;
  }

  @Override
  public long countQuads() {
    return nodes.countQuads;
  }

  @Override
  public void startBulk() {
    try {
      Files.createDirectories(scratch);
      triples.open();
      quads.open();
    } catch (IOException e) {
      try {
        endStream();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      deleteScratch();
      throw new RuralKgException(scratch + ": cannot start loading: " + e.getMessage(), e);
    }
    dsgtdb.getTxnSystem().getTxnMgr().startExclusiveMode();
    exclusive = true;
    super.startBulk();
    nodes.startThread();
    streaming = true;
  }

  @Override
  public void finishBulk() {
    try {
      endStream();
      // the node stage's own failure is thrown by endStream; a short row file would be a bug
      if (triples.rows() != countTriples() || quads.rows() != countQuads()) {
        throw new RuralKgException(
            "the node table stage stopped early ("
                + quads.rows()
                + " of "
                + countQuads()
                + " quads); see the log");
      }
      NodeNumbers.Column[] tripleColumns = null;
      NodeNumbers.Column[] quadColumns = null;
      if (numbers != null) {
        long t0 = System.nanoTime();
        int[] byId = numbers.orderById();
        tripleColumns = rank(byId, triples);
        quadColumns = rank(byId, quads);
        LOG.info(
            "{} nodes ranked and rows renumbered in {} s",
            numbers.size(),
            String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
        numbers = null;
      }
      buildIndexes(
          dsgtdb.getTripleTable().getNodeTupleTable().getTupleTable().getIndexes(),
          TRIPLE_ORDER,
          triples,
          tripleColumns);
      buildIndexes(
          dsgtdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes(),
          QUAD_ORDER,
          quads,
          quadColumns);
      super.finishBulk();
    } catch (IOException e) {
      throw new RuralKgException(
          scratch + ": cannot build the store's indexes: " + e.getMessage(), e);
    } finally {
      endExclusive();
      deleteScratch();
    }
  }

  /** Stops the node table thread (it would wait for data forever) and lets the store go. */
  @Override
  public void finishException(Exception ex) {
    try {
      endStream();
    } catch (IOException | RuntimeException | Error e) {
      ex.addSuppressed(e);
    }
    endExclusive();
    deleteScratch();
  }

  /**
   * Sends the end of the data through Jena's stages, waits for the node table thread, closes the
   * row files.
   */
  private void endStream() throws IOException {
    try {
      if (streaming) {
        streaming = false;
        nodes.end();
      }
    } finally {
      triples.close();
      quads.close();
    }
  }

  private void endExclusive() {
    if (exclusive) {
      exclusive = false;
      dsgtdb.getTxnSystem().getTxnMgr().finishExclusiveMode();
    }
  }

  /**
   * Ranks the ids of each column of a row file and writes its rows as those ranks to {@link
   * RowFile#ranks()}; returns the columns' ids by rank (no ranks of numbers: no longer needed).
   */
  private NodeNumbers.Column[] rank(int[] byId, RowFile rows) throws IOException {
    int columns = rows.columns();
    NodeNumbers.Column[] ranked = new NodeNumbers.Column[columns];
    if (rows.rows() == 0) return ranked;
    int[][] rankOf = new int[columns][];
    for (int c = 0; c < columns; c++) {
      ranked[c] = numbers.column(byId, rows.firstColumn() + c);
      rankOf[c] = ranked[c].rankOf();
    }
    try (FileChannel in = FileChannel.open(rows.path(), StandardOpenOption.READ);
        FileChannel out =
            FileChannel.open(
                rows.ranks(),
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
      RowBlocks blocks = new RowBlocks(in, columns, 8, 0, rows.rows());
      int[] ranks = new int[blocks.longs.length];
      ByteBuffer bb = ByteBuffer.allocate(ranks.length * 4);
      for (int n = blocks.next(); n > 0; n = blocks.next()) {
        long[] block = blocks.longs;
        for (int i = 0, end = n * columns; i < end; i += columns)
          for (int c = 0; c < columns; c++) ranks[i + c] = rankOf[c][numbers.find(block[i + c])];
        bb.clear();
        bb.asIntBuffer().put(ranks, 0, n * columns);
        bb.limit(n * columns * 4);
        while (bb.hasRemaining()) out.write(bb);
      }
    }
    for (int c = 0; c < columns; c++)
      ranked[c] = new NodeNumbers.Column(new int[0], ranked[c].ids());
    return ranked;
  }

  /**
   * Builds each index of one table from the rows, in {@code order} (the tuples' own column order).
   */
  private void buildIndexes(
      TupleIndex[] indexes, String order, RowFile rows, NodeNumbers.Column[] ranked)
      throws IOException {
    if (rows.rows() == 0) return;
    ExecutorService pool =
        Executors.newFixedThreadPool(threads, DaemonThreads.named("ruralkg-index"));
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (TupleIndex index : indexes) {
        jobs.add(
            pool.submit(
                () -> {
                  long t0 = System.nanoTime();
                  buildIndex(order, rows, ranked, (TupleIndexRecord) index);
                  LOG.info(
                      "index {}: {} rows sorted and packed in {} s",
                      index.getName(),
                      rows.rows(),
                      String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
                  return null;
                }));
      }
      for (Future<?> job : jobs) await(job);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(Future<?> job) throws IOException {
    try {
      job.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuralKgException("interrupted while building the store's indexes", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new RuralKgException("cannot build the store's indexes: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Sorts the rows into the index's order, in runs when they do not fit at once, and packs them.
   */
  private void buildIndex(
      String order, RowFile rows, NodeNumbers.Column[] ranked, TupleIndexRecord index)
      throws IOException {
    String name = index.getName();
    int columns = name.length();
    // column c of this index is column from[c] of the rows
    int[] from = new int[columns];
    for (int c = 0; c < columns; c++) from[c] = order.indexOf(name.charAt(c));
    // ids[c]: the ids of column c's ranks; null when the rows hold raw ids
    long[][] ids = null;
    int[] bits = new int[columns];
    if (ranked != null) {
      ids = new long[columns][];
      for (int c = 0; c < columns; c++) {
        bits[c] = ranked[from[c]].bits();
        ids[c] = ranked[from[c]].ids();
      }
    }
    int width = ranked != null ? 4 : 8;
    List<Path> runs = new ArrayList<>();
    List<RunReader> readers = new ArrayList<>();
    try (FileChannel ch =
        FileChannel.open(ranked != null ? rows.ranks() : rows.path(), StandardOpenOption.READ)) {
      long total = rows.rows();
      if (ranked != null && BucketSort.fits(bits) && !wideRanks) {
        int capacity = (int) Math.min(total, rowsPerRun);
        BucketSort sort = new BucketSort(from, bits, ids[0].length, capacity);
        for (long start = 0; start < total; start += capacity) {
          int n = (int) Math.min(capacity, total - start);
          sort.clear();
          RowBlocks blocks = new RowBlocks(ch, rows.columns(), 4, start, n);
          for (int k = blocks.next(); k > 0; k = blocks.next())
            for (int r = 0; r < k; r++) sort.count(blocks.ints, r * rows.columns());
          sort.startPlacing();
          blocks = new RowBlocks(ch, rows.columns(), 4, start, n);
          for (int k = blocks.next(); k > 0; k = blocks.next())
            for (int r = 0; r < k; r++) sort.place(blocks.ints, r * rows.columns());
          sort.sortBuckets();
          Iterator<long[]> sorted = new BucketRows(sort, ids);
          if (n == total) {
            pack(index, sorted, columns);
            return;
          }
          runs.add(writeRun(name + "-" + runs.size(), sorted, columns));
        }
      } else {
        // raw ids, or ranks too wide to pack (fewer radix passes than ids): rows of longs
        int capacity = (int) Math.min(total, Math.max(2, rowsPerRun / 8));
        long[] buf = new long[capacity * columns];
        long[] tmp = new long[buf.length];
        for (long start = 0; start < total; start += capacity) {
          int n = (int) Math.min(capacity, total - start);
          RowBlocks blocks = new RowBlocks(ch, rows.columns(), width, start, n);
          int at = 0;
          for (int k = blocks.next(); k > 0; k = blocks.next())
            for (int r = 0; r < k; r++, at += columns)
              for (int c = 0; c < columns; c++)
                buf[at + c] =
                    width == 4
                        ? blocks.ints[r * rows.columns() + from[c]]
                        : blocks.longs[r * rows.columns() + from[c]];
          RadixSort.sort(buf, tmp, n, columns);
          Iterator<long[]> sorted = new RankRows(buf, n, ids, columns);
          if (n == total) {
            pack(index, sorted, columns);
            return;
          }
          runs.add(writeRun(name + "-" + runs.size(), sorted, columns));
        }
      }
      for (Path run : runs) readers.add(new RunReader(run, columns));
      pack(index, new MergedRows(readers, columns), columns);
    } finally {
      for (RunReader r : readers) r.close();
      for (Path run : runs) Files.deleteIfExists(run);
    }
  }

  /**
   * Packs sorted rows into the index's empty B+tree, in a transaction of that index alone, as
   * xloader does.
   */
  private static void pack(TupleIndexRecord index, Iterator<long[]> sorted, int columns) {
    BPlusTree bpt = (BPlusTree) index.getRangeIndex();
    RecordFactory factory = bpt.getRecordFactory();
    // a quad streamed twice is one row of the index (xloader sorts with --unique)
    Iterator<Record> records =
        new Iterator<>() {
          private final long[] last = new long[columns];
          private long[] next;
          private boolean first = true;

          @Override
          public boolean hasNext() {
            while (next == null && sorted.hasNext()) {
              long[] row = sorted.next();
              if (first || RadixSort.compare(row, last) != 0) next = row;
              first = false;
            }
            return next != null;
          }

          @Override
          public Record next() {
            if (!hasNext()) throw new NoSuchElementException();
            byte[] key = new byte[columns * 8];
            for (int c = 0; c < columns; c++) Bytes.setLong(next[c], key, c * 8);
            System.arraycopy(next, 0, last, 0, columns);
            next = null;
            return factory.create(key);
          }
        };
    packInto(bpt, records);
  }

  /**
   * Packs records in key order into an empty B+tree, in a write transaction of that tree alone (as
   * Jena's CoLib.executeWrite does for a tuple index).
   */
  private static void packInto(BPlusTree bpt, Iterator<Record> records) {
    org.apache.jena.dboe.transaction.txn.TransactionCoordinator coordinator =
        CoLib.newCoordinator();
    coordinator.add(bpt);
    CoLib.start(coordinator);
    org.apache.jena.dboe.transaction.txn.Transaction txn =
        coordinator.begin(org.apache.jena.query.TxnType.WRITE);
    try {
      // packing writes its blocks from block zero on: only an empty tree may be packed
      if (!bpt.isEmpty())
        throw new RuralKgException(
            "index "
                + bpt.getComponentId().label()
                + " is not empty; a sorted load needs a new store");
      BPlusTreeRewriter.packIntoBPlusTree(
          records,
          bpt.getParams(),
          bpt.getRecordFactory(),
          bpt.getStateManager().getBufferChannel(),
          bpt.getNodeManager().getBlockMgr(),
          bpt.getRecordsMgr().getBlockMgr());
      txn.commit();
    } catch (RuntimeException | Error e) {
      txn.abort();
      throw e;
    } finally {
      txn.end();
    }
  }

  private Path writeRun(String name, Iterator<long[]> rows, int columns) throws IOException {
    Path run = scratch.resolve(name + ".run");
    try (FileChannel ch =
        FileChannel.open(
            run,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer bb = ByteBuffer.allocate(columns * 8 * 8192);
      while (rows.hasNext()) {
        if (!bb.hasRemaining()) drain(bb, ch);
        for (long id : rows.next()) bb.putLong(id);
      }
      drain(bb, ch);
    }
    return run;
  }

  private static void drain(ByteBuffer bb, FileChannel ch) throws IOException {
    bb.flip();
    while (bb.hasRemaining()) ch.write(bb);
    bb.clear();
  }

  private void deleteScratch() {
    try {
      Folders.deleteTree(scratch);
    } catch (IOException e) {
      LOG.warn("{}: cannot delete the loader's scratch files: {}", scratch, e.getMessage());
    }
  }

  /** Test hook: sorts as if the ranks were too wide to pack (the path of very large stores). */
  static volatile boolean wideRanks;

  /** Test hook: runs on the node table thread before each block (to inject a failure there). */
  static volatile Runnable nodeStageFault;

  /**
   * Jena's DataBatcher and DataToTuples in one: batches the stream and, on its own thread, gives
   * each node its id in the node table (one write transaction) and writes the tuples' rows. Unlike
   * DataToTuples, whose thread swallows exceptions and dies on an Error (the InternalError of a
   * mapped write on a full disk) leaving the stream's caller parked forever, every failure of the
   * thread reaches the caller: at its next block or at the end.
   */
  private final class NodeStage extends org.apache.jena.riot.system.StreamRDFBase {
    private static final int BLOCK = 10_000;
    private static final int QUEUED_BLOCKS = 10;
    // 128 Ki nodes: the vocabulary and an article's worth of its own nodes, a few MB of them held
    private static final int CACHE_BITS = 17;
    private final Node[] cachedNodes = new Node[1 << CACHE_BITS];
    private final long[] cachedIds = new long[1 << CACHE_BITS];
    private final int[] cachedNumbers = new int[1 << CACHE_BITS];
    private final long nodeLimit = rankedNodes(Runtime.getRuntime().maxMemory());
    private final int deferredLimit = deferredNodes(Runtime.getRuntime().maxMemory());
    private final byte[] idBytes = new byte[NodeId.SIZE];
    private long cacheMisses;
    private final Block end = new Block(List.of(), List.of());
    private final java.util.concurrent.BlockingQueue<Block> queue =
        new java.util.concurrent.ArrayBlockingQueue<>(QUEUED_BLOCKS);
    private final ExecutorService thread =
        Executors.newSingleThreadExecutor(DaemonThreads.named("ruralkg-nodes"));
    private Future<?> running;
    private List<org.apache.jena.graph.Triple> pendingTriples = new ArrayList<>();
    private List<org.apache.jena.sparql.core.Quad> pendingQuads = new ArrayList<>();
    long countTriples;
    long countQuads;

    private record Block(
        List<org.apache.jena.graph.Triple> triples, List<org.apache.jena.sparql.core.Quad> quads) {}

    void startThread() {
      running =
          thread.submit(
              () -> {
                run();
                return null;
              });
    }

    @Override
    public void triple(org.apache.jena.graph.Triple t) {
      pendingTriples.add(t);
      countTriples++;
      if (pendingTriples.size() + pendingQuads.size() >= BLOCK) dispatch();
    }

    @Override
    public void quad(org.apache.jena.sparql.core.Quad q) {
      if (q.isTriple() || q.isDefaultGraph()) {
        triple(q.asTriple());
        return;
      }
      pendingQuads.add(q);
      countQuads++;
      if (pendingTriples.size() + pendingQuads.size() >= BLOCK) dispatch();
    }

    private void dispatch() {
      put(new Block(pendingTriples, pendingQuads));
      pendingTriples = new ArrayList<>();
      pendingQuads = new ArrayList<>();
    }

    /** Hands a block to the thread, never waiting on a thread that has stopped. */
    private void put(Block b) {
      try {
        while (!queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          if (running.isDone()) {
            awaitThread();
            throw new RuralKgException("the node table stage stopped before the end of the data");
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RuralKgException("interrupted while loading", e);
      }
    }

    /** Sends the last block and the end, waits for the thread and throws its failure, if any. */
    void end() {
      try {
        if (!pendingTriples.isEmpty() || !pendingQuads.isEmpty()) dispatch();
        put(end);
        awaitThread();
      } finally {
        thread.shutdownNow();
      }
    }

    private void awaitThread() {
      try {
        running.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RuralKgException("interrupted while loading", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) throw re;
        if (cause instanceof Error err && !(err instanceof InternalError)) throw err;
        throw new RuralKgException(
            "the node table stage failed: "
                + cause.getClass().getSimpleName()
                + ": "
                + Store.oneLine(cause),
            cause);
      }
    }

    /**
     * The node's id, from a direct-mapped cache of nodes met before, else from the node table
     * (allocating it), whose own cache costs several times more a lookup; numbers the id while the
     * load's nodes fit {@link #rankedNodes}.
     */
    private long id(NodeAllocator nodeTable, Node n, int column) {
      int slot = (n.hashCode() * 0x9E3779B9) >>> (32 - CACHE_BITS);
      Node cached = cachedNodes[slot];
      if (cached != n && (cached == null || !cached.equals(n))) {
        NodeIdFactory.set(nodeTable.allocate(n), idBytes, 0);
        long id = Bytes.getLong(idBytes, 0);
        cachedNodes[slot] = n;
        cachedIds[slot] = id;
        cacheMisses++;
        if (numbers != null) {
          cachedNumbers[slot] = numbers.number(id);
          if (numbers.size() > nodeLimit) {
            LOG.info("more than {} nodes: the indexes sort raw node ids", nodeLimit);
            numbers = null;
          }
        }
      }
      if (numbers != null) numbers.seen(cachedNumbers[slot], column);
      return cachedIds[slot];
    }

    private void run() throws InterruptedException {
      NodeTable nodeTable = dsgtdb.getQuadTable().getNodeTupleTable().getNodeTable();
      org.apache.jena.dboe.transaction.txn.TransactionCoordinator coordinator =
          CoLib.newCoordinator();
      CoLib.add(coordinator, nodeTable);
      CoLib.start(coordinator);
      org.apache.jena.dboe.transaction.txn.Transaction txn =
          coordinator.begin(org.apache.jena.query.TxnType.WRITE);
      boolean committed = false;
      NodeAllocator allocator;
      try {
        allocator = NodeAllocator.of(nodeTable, deferredLimit);
        long[] triple = new long[3];
        long[] quad = new long[4];
        for (Block b = queue.take(); b != end; b = queue.take()) {
          Runnable fault = nodeStageFault;
          if (fault != null) fault.run();
          for (org.apache.jena.graph.Triple t : b.triples()) {
            triple[0] = id(allocator, t.getSubject(), 4);
            triple[1] = id(allocator, t.getPredicate(), 5);
            triple[2] = id(allocator, t.getObject(), 6);
            triples.write(triple);
          }
          for (org.apache.jena.sparql.core.Quad q : b.quads()) {
            quad[0] = id(allocator, q.getGraph(), 0);
            quad[1] = id(allocator, q.getSubject(), 1);
            quad[2] = id(allocator, q.getPredicate(), 2);
            quad[3] = id(allocator, q.getObject(), 3);
            quads.write(quad);
          }
        }
        LOG.info(
            "node stage: {} nodes numbered, {} of {} looked up in the node table{}{}",
            numbers != null ? numbers.size() : -1,
            cacheMisses,
            countTriples * 3 + countQuads * 4,
            allocator.inline() ? " (past its cache)" : "",
            allocator.deferring() ? ", hash index packed afterwards" : "");
        txn.commit();
        committed = true;
      } finally {
        if (!committed) {
          try {
            txn.abort();
          } catch (RuntimeException | Error e) {
            LOG.debug("abort of the node table transaction failed", e);
          }
        }
        try {
          txn.end();
        } catch (RuntimeException | Error e) {
          if (committed) throw e;
        }
      }
      allocator.finish();
    }
  }

  /**
   * Allocates node ids as the store's node table does, without its cache when that is Jena's plain
   * stack ({@link NodeTableInline} over {@link NodeTableCache} over the table on disk): a new node
   * costs two cache puts and evictions there, and the node stage's own cache already answers nodes
   * met before. The cache does not learn this load's nodes, which is harmless: the loader's dataset
   * object is discarded afterwards. With that stack over an empty node table, the hash-to-id index
   * is a {@link DeferredNodeIndex} over the table's B+tree until {@link #finish} packs it. Not
   * thread-safe: used by the node stage alone.
   */
  record NodeAllocator(NodeTable table, boolean inline, DeferredNodeIndex deferred) {
    /**
     * The allocator for a node table; inside the node stage's write transaction (an empty tree is
     * only known there). {@code maxDeferred}: entries held in memory before they go to the tree (0:
     * none, every new node goes to the tree at once).
     */
    static NodeAllocator of(NodeTable top, int maxDeferred) {
      if (top instanceof NodeTableInline
          && top.wrapped() instanceof NodeTableCache cache
          && cache.wrapped() != null
          && cache.wrapped().wrapped() == null) {
        if (maxDeferred > 0
            && cache.wrapped() instanceof NodeTableTRDF base
            && base.getIndex() instanceof BPlusTree tree
            && tree.isEmpty()) {
          DeferredNodeIndex deferred = new DeferredNodeIndex(tree, maxDeferred);
          return new NodeAllocator(new NodeTableTRDF(deferred, base.getData()), true, deferred);
        }
        return new NodeAllocator(cache.wrapped(), true, null);
      }
      // any other stack: as it is
      return new NodeAllocator(top, false, null);
    }

    /** True while new nodes' index entries wait in memory for {@link #finish}. */
    boolean deferring() {
      return deferred != null && !deferred.spilled();
    }

    /**
     * Packs the deferred index entries into the node table's empty B+tree, in a transaction of that
     * tree alone (after the node stage's own commit), as xloader builds its node index.
     */
    void finish() {
      if (deferring()) packInto(deferred.tree(), deferred.sortedRecords());
    }

    NodeId allocate(Node n) {
      if (inline) {
        // what NodeTableInline does before asking the table below it
        NodeId id = NodeId.inline(n);
        if (id != null) return id;
      }
      return table.getAllocateNodeId(n);
    }
  }

  /**
   * The node ids of every tuple, in arrival order, as raw longs; written on the node table thread.
   * Its {@link #ranks()} file holds the same rows as column ranks ({@link NodeNumbers}), as ints.
   */
  private static final class RowFile {
    private final Path path;
    private final int firstColumn;
    private final int columns;
    private final ByteBuffer buffer;
    private FileChannel out;
    private long rows;

    /**
     * @param firstColumn the {@link NodeNumbers} column of the rows' first column
     */
    RowFile(Path path, int firstColumn, int columns) {
      this.path = path;
      this.firstColumn = firstColumn;
      this.columns = columns;
      this.buffer = ByteBuffer.allocate(columns * 8 * 8192);
    }

    Path path() {
      return path;
    }

    Path ranks() {
      return path.resolveSibling(path.getFileName() + ".ranks");
    }

    int firstColumn() {
      return firstColumn;
    }

    int columns() {
      return columns;
    }

    long rows() {
      return rows;
    }

    void open() throws IOException {
      out =
          FileChannel.open(
              path,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
    }

    void write(long[] row) {
      try {
        if (!buffer.hasRemaining()) drain(buffer, out);
        for (long id : row) buffer.putLong(id);
        rows++;
      } catch (IOException e) {
        throw new UncheckedIOException(path + ": " + e.getMessage(), e);
      }
    }

    void close() throws IOException {
      if (out == null) return;
      try {
        drain(buffer, out);
      } finally {
        out.close();
        out = null;
      }
    }
  }

  /**
   * Rows {@code [first, first + n)} of a row file of ints (ranks) or longs (node ids), read a block
   * at a time.
   */
  private static final class RowBlocks {
    private static final int ROWS = 8192;
    final int[] ints;
    final long[] longs;
    private final FileChannel ch;
    private final int columns;
    private final int width;
    private final ByteBuffer bb;
    private long position;
    private long left;

    /**
     * @param width bytes a value: 4 or 8
     */
    RowBlocks(FileChannel ch, int columns, int width, long first, long n) {
      this.ch = ch;
      this.columns = columns;
      this.width = width;
      this.ints = width == 4 ? new int[ROWS * columns] : new int[0];
      this.longs = width == 8 ? new long[ROWS * columns] : new long[0];
      this.bb = ByteBuffer.allocate(ROWS * columns * width);
      this.position = first * columns * width;
      this.left = n;
    }

    /** Reads the next rows into {@link #ints} or {@link #longs}; how many (0 at the end). */
    int next() throws IOException {
      int n = (int) Math.min(ROWS, left);
      if (n == 0) return 0;
      bb.clear().limit(n * columns * width);
      while (bb.hasRemaining()) {
        int read = ch.read(bb, position);
        if (read < 0) throw new IOException("a row file ends early");
        position += read;
      }
      bb.flip();
      if (width == 4) bb.asIntBuffer().get(ints, 0, n * columns);
      else bb.asLongBuffer().get(longs, 0, n * columns);
      left -= n;
      return n;
    }
  }

  /** The rows of a {@link BucketSort} as node ids; hands out one reused row array. */
  private static final class BucketRows implements Iterator<long[]> {
    private final BucketSort.Cursor cursor;
    private final long[][] ids;
    private final long[] row;
    private int left;

    BucketRows(BucketSort sort, long[][] ids) {
      this.cursor = sort.read();
      this.ids = ids;
      this.row = new long[ids.length];
      this.left = sort.rows();
    }

    @Override
    public boolean hasNext() {
      return left > 0;
    }

    @Override
    public long[] next() {
      if (!hasNext()) throw new NoSuchElementException();
      left--;
      int[] ranks = cursor.next();
      for (int c = 0; c < row.length; c++) row[c] = ids[c][ranks[c]];
      return row;
    }
  }

  /** Sorted rows of ranks (or ids) in memory, as node ids; hands out one reused row array. */
  private static final class RankRows implements Iterator<long[]> {
    private final long[] rows;
    private final int count;
    private final long[][] ids;
    private final long[] row;
    private int next;

    /** {@code ids} null: the rows hold the ids themselves. */
    RankRows(long[] rows, int count, long[][] ids, int columns) {
      this.rows = rows;
      this.count = count;
      this.ids = ids;
      this.row = new long[columns];
    }

    @Override
    public boolean hasNext() {
      return next < count;
    }

    @Override
    public long[] next() {
      if (!hasNext()) throw new NoSuchElementException();
      int base = next++ * row.length;
      if (ids == null) System.arraycopy(rows, base, row, 0, row.length);
      else for (int c = 0; c < row.length; c++) row[c] = ids[c][(int) rows[base + c]];
      return row;
    }
  }

  /** One sorted run file, read a block at a time. */
  private static final class RunReader implements AutoCloseable {
    private final FileChannel ch;
    private final ByteBuffer bb = ByteBuffer.allocate(1 << 16);
    private final long[] row;

    RunReader(Path run, int columns) throws IOException {
      this.ch = FileChannel.open(run, StandardOpenOption.READ);
      this.row = new long[columns];
      bb.limit(0);
    }

    /** Reads the next row into {@link #row}; false at the end. */
    boolean advance() {
      int bytes = row.length * 8;
      try {
        if (bb.remaining() < bytes) {
          bb.compact();
          while (bb.hasRemaining() && ch.read(bb) >= 0) {
            // fill the buffer or reach the end
          }
          bb.flip();
          if (bb.remaining() < bytes) return false;
        }
        for (int c = 0; c < row.length; c++) row[c] = bb.getLong();
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read a sorted run: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }

  /** The merge of sorted runs, in key order. */
  private static final class MergedRows implements Iterator<long[]> {
    private final PriorityQueue<RunReader> heads;
    private final long[] row;
    private RunReader pending;

    MergedRows(List<RunReader> runs, int columns) {
      this.heads =
          new PriorityQueue<>(Math.max(1, runs.size()), (a, b) -> RadixSort.compare(a.row, b.row));
      this.row = new long[columns];
      for (RunReader r : runs) if (r.advance()) heads.add(r);
    }

    @Override
    public boolean hasNext() {
      if (pending != null) {
        if (pending.advance()) heads.add(pending);
        pending = null;
      }
      return !heads.isEmpty();
    }

    @Override
    public long[] next() {
      if (!hasNext()) throw new NoSuchElementException();
      RunReader r = heads.poll();
      System.arraycopy(r.row, 0, row, 0, row.length);
      pending = r;
      return row;
    }
  }
}
