package org.w3id.ruralkg.extract.figure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3id.ruralkg.extract.Quantity;
import org.w3id.ruralkg.gold.Gold;
import org.w3id.ruralkg.gold.GoldScore;
import org.w3id.ruralkg.nlp.Sentence;
import org.w3id.ruralkg.nlp.SentenceSplitter;

/**
 * Compares the figure recognisers with the gold figures of the seeds, matching the way
 * ../shared/eval/score.py does (same quantity and the gold context inside the sentence; then the
 * same number with other boundaries). {@link FigureGoldReportTest} asserts the numbers; to print
 * them with every miss and difference: {@code mvn -B -q -o test-compile dependency:build-classpath
 * -Dmdep.outputFile=cp.txt && java -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.w3id.ruralkg.extract.figure.FigureGoldReport} (the seed gold of the test resources; or pass a
 * gold folder and a folder of its texts, or one .txt path to list every figure found in it).
 */
final class FigureGoldReport {
  record Row(Quantity q, String sentence, String metric, Integer year) {}

  record Score(
      int gold,
      int system,
      int matched,
      int value,
      int unit,
      int qualifier,
      int metric,
      int yearOk,
      int yearN,
      List<String> notes) {
    /**
     * Recall and precision of the figures themselves (the attributes are counted on the matched
     * ones).
     */
    GoldScore figures() {
      return GoldScore.ofCounts("figures", gold, system, matched);
    }
  }

  private final QuantityParser parser = new QuantityParser();
  private final MetricClassifier classifier = new MetricClassifier();
  private final YearFinder years = new YearFinder();

  List<Row> extract(String text) {
    List<Row> rows = new ArrayList<>();
    for (String para : text.split("\n", -1)) {
      for (Sentence s : SentenceSplitter.split(para, 0)) {
        for (Quantity q : parser.parse(s.text())) {
          Integer year = years.yearFor(para, s.start() + q.start(), null);
          rows.add(new Row(q, s.text(), classifier.classify(s.text(), q).code(), year));
        }
      }
    }
    return rows;
  }

  static String norm(String s) {
    if (s == null) return "";
    return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
  }

  static String window(String context, String quantity) {
    int i = context.indexOf(quantity);
    if (i < 0) return context;
    return context.substring(
        Math.max(0, i - 4), Math.min(context.length(), i + quantity.length() + 4));
  }

