package org.w3id.ruralkg.store;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.system.progress.ProgressMonitor;
import org.apache.jena.system.progress.ProgressMonitorOutput;
import org.apache.jena.tdb2.loader.base.CoLib;
import org.apache.jena.tdb2.loader.base.LoaderBase;
import org.apache.jena.tdb2.loader.main.Destination;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
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
 * BPlusTreeRewriter}. Jena's phased and parallel loaders insert row after row into each B+tree
 * instead, which is most of their time. Afterwards the dataset object is stale: the caller must
 * expel it from TDB2's connection cache before the store is opened again. Not thread-safe (one
 * stream); runs its own threads: Jena's node table thread and one per index being built.
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
  private final NodeStage nodes;
  // what has to be undone if loading stops half-way
  private boolean exclusive;
  private boolean streaming;

  /**
   * @param scratch a folder for the tuple rows and sorted runs (created, and deleted at the end)
   * @param threads indexes built at once
   * @param rowsPerRun rows sorted in memory at once by each thread (two arrays of rows x 4 longs)
   */
  SortedLoader(DatasetGraph dsg, Path scratch, int threads, int rowsPerRun, MonitorOutput output) {
    super(dsg, null, output);
    this.dsgtdb = TDBInternal.getDatasetGraphTDB(dsg);
    this.scratch = scratch;
    this.threads = Math.max(1, threads);
    this.rowsPerRun = Math.max(2, rowsPerRun);
    this.triples = new RowFile(scratch.resolve("triples.rows"), 3);
    this.quads = new RowFile(scratch.resolve("quads.rows"), 4);
    this.nodes = new NodeStage();
  }

  /**
   * Rows per run that keep all threads' sort arrays within an eighth of the heap: the rest holds
   * the extraction's dictionaries and TDB2's node caches, and a 10,000-article build ran out of a 1
   * GB heap with a quarter.
   */
  static int rowsPerRun(int threads) {
    long budget = Runtime.getRuntime().maxMemory() / 8 / Math.max(1, threads);
    return (int) Math.min(Integer.MAX_VALUE / 8, Math.max(1 << 16, budget / (4 * 8 * 2)));
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
      buildIndexes(
          dsgtdb.getTripleTable().getNodeTupleTable().getTupleTable().getIndexes(),
          TRIPLE_ORDER,
          triples);
      buildIndexes(
          dsgtdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes(),
          QUAD_ORDER,
          quads);
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
   * Builds each index of one table from the rows, in {@code order} (the tuples' own column order).
   */
  private void buildIndexes(TupleIndex[] indexes, String order, RowFile rows) throws IOException {
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
                  buildIndex(order, rows, (TupleIndexRecord) index);
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
  private void buildIndex(String order, RowFile rows, TupleIndexRecord index) throws IOException {
    String name = index.getName();
    int columns = name.length();
    // column c of this index is column from[c] of the rows
    int[] from = new int[columns];
    for (int c = 0; c < columns; c++) from[c] = order.indexOf(name.charAt(c));
    List<Path> runs = new ArrayList<>();
    long total = rows.rows();
    long[] buf = new long[(int) Math.min(total, rowsPerRun) * columns];
    long[] tmp = new long[buf.length];
    int inRun = 0;
    long read = 0;
    int rowBytes = columns * 8;
    try (InputStream in = Files.newInputStream(rows.path())) {
      byte[] block = new byte[rowBytes * 8192];
      ByteBuffer bb = ByteBuffer.wrap(block);
      while (read < total) {
        int want = (int) Math.min(block.length, (total - read) * rowBytes);
        if (in.readNBytes(block, 0, want) != want)
          throw new IOException(rows.path() + ": ends early");
        for (int off = 0; off < want; off += rowBytes) {
          int base = inRun * columns;
          for (int c = 0; c < columns; c++) buf[base + c] = bb.getLong(off + from[c] * 8);
          inRun++;
          read++;
          if (inRun * columns == buf.length && read < total) {
            RadixSort.sort(buf, tmp, inRun, columns);
            runs.add(writeRun(name + "-" + runs.size(), buf, inRun * columns));
            inRun = 0;
          }
        }
      }
    }
    RadixSort.sort(buf, tmp, inRun, columns);
    tmp = null;
    List<RunReader> readers = new ArrayList<>();
    try {
      Iterator<long[]> sorted;
      if (runs.isEmpty()) {
        sorted = new ArrayRows(buf, inRun, columns);
      } else {
        runs.add(writeRun(name + "-" + runs.size(), buf, inRun * columns));
        buf = null;
        for (Path run : runs) readers.add(new RunReader(run, columns));
        sorted = new MergedRows(readers, columns);
      }
      pack(index, sorted, columns);
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
    CoLib.executeWrite(
        index,
        () -> {
          // packing writes its blocks from block zero on: only an empty tree may be packed
          if (!bpt.isEmpty())
            throw new RuralKgException(
                "index " + index.getName() + " is not empty; a sorted load needs a new store");
          BPlusTreeRewriter.packIntoBPlusTree(
              records,
              bpt.getParams(),
              factory,
              bpt.getStateManager().getBufferChannel(),
              bpt.getNodeManager().getBlockMgr(),
              bpt.getRecordsMgr().getBlockMgr());
        });
  }

  private Path writeRun(String name, long[] rows, int longs) throws IOException {
    Path run = scratch.resolve(name + ".run");
    try (FileChannel ch =
        FileChannel.open(
            run,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer bb = ByteBuffer.allocate(1 << 20);
      for (int i = 0; i < longs; i++) {
        if (!bb.hasRemaining()) drain(bb, ch);
        bb.putLong(rows[i]);
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

    private void run() throws InterruptedException {
      org.apache.jena.tdb2.store.nodetable.NodeTable nodeTable =
          dsgtdb.getQuadTable().getNodeTupleTable().getNodeTable();
      org.apache.jena.dboe.transaction.txn.TransactionCoordinator coordinator =
          CoLib.newCoordinator();
      CoLib.add(coordinator, nodeTable);
      CoLib.start(coordinator);
      org.apache.jena.dboe.transaction.txn.Transaction txn =
          coordinator.begin(org.apache.jena.query.TxnType.WRITE);
      boolean committed = false;
      try {
        for (Block b = queue.take(); b != end; b = queue.take()) {
          Runnable fault = nodeStageFault;
          if (fault != null) fault.run();
          List<Tuple<NodeId>> ts = new ArrayList<>(b.triples().size());
          for (org.apache.jena.graph.Triple t : b.triples()) {
            ts.add(
                org.apache.jena.atlas.lib.tuple.TupleFactory.tuple(
                    nodeTable.getAllocateNodeId(t.getSubject()),
                    nodeTable.getAllocateNodeId(t.getPredicate()),
                    nodeTable.getAllocateNodeId(t.getObject())));
          }
          if (!ts.isEmpty()) triples.deliver(ts);
          List<Tuple<NodeId>> qs = new ArrayList<>(b.quads().size());
          for (org.apache.jena.sparql.core.Quad q : b.quads()) {
            qs.add(
                org.apache.jena.atlas.lib.tuple.TupleFactory.tuple(
                    nodeTable.getAllocateNodeId(q.getGraph()),
                    nodeTable.getAllocateNodeId(q.getSubject()),
                    nodeTable.getAllocateNodeId(q.getPredicate()),
                    nodeTable.getAllocateNodeId(q.getObject())));
          }
          if (!qs.isEmpty()) quads.deliver(qs);
        }
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
    }
  }

  /**
   * The node ids of every tuple, in arrival order, as raw longs; written on the node table thread.
   */
  private static final class RowFile implements Destination<Tuple<NodeId>> {
    private final Path path;
    private final int columns;
    private final byte[] id = new byte[8];
    private DataOutputStream out;
    private long rows;

    RowFile(Path path, int columns) {
      this.path = path;
      this.columns = columns;
    }

    Path path() {
      return path;
    }

    long rows() {
      return rows;
    }

    void open() throws IOException {
      out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 20));
    }

    @Override
    public void deliver(List<Tuple<NodeId>> block) {
      try {
        for (Tuple<NodeId> t : block) {
          for (int c = 0; c < columns; c++) {
            NodeIdFactory.set(t.get(c), id, 0);
            out.write(id);
          }
          rows++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(path + ": " + e.getMessage(), e);
      }
    }

    void close() throws IOException {
      if (out != null) out.close();
      out = null;
    }
  }

  /** Sorted rows of an in-memory run; hands out one reused row array. */
  private static final class ArrayRows implements Iterator<long[]> {
    private final long[] rows;
    private final int count;
    private final long[] row;
    private int next;

    ArrayRows(long[] rows, int count, int columns) {
      this.rows = rows;
      this.count = count;
      this.row = new long[columns];
    }

    @Override
    public boolean hasNext() {
      return next < count;
    }

    @Override
    public long[] next() {
      if (!hasNext()) throw new NoSuchElementException();
      System.arraycopy(rows, next++ * row.length, row, 0, row.length);
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
