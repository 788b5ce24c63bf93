package org.w3id.ruralkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ruralkg.bench.LongLines;
import org.w3id.ruralkg.common.Printable;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.nlp.Sentence;
import org.w3id.ruralkg.nlp.SentenceSplitter;

/**
 * Findings 9 and 12 of the security review, the parts that need no store: sentence caps and what
 * the input scan reads.
 */
class HostileInputTest {
  @TempDir Path dir;

  @Test
  void aParagraphWithoutSentenceEndsIsCutIntoBoundedSentencesThatCoverIt() {
    String page = LongLines.page(200_000, 7);
    String para = page.substring(page.indexOf("\n\n") + 2, page.length() - 1);
    List<Sentence> sentences = SentenceSplitter.split(para, 100);
    assertTrue(
        sentences.size() >= 200,
        "200,000 chars make at least 200 sentences, got " + sentences.size());
    int covered = 0;
    for (Sentence s : sentences) {
      assertTrue(
          s.text().length() <= SentenceSplitter.MAX_CHARS,
          "sentence of " + s.text().length() + " chars");
      assertEquals(para.substring(s.start() - 100, s.end() - 100), s.text());
      covered += s.text().length();
    }
    assertTrue(
        covered > para.length() - sentences.size() * 2,
        "the pieces cover the paragraph (but trimmed spaces)");
    // the synthetic text has commas and spaces: cuts land after one of them, not mid-word
    long atSeparator =
        sentences.stream()
            .limit(sentences.size() - 1)
            .filter(
                s ->
                    "，,、：:".indexOf(para.charAt(s.end() - 100 - 1)) >= 0
                        || para.charAt(s.end() - 100) == ' ')
            .count();
    assertEquals(sentences.size() - 1, atSeparator);
    assertEquals(1, SentenceSplitter.overlongRuns(para));
  }

  @Test
  void ordinarySentencesAreNotCut() {
    String text =
        "巧家县带动3569户增收1.12万元，发展草莓种植。" + "村".repeat(SentenceSplitter.MAX_CHARS - 1) + "！最后一句";
    List<Sentence> s = SentenceSplitter.split(text, 0);
    assertEquals(
        List.of(
            "巧家县带动3569户增收1.12万元，发展草莓种植。", "村".repeat(SentenceSplitter.MAX_CHARS - 1) + "！", "最后一句"),
        s.stream().map(Sentence::text).toList());
    assertEquals(0, SentenceSplitter.overlongRuns(text));
  }

  @Test
  void aRunWithoutCommaOrSpaceIsCutAtTheLimitNeverInsideASurrogatePair() {
    String run = "村".repeat(SentenceSplitter.MAX_CHARS - 1) + "𠀀" + "村".repeat(10);
    List<Sentence> s = SentenceSplitter.split(run, 0);
    assertEquals(2, s.size());
    assertEquals(SentenceSplitter.MAX_CHARS - 1, s.get(0).text().length());
    assertTrue(s.get(1).text().startsWith("𠀀"));
  }

