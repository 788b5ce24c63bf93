package org.w3id.ruralkg.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the linguistic knowledge that ships as text under {@code /lexicon/} (in the spirit of
 * Lucene's {@code WordlistLoader}): UTF-8, one entry per line, tab-separated fields, {@code #}
 * starts a comment, blank lines ignored. A linguist extends these files without touching Java.
 * Stateless; thread-safe.
 */
public final class Wordlist {
  private Wordlist() {}

  /** The rows of {@code /lexicon/NAME}, each split at tabs and trimmed. */
  public static List<String[]> rows(String name) {
    String path = "/lexicon/" + name;
    try (InputStream in = Wordlist.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("missing lexicon resource " + path);
      List<String[]> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        int hash = line.indexOf('#');
        if (hash >= 0) line = line.substring(0, hash);
        if (line.isBlank()) continue;
        String[] f = line.split("\t");
        for (int i = 0; i < f.length; i++) f[i] = f[i].strip();
        out.add(f);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lexicon " + path, e);
    }
  }

  /** The first field of every row of {@code /lexicon/NAME}, in file order. */
  public static Set<String> words(String name) {
    Set<String> out = new LinkedHashSet<>();
    for (String[] f : rows(name)) out.add(f[0]);
    return out;
  }

  /** The first field of the rows whose second field is {@code tag}. */
  public static Set<String> words(String name, String tag) {
    Set<String> out = new LinkedHashSet<>();
    for (String[] f : rows(name)) if (f.length > 1 && f[1].equals(tag)) out.add(f[0]);
    return out;
  }
}
