package org.w3id.ruralkg.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.ruralkg.common.Hashes;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.store.Folders;

/**
 * The warmed saved-query responses of a store served read-only, kept on disk in the store's
 * subfolder {@value #FOLDER}, so that a restarted server answers dashboards at once instead of
 * running every query again (tens of seconds at 10,000 articles). Needs the store folder and the
 * saved queries; adds load/save of cache entries under a stamp of both: the path and size of every
 * store file but the locks, the content of the small ones (TDB2's B+tree roots, Lucene's commit
 * points) and the modification time of the large ones, the text of every saved query and the
 * ruralkg version. A new stamp starts empty and the responses of other stamps are deleted. Disk
 * errors are logged once and then ignored: the cache is only an optimisation. Thread-safe (each
 * response is one file, written under a temporary name and moved into place).
 */
public final class ResponseStore {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseStore.class);

  /**
   * The responses folder inside the store folder (TDB2 only claims its Data-NNNN and lock files).
   */
  public static final String FOLDER = "responses";

  private static final int MAGIC = 0x524b4731; // "RKG1"
  private static final long SMALL_FILE = 64 * 1024;

  private final Path dir;
  private volatile boolean failed;

  private ResponseStore(Path dir) {
    this.dir = dir;
  }

  /** The responses of the store at {@code storeDir} as it is now, with these saved queries. */
  public static ResponseStore open(Path storeDir, List<SavedQuery> queries, String version) {
    String stamp = stamp(storeDir, queries, version);
    Path root = storeDir.resolve(FOLDER);
    ResponseStore rs = new ResponseStore(root.resolve(stamp));
    try (Stream<Path> old = Files.exists(root) ? Files.list(root) : Stream.empty()) {
      for (Path p : old.toList())
        if (!p.getFileName().toString().equals(stamp)) Folders.deleteTree(p);
      Files.createDirectories(rs.dir);
    } catch (IOException | RuntimeException e) {
      rs.fail("cannot prepare " + rs.dir, e);
    }
    return rs;
  }

  /** The stamp of a store's current content and of the queries run on it. */
  static String stamp(Path storeDir, List<SavedQuery> queries, String version) {
    MessageDigest md = Hashes.sha256();
    update(md, "ruralkg " + version);
    try (Stream<Path> files = Files.walk(storeDir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        Path rel = storeDir.relativize(f);
        String name = f.getFileName().toString();
        if (rel.startsWith(FOLDER) || name.endsWith(".lock")) continue;
        try {
          long size = Files.size(f);
          update(md, rel + " " + size);
          // small files by content: a write transaction that changed nothing (a build that found
          // every file unchanged) rewrites TDB2's B+tree state files with the same bytes; any real
          // change gives them new roots (TDB2's trees are copy-on-write). Large files by time.
          if (size <= SMALL_FILE) md.update(Files.readAllBytes(f));
          else update(md, Long.toString(Files.getLastModifiedTime(f).toMillis()));
        } catch (NoSuchFileException gone) {
          // a Lucene file merged away meanwhile: the stamp is then one nobody reuses
        }
      }
    } catch (IOException e) {
      throw new RuralKgException(
          storeDir + ": cannot read the store's files: " + e.getMessage(), e);
    }
    for (SavedQuery q : queries) update(md, q.name() + "\n" + q.text());
    return HexFormat.of().formatHex(md.digest()).substring(0, 24);
  }

  /** The stored response for a key, or null. */
  public ResponseCache.Entry load(ResponseCache.Key key) {
    if (failed) return null;
    Path f = file(key);
    if (!Files.exists(f)) return null;
    try (InputStream in = Files.newInputStream(f);
        DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(in))) {
      if (d.readInt() != MAGIC || !d.readUTF().equals(key.toString())) return null;
      QueryApi.Format format = QueryApi.Format.valueOf(d.readUTF());
      boolean truncated = d.readBoolean();
      String etag = d.readUTF();
      byte[] body = bytes(d);
      byte[] gzip = bytes(d);
      return new ResponseCache.Entry(body, format, truncated, etag, gzip);
    } catch (IOException | RuntimeException e) {
      fail("cannot read " + f, e);
      return null;
    }
  }

  /** Keeps a response for the next server on this store. */
  public void save(ResponseCache.Key key, ResponseCache.Entry e) {
    if (failed) return;
    Path f = file(key);
    try {
      Path tmp = Files.createTempFile(dir, "r", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp);
          DataOutputStream d = new DataOutputStream(new java.io.BufferedOutputStream(out))) {
        d.writeInt(MAGIC);
        d.writeUTF(key.toString());
        d.writeUTF(e.format().name());
        d.writeBoolean(e.truncated());
        d.writeUTF(e.etag());
        writeBytes(d, e.body());
        writeBytes(d, e.gzip());
      }
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException ex) {
      fail("cannot write " + f, ex);
    }
  }

  private Path file(ResponseCache.Key key) {
    MessageDigest md = Hashes.sha256();
    update(md, key.toString());
    return dir.resolve(HexFormat.of().formatHex(md.digest()).substring(0, 32) + ".bin");
  }

  private void fail(String what, Exception e) {
    if (!failed)
      LOG.warn(
          "response store: {}: {} (responses are no longer kept on disk)", what, e.getMessage());
    failed = true;
  }

  private static byte[] bytes(DataInputStream d) throws IOException {
    int n = d.readInt();
    return n < 0 ? null : d.readNBytes(n);
  }

  private static void writeBytes(DataOutputStream d, byte[] b) throws IOException {
    d.writeInt(b == null ? -1 : b.length);
    if (b != null) d.write(b);
  }

  private static void update(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0);
  }
}
