package org.w3id.ruralkg.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * The saved queries: read from a queries/ folder when one is given (so an edited query takes effect
 * at once), else from the copy packaged in the jar; {@link QueryApi} runs them. Thread-safe.
 */
public final class SavedQueries {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
  private final Path dir;

  /**
   * @param dir the queries folder, or null to use the packaged queries only
   */
  public SavedQueries(Path dir) {
    this.dir = dir != null && Files.isDirectory(dir) ? dir : null;
  }

  public List<String> names() {
    TreeSet<String> names = new TreeSet<>();
    if (dir != null) {
      try (var s = Files.list(dir)) {
        s.map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".rq"))
            .forEach(n -> names.add(n.substring(0, n.length() - 3)));
      } catch (IOException e) {
        throw new RuralKgException(dir + ": cannot list queries: " + e.getMessage(), e);
      }
    } else {
      String index = resource("queries/index.txt");
      if (index != null) for (String l : index.split("\n")) if (!l.isBlank()) names.add(l.trim());
    }
    return new ArrayList<>(names);
  }

  public SavedQuery get(String name) {
    if (!NAME.matcher(name).matches()) throw new RuralKgException("unknown query '" + name + "'");
    String text = null;
    try {
      if (dir != null && Files.isRegularFile(dir.resolve(name + ".rq")))
        text = Files.readString(dir.resolve(name + ".rq"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RuralKgException("cannot read query " + name + ": " + e.getMessage(), e);
    }
    if (text == null) text = resource("queries/" + name + ".rq");
    if (text == null)
      throw new RuralKgException(
          "unknown query '" + name + "' (known: " + String.join(", ", names()) + ")");
    return SavedQuery.parse(name, text);
  }

  private static String resource(String path) {
    try (InputStream in = SavedQueries.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
