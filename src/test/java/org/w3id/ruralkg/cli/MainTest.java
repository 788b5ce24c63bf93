package org.w3id.ruralkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on the command line: a non-zero status and one clear line on stderr, nothing on stdout.
 */
class MainTest {
  @TempDir Path tmp;

  private record Outcome(int status, String out, String err) {}

  private Outcome run(String... args) {
    PrintStream oldOut = System.out, oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int status = Main.execute(args);
      return new Outcome(
          status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void missingInputFolderIsOneClearLine() {
    Outcome o =
        run(
            "build",
            "--in",
            tmp.resolve("nope").toString(),
            "--store",
            tmp.resolve("s").toString());
    assertTrue(o.status() != 0);
    assertEquals("", o.out());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().contains("no such input folder"), o.err());
  }

  @Test
  void queryOnAMissingStoreFails() {
    Outcome o =
        run("query", "figures", "--store", tmp.resolve("nostore").toString(), "--format", "csv");
    assertTrue(o.status() != 0);
    assertTrue(o.err().contains("no such store"), o.err());
  }

  @Test
  void unknownQueryIsNamed() throws Exception {
    Path store = Files.createDirectories(tmp.resolve("s"));
    Files.createDirectories(store.resolve("Data-0001"));
    Outcome o = run("query", "no-such-query", "--store", store.toString());
    assertTrue(o.status() != 0);
    assertTrue(o.err().contains("unknown query 'no-such-query'"), o.err());
  }

  @Test
  void unknownFormatNamesTheFormatsTheApiServes() throws Exception {
    Path store = Files.createDirectories(tmp.resolve("s"));
    Files.createDirectories(store.resolve("Data-0001"));
    Outcome o = run("query", "programmes", "--store", store.toString(), "--format", "xml");
    assertTrue(o.status() != 0);
    assertEquals("", o.out());
    assertTrue(o.err().contains("unknown format 'xml' (json, rows, csv or tsv)"), o.err());
  }
}
