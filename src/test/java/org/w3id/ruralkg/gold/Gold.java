package org.w3id.ruralkg.gold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/**
 * The seed dev gold, as test resources (src/test/resources/gold: the three seed pages' gold files
 * and the annotation guide, SPEC.md): the gold tests read it from the classpath, so they run, and
 * fail when a score drops below its floor, wherever the repository is cloned. A missing file fails
 * the test; nothing is skipped.
 */
public final class Gold {
  /** The stems of the seed pages that have gold (seeds/STEM.txt, gold/STEM.gold.json). */
  public static final List<String> STEMS =
      List.of("000_08c3608711e2fccf", "001_9a9fe845a7e3c4ef", "002_aedb5b44c12a09f5");

  private static final ObjectMapper JSON = new ObjectMapper();

  private Gold() {}

  /** The gold of one seed page. */
  public static JsonNode file(String stem) {
    try (InputStream in = Gold.class.getResourceAsStream("/gold/" + stem + ".gold.json")) {
      if (in == null)
        throw new AssertionError(
            "gold/" + stem + ".gold.json is not on the test classpath (src/test/resources/gold)");
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new AssertionError("gold/" + stem + ".gold.json unreadable: " + e.getMessage(), e);
    }
  }

  /** The stem of the seed whose name starts with {@code prefix} ("000"). */
  public static String stem(String prefix) {
    return STEMS.stream()
        .filter(s -> s.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no gold seed " + prefix));
  }

  /** The gold folder on the test classpath, for tools that list it. */
  public static Path dir() {
    URL url = Gold.class.getResource("/gold/SPEC.md");
    if (url == null)
      throw new AssertionError(
          "gold/SPEC.md is not on the test classpath (src/test/resources/gold)");
    try {
      return Path.of(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }
}