  Score score(Path goldDir, Path seedDir) throws IOException {
    ObjectMapper om = new ObjectMapper();
    int gold = 0,
        system = 0,
        matched = 0,
        value = 0,
        unit = 0,
        qual = 0,
        metric = 0,
        yearOk = 0,
        yearN = 0;
    List<String> notes = new ArrayList<>();
    try (var files = Files.list(goldDir)) {
      for (Path g : files.filter(p -> p.toString().endsWith(".gold.json")).sorted().toList()) {
        JsonNode root = om.readTree(g.toFile());
        String text =
            Files.readString(seedDir.resolve(root.get("file").asText()), StandardCharsets.UTF_8);
        List<Row> rows = extract(text);
        List<JsonNode> figs = new ArrayList<>();
        root.get("figures").forEach(figs::add);
        gold += figs.size();
        system += rows.size();
        List<String> qty = rows.stream().map(r -> norm(r.q().surface())).toList();
        List<String> sent = rows.stream().map(r -> norm(r.sentence())).toList();
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode f : figs) counts.merge(norm(f.get("quantity").asText()), 1, Integer::sum);
        Set<Integer> used = new HashSet<>();
        Map<JsonNode, Integer> match = new HashMap<>();
        List<JsonNode> pending = new ArrayList<>();
        for (JsonNode f : figs) {
          String gq = norm(f.get("quantity").asText());
          String gc = norm(f.get("context").asText());
          String w = window(gc, gq);
          Integer hit = null;
          for (int i = 0; i < rows.size() && hit == null; i++) {
            if (!used.contains(i)
                && qty.get(i).equals(gq)
                && (sent.get(i).contains(gc) || sent.get(i).contains(w))) hit = i;
          }
          if (hit == null) pending.add(f);
          else {
            used.add(hit);
            match.put(f, hit);
          }
        }
        for (JsonNode f : pending) {
          String gq = norm(f.get("quantity").asText());
          String gc = norm(f.get("context").asText());
          String w = window(gc, gq);
          String core = gq.replaceAll("[元亩吨斤个户人名次家场期支位]+$", "");
          Integer hit = null;
          for (int i = 0; i < rows.size() && hit == null; i++) {
            String sq = qty.get(i);
            boolean same =
                !core.isEmpty() && !sq.isEmpty() && (sq.startsWith(core) || core.startsWith(sq));
            if (!used.contains(i) && same && (sent.get(i).contains(gc) || sent.get(i).contains(w)))
              hit = i;
          }
          if (hit == null && counts.get(gq) == 1 && qty.stream().filter(gq::equals).count() == 1) {
            for (int i = 0; i < rows.size() && hit == null; i++)
              if (!used.contains(i) && qty.get(i).equals(gq)) hit = i;
          }
          if (hit == null)
            notes.add("MISS " + root.get("file").asText().substring(0, 3) + " " + gq + " | " + gc);
          else {
            used.add(hit);
            match.put(f, hit);
          }
        }
        for (int i = 0; i < rows.size(); i++) {
          if (!used.contains(i))
            notes.add(
                "EXTRA " + root.get("file").asText().substring(0, 3) + " " + describe(rows.get(i)));
        }
        for (JsonNode f : figs) {
          Integer i = match.get(f);
          if (i == null) continue;
          Row r = rows.get(i);
          matched++;
          boolean v = r.q().value().compareTo(new BigDecimal(f.get("value").asText())) == 0;
          JsonNode gm = f.get("value_max");
          if (gm != null && !gm.isNull())
            v =
                v
                    && r.q().valueMax() != null
                    && r.q().valueMax().compareTo(new BigDecimal(gm.asText())) == 0;
          boolean u = f.get("unit").asText().equals(r.q().unit().code());
          boolean ql = f.get("qualifier").asText().equals(r.q().qualifier().notation());
          boolean m = f.get("metric").asText().equals(r.metric());
          value += v ? 1 : 0;
          unit += u ? 1 : 0;
          qual += ql ? 1 : 0;
          metric += m ? 1 : 0;
          JsonNode gy = f.get("year");
          if (gy != null && !gy.isNull()) {
            yearN++;
            if (r.year() != null && r.year() == gy.asInt()) yearOk++;
            else notes.add("YEAR gold " + gy.asInt() + " got " + describe(r));
          }
          if (!(v && u && ql && m)) {
            notes.add(
                "DIFF "
                    + f.get("quantity").asText()
                    + " gold["
                    + f.get("value").asText()
                    + " "
                    + f.get("unit").asText()
                    + " "
                    + f.get("qualifier").asText()
                    + " "
                    + f.get("metric").asText()
                    + "] got "
                    + describe(r));
          }
        }
      }
    }
    return new Score(gold, system, matched, value, unit, qual, metric, yearOk, yearN, notes);
  }

  static String describe(Row r) {
    Quantity q = r.q();
    return q.surface()
        + " ["
        + q.value().toPlainString()
        + (q.valueMax() == null ? "" : "-" + q.valueMax().toPlainString())
        + " "
        + q.unit().code()
        + " "
        + q.qualifier().notation()
        + " "
        + r.metric()
        + " counted="
        + q.counted()
        + " year="
        + r.year()
        + "] in "
        + r.sentence()
            .substring(Math.max(0, q.start() - 12), Math.min(r.sentence().length(), q.end() + 8));
  }

  /** Prints every figure of one text, for eyeballing unseen pages. */
  void dump(String text) {
    extract(text).forEach(r -> System.out.println(describe(r)));
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 1 && args[0].endsWith(".txt")) {
      new FigureGoldReport().dump(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
      return;
    }
    Path gold = args.length > 0 ? Path.of(args[0]) : Gold.dir();
    Path seeds = Path.of(args.length > 1 ? args[1] : "seeds");
    Score s = new FigureGoldReport().score(gold, seeds);
    s.notes().forEach(System.out::println);
    System.out.println(s.figures());
    System.out.printf(
        java.util.Locale.ROOT,
        "on matches: value=%.3f unit=%.3f qualifier=%.3f metric=%.3f year=%d/%d%n",
        ratio(s.value(), s.matched()),
        ratio(s.unit(), s.matched()),
        ratio(s.qualifier(), s.matched()),
        ratio(s.metric(), s.matched()),
        s.yearOk(),
        s.yearN());
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