  @Test
  void aSymlinkOutOfTheInputFolderIsNeverRead() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path secret =
        Files.writeString(dir.resolve("secret.txt"), "root:x:0:0", StandardCharsets.UTF_8);
    Files.writeString(in.resolve("page.txt"), "正文", StandardCharsets.UTF_8);
    Files.createSymbolicLink(in.resolve("x.txt"), secret);
    Files.createSymbolicLink(in.resolve("up"), dir);
    for (boolean follow : new boolean[] {false, true}) {
      InputScan scan = InputScan.scan(in, follow);
      assertEquals(
          List.of("page.txt"),
          scan.files().stream().map(InputFile::relativePath).toList(),
          "follow " + follow);
      assertTrue(
          scan.skipped().stream().anyMatch(f -> f.file().equals("x.txt")),
          "reported: " + scan.skipped());
      assertTrue(
          scan.skipped().stream().anyMatch(f -> f.file().equals("up")),
          "reported: " + scan.skipped());
    }
    assertTrue(
        InputScan.scan(in, true).skipped().stream()
            .anyMatch(
                f -> f.file().equals("x.txt") && f.reason().contains("outside the input folder")));
  }

  @Test
  void aSymlinkInsideTheInputFolderIsFollowedOnlyWhenAsked() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path real = Files.createDirectories(in.resolve("real"));
    Files.writeString(real.resolve("a.txt"), "正文", StandardCharsets.UTF_8);
    Files.createSymbolicLink(in.resolve("b.txt"), real.resolve("a.txt"));
    Files.createSymbolicLink(in.resolve("linked"), real);
    InputScan plain = InputScan.scan(in, false);
    assertEquals(
        List.of("real/a.txt"), plain.files().stream().map(InputFile::relativePath).toList());
    assertEquals(
        List.of("b.txt", "linked"),
        plain.skipped().stream().map(BuildReport.Failure::file).toList());
    assertTrue(plain.skipped().get(0).reason().contains("--follow-links"));
    InputScan followed = InputScan.scan(in, true);
    assertEquals(
        List.of("b.txt", "linked/a.txt", "real/a.txt"),
        followed.files().stream().map(InputFile::relativePath).toList());
    assertEquals(List.of(), followed.skipped());
  }

  @Test
  void aFifoIsReportedAndNeverOpened() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("page.txt"), "正文", StandardCharsets.UTF_8);
    Path fifo = in.resolve("pipe.txt");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is available");
    InputScan scan = InputScan.scan(in, false);
    assertEquals(List.of("page.txt"), scan.files().stream().map(InputFile::relativePath).toList());
    assertEquals(1, scan.skipped().size());
    assertEquals("pipe.txt", scan.skipped().get(0).file());
    assertTrue(scan.skipped().get(0).reason().contains("FIFO"));
  }

  @Test
  void fileNamesAndMessagesArePrintedEscaped() throws Exception {
    assertEquals("a\\nb\\r\\tc\\u0001d\\u202Ee", Printable.escape("a\nb\r\tc\u0001d\u202Ee"));
    assertEquals("巧家县.txt", Printable.escape("巧家县.txt"));
    assertFalse(new RuralKgException("x\n12:00:00 INFO forged").getMessage().contains("\n"));
    Path in = Files.createDirectories(dir.resolve("in"));
    Path odd = in.resolve("a\n03:00:00 WARN forged.txt");
    Process mk = new ProcessBuilder("mkfifo", odd.toString()).start();
    assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is available");
    BuildReport.Failure f = InputScan.scan(in, false).skipped().get(0);
    assertEquals("a\\n03:00:00 WARN forged.txt", f.file());
    BuildReport report = new BuildReport();
    report.failed("b\nc.txt", "b\nc.txt: empty file");
    assertEquals(
        new BuildReport.Failure("b\\nc.txt", "b\\nc.txt: empty file"), report.failed().get(0));
  }

  @Test
  void aFullDiskIsRecognisedInWhatTdb2AndTheJvmThrow() {
    assertTrue(
        Store.diskFull(
            new RuntimeException(
                "write failed", new java.io.IOException("No space left on device"))));
    assertTrue(
        Store.diskFull(
            new InternalError(
                "a fault occurred in a recent unsafe memory access operation in compiled Java code")));
    assertFalse(Store.diskFull(new IllegalStateException("boom")));
    RuralKgException e =
        Store.noSpace(
            "the store",
            new InternalError("a fault occurred in a recent unsafe memory access operation"));
    assertTrue(
        e.getMessage().startsWith("no space left on the device of the store (InternalError: "),
        e.getMessage());
  }

  @Test
  void theCapsNeverBiteOnTheSeedPages() throws Exception {
    // so their sentences, paragraphs and facts are those of the splitters without caps
    org.w3id.ruralkg.source.PageReader reader = org.w3id.ruralkg.app.Extraction.shared().reader();
    try (var files = Files.list(Path.of("seeds"))) {
      for (Path f : files.toList()) {
        var page = reader.read(f);
        assertEquals(0, SentenceSplitter.overlongRuns(page.text()), f.toString());
        for (var a : page.articles()) {
          for (var p : a.paragraphs())
            assertTrue(
                p.text().length() < org.w3id.ruralkg.source.PageSplitter.MAX_PARAGRAPH_CHARS / 2,
                f + ": " + p.text().length());
        }
      }
    }
  }

  @Test
  void anInputFolderGivenAsALinkIsReadThroughIt() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Files.writeString(real.resolve("a.txt"), "正文", StandardCharsets.UTF_8);
    Path link = Files.createSymbolicLink(dir.resolve("in"), real);
    assertEquals(
        List.of("a.txt"),
        InputScan.scan(link, false).files().stream().map(InputFile::relativePath).toList());
  }
}
