package org.w3id.ruralkg.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.util.XSDNumUtils;
import org.w3id.ruralkg.common.Hashes;
import org.w3id.ruralkg.common.RuralKgException;
import org.w3id.ruralkg.rdf.Vocab;

/**
 * The figure summaries of the store (graph {@code graph/summary}): pre-aggregated rows that the
 * saved queries {@code totals-by-county} and {@code metric-summary} read instead of every figure.
 * Needs a view of quads (the store inside a transaction, or one file's quads in memory); adds
 * nothing by itself: callers write the rows ({@link #write}, {@link #applyTo}). Not thread-safe.
 *
 * <p>A figure contributes, exactly as the two queries match it inside one article graph ({@code
 * GRAPH ?g}): one row per combination of its value, metric, unit of measure, place (refArea; for
 * totals the place's county: the place when a county, and each county it lies within, as the
 * query's UNION) and period. {@link CountyKey} groups are (metric concept, unit concept, county,
 * STR(period)): row count, figure count (distinct figures), sum; {@link MetricKey} groups are
 * (metric concept, unit concept): row count, sum, min, max, rows with a place, rows with a period.
 * Codes and labels are joined by the queries, so the rows depend only on the figures and the shared
 * graph's rkg:within / rkg:County statements. Sums are exact (BigDecimal) because values are
 * xsd:decimal or xsd:integer; the number of integer rows is kept so that a sum is typed as SPARQL
 * types it (integer only when no decimal took part). A store write that would put another kind of
 * value on a figure is refused ({@link #checkValue}).
 */
public final class FigureSummary {
  /** Bumped when the rows change meaning: a store with another version is summarised anew. */
  static final String VERSION = "5";

  private final Map<CountyKey, Part> counties = new HashMap<>();
  private final Map<MetricKey, Part> metrics = new HashMap<>();

  /**
   * Per (township, programme): occurrences (implementation and span) and articles (sums of per-file
   * counts).
   */
  private final Map<TownshipKey, long[]> townships = new HashMap<>();

  /** A group of totals-by-county; year is STR(period), or null when there is none. */
  record CountyKey(Node metric, Node unit, Node county, String year) {
    Node row() {
      return rowIri(
          "county-total",
          metric.toString() + '|' + unit + '|' + county + '|' + (year == null ? "" : year));
    }
  }

  /** A group of metric-summary. */
  record MetricKey(Node metric, Node unit) {
    Node row() {
      return rowIri("metric-total", metric.toString() + '|' + unit);
    }
  }

  /** A group of programmes-per-township. */
  record TownshipKey(Node township, Node programme) {
    Node row() {
      return rowIri("township-programme", township.toString() + '|' + programme);
    }
  }

  private static Node rowIri(String kind, String key) {
    byte[] d = Hashes.sha256().digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return NodeFactory.createURI(
        Vocab.ID + "summary/" + kind + "/" + HexFormat.of().formatHex(d, 0, 10));
  }

  /**
   * What some figures add to (or, negated, take from) one group: signed counts, the sum, and for
   * min/max the values added and removed.
   */
  static final class Part {
    long rows;
    long integerRows;
    long figures;
    long placed;
    long dated;
    BigDecimal sum = BigDecimal.ZERO;
    final List<Node> added = new ArrayList<>();
    final List<Node> removed = new ArrayList<>();

    void plus(Part o, int sign) {
      rows += sign * o.rows;
      integerRows += sign * o.integerRows;
      figures += sign * o.figures;
      placed += sign * o.placed;
      dated += sign * o.dated;
      sum = sign > 0 ? sum.add(o.sum) : sum.subtract(o.sum);
      (sign > 0 ? added : removed).addAll(o.added);
      (sign > 0 ? removed : added).addAll(o.removed);
    }

    boolean isZero() {
      return rows == 0
          && integerRows == 0
          && figures == 0
          && placed == 0
          && dated == 0
          && sum.signum() == 0;
    }
  }

  /** Adds (sign 1) or takes away (sign -1) another summary's groups. */
  void plus(FigureSummary o, int sign) {
    o.counties.forEach((k, p) -> counties.computeIfAbsent(k, x -> new Part()).plus(p, sign));
    o.metrics.forEach((k, p) -> metrics.computeIfAbsent(k, x -> new Part()).plus(p, sign));
    o.townships.forEach(
        (k, n) -> {
          long[] t = townships.computeIfAbsent(k, x -> new long[2]);
          t[0] += sign * n[0];
          t[1] += sign * n[1];
        });
  }

  boolean isEmpty() {
    return counties.isEmpty() && metrics.isEmpty() && townships.isEmpty();
  }

  /** Every figure of a view (a file's quads, or the whole store). */
  static FigureSummary ofAll(DatasetGraph view) {
    FigureSummary s = new FigureSummary();
    Set<Node> figures = new LinkedHashSet<>();
    view.find(Node.ANY, Node.ANY, Vocab.TYPE, Vocab.FIGURE)
        .forEachRemaining(
            q -> {
              if (named(q.getGraph())) figures.add(q.getSubject());
            });
    for (Node f : figures) s.addFigure(view, f);
    Set<Node> implementations = new LinkedHashSet<>();
    view.find(Node.ANY, Node.ANY, Vocab.TYPE, Vocab.PROGRAMME_IMPLEMENTATION)
        .forEachRemaining(
            q -> {
              if (named(q.getGraph())) implementations.add(q.getSubject());
            });
    // the implementations and articles of a group are distinct IRIs per file: counts add up
    townshipSets(view, implementations)
        .forEach(
            (k, m) -> s.townships.put(k, new long[] {m.occurrences.size(), m.articles.size()}));
    return s;
  }

  /**
   * The programmes-per-township groups of some implementations, each with the distinct
   * implementations and articles in it, as the query matches them inside one article graph.
   */
  static Map<TownshipKey, Members> townshipSets(DatasetGraph view, Iterable<Node> impls) {
    Map<TownshipKey, Members> out = new HashMap<>();
    Map<Node, List<Node>> townshipsOf = new HashMap<>();
    for (Node p : impls) {
      Set<Node> graphs = new LinkedHashSet<>();
      view.find(Node.ANY, p, Vocab.TYPE, Vocab.PROGRAMME_IMPLEMENTATION)
          .forEachRemaining(
              q -> {
                if (named(q.getGraph())) graphs.add(q.getGraph());
              });
      for (Node g : graphs) {
        List<Node> articles = objects(view, g, p, Vocab.PROV_DERIVED_FROM);
        if (articles.isEmpty()) continue;
        List<Node> programmes = objects(view, g, p, Vocab.PROGRAMME);
        // an implementation is one per article, programme and unit, with a span per place the
        // article names it (mapping version 5): its occurrences are what the query counts
        List<Node> spans = objects(view, g, p, Vocab.EVIDENCE);
        if (spans.isEmpty()) spans = List.of(p);
        for (Node place : objects(view, g, p, Vocab.CARRIED_OUT_IN))
          for (Node t : townshipsOf.computeIfAbsent(place, x -> townships(view, x)))
            for (Node programme : programmes) {
              Members m = out.computeIfAbsent(new TownshipKey(t, programme), x -> new Members());
              for (Node span : spans) m.occurrences.add(List.of(p, span));
              m.articles.addAll(articles);
            }
      }
    }
    return out;
  }

  /**
   * The distinct occurrences (implementation and evidence span) and articles of a township group.
   */
  static final class Members {
    final Set<List<Node>> occurrences = new HashSet<>();
    final Set<Node> articles = new HashSet<>();
  }

  /** The query's township of a place: itself when a township, and each township it is within. */
  private static List<Node> townships(DatasetGraph view, Node place) {
    return selfAndWithin(view, place, Vocab.TOWNSHIP);
  }

  /**
   * The place itself when it has the level class, and each unit of that class it is within (the
   * shared graph states every rkg:within of a unit's ancestor chain), as a bag.
   */
  private static List<Node> selfAndWithin(DatasetGraph view, Node place, Node levelClass) {
    List<Node> out = new ArrayList<>();
    if (view.contains(Vocab.SHARED_GRAPH, place, Vocab.TYPE, levelClass)) out.add(place);
    for (Node u : objects(view, Vocab.SHARED_GRAPH, place, Vocab.WITHIN))
      if (view.contains(Vocab.SHARED_GRAPH, u, Vocab.TYPE, levelClass)) out.add(u);
    return out;
  }

  /** A township group counted again from every implementation placed there, in the store. */
  static long[] recountTownship(DatasetGraph dsg, TownshipKey k) {
    List<Node> places = new ArrayList<>();
    places.add(k.township());
    dsg.find(Vocab.SHARED_GRAPH, Node.ANY, Vocab.WITHIN, k.township())
        .forEachRemaining(q -> places.add(q.getSubject()));
    Set<Node> impls = new LinkedHashSet<>();
    for (Node place : places)
      dsg.find(Node.ANY, Node.ANY, Vocab.CARRIED_OUT_IN, place)
          .forEachRemaining(
              q -> {
                if (named(q.getGraph())) impls.add(q.getSubject());
              });
    Members m = townshipSets(dsg, impls).get(k);
    return m == null ? new long[2] : new long[] {m.occurrences.size(), m.articles.size()};
  }

  /**
   * Writes the row of a township group as it now is in the store (none when it has no
   * implementation left), replacing the stored one; inside the caller's write transaction.
   */
  static void rewriteTownship(DatasetGraph dsg, TownshipKey k) {
    Node row = k.row();
    if (dsg.find(Vocab.SUMMARY_GRAPH, row, Node.ANY, Node.ANY).hasNext()) deleteRow(dsg, row);
    long[] n = recountTownship(dsg, k);
    if (n[0] > 0) writeTownshipRow(StreamRDFLib.dataset(dsg), k, n);
  }

  private static void writeTownshipRow(StreamRDF out, TownshipKey k, long[] n) {
    Node row = k.row();
    Node g = Vocab.SUMMARY_GRAPH;
    // no rdf:type rkg:TownshipProgramme: rkg:ofTownship's domain says it
    out.quad(Quad.create(g, row, Vocab.OF_TOWNSHIP, k.township()));
    out.quad(Quad.create(g, row, Vocab.OF_PROGRAMME, k.programme()));
    out.quad(Quad.create(g, row, Vocab.IMPLEMENTATION_COUNT, integer(n[0])));
    out.quad(Quad.create(g, row, Vocab.ARTICLE_COUNT, integer(n[1])));
  }

  /** The figures of one file's quads (its article graphs and the shared descriptions it states). */
  public static FigureSummary ofQuads(List<Quad> quads) {
    DatasetGraph view = DatasetGraphFactory.create();
    // only what the rows are made of: a third of a file's quads, and the build's time with it
    for (Quad q : quads) if (named(q.getGraph()) && read(q)) view.add(q);
    return ofAll(view);
  }

  /** True for the quads the summaries read (see addFigure, counties, townships, townshipSets). */
  private static boolean read(Quad q) {
    Node p = q.getPredicate();
    if (p.equals(Vocab.TYPE)) {
      Node o = q.getObject();
      return o.equals(Vocab.FIGURE)
          || o.equals(Vocab.PROGRAMME_IMPLEMENTATION)
          || o.equals(Vocab.COUNTY)
          || o.equals(Vocab.TOWNSHIP);
    }
    return p.equals(Vocab.VALUE)
        || p.equals(Vocab.METRIC)
        || p.equals(Vocab.UNIT_OF_MEASURE)
        || p.equals(Vocab.REF_AREA)
        || p.equals(Vocab.REF_PERIOD)
        || p.equals(Vocab.WITHIN)
        || p.equals(Vocab.PROGRAMME)
        || p.equals(Vocab.CARRIED_OUT_IN)
        || p.equals(Vocab.EVIDENCE)
        || p.equals(Vocab.PROV_DERIVED_FROM);
  }

  /**
   * The summary graph a bulk build writes for files with these quads (each list one file's), for
   * checking a store against a clean build.
   */
  public static List<Quad> summaryQuads(Iterable<List<Quad>> files) {
    FigureSummary all = new FigureSummary();
    for (List<Quad> f : files) all.plus(ofQuads(f), 1);
    List<Quad> out = new ArrayList<>();
    all.write(
        new org.apache.jena.riot.system.StreamRDFBase() {
          @Override
          public void quad(Quad q) {
            out.add(q);
          }
        });
    return out;
  }

  /** One subject's contribution (nothing when it is no figure in any named graph). */
  static FigureSummary ofFigure(DatasetGraph view, Node subject) {
    FigureSummary s = new FigureSummary();
    s.addFigure(view, subject);
    return s;
  }

  static boolean named(Node g) {
    return g != null && !Quad.isDefaultGraph(g) && !g.equals(Quad.unionGraph);
  }

  private void addFigure(DatasetGraph view, Node f) {
    Set<Node> graphs = new LinkedHashSet<>();
    view.find(Node.ANY, f, Vocab.TYPE, Vocab.FIGURE)
        .forEachRemaining(
            q -> {
              if (named(q.getGraph())) graphs.add(q.getGraph());
            });
    Set<CountyKey> countedIn = new HashSet<>();
    Map<Node, List<Node>> countiesOf = new HashMap<>();
    for (Node g : graphs) {
      List<Node> values = objects(view, g, f, Vocab.VALUE);
      if (values.isEmpty()) continue;
      List<Node> ms = objects(view, g, f, Vocab.METRIC);
      List<Node> us = objects(view, g, f, Vocab.UNIT_OF_MEASURE);
      List<Node> places = objects(view, g, f, Vocab.REF_AREA);
      List<Node> periods = objects(view, g, f, Vocab.REF_PERIOD);
      List<Node> placesOrNone = places.isEmpty() ? Collections.singletonList(null) : places;
      List<Node> periodsOrNone = periods.isEmpty() ? Collections.singletonList(null) : periods;
      for (Node v : values) {
        BigDecimal value = checkValue(v);
        boolean integer = isInteger(v);
        for (Node m : ms)
          for (Node u : us) {
            Part mp = metrics.computeIfAbsent(new MetricKey(m, u), x -> new Part());
            for (Node place : placesOrNone)
              for (Node period : periodsOrNone) {
                mp.rows++;
                if (integer) mp.integerRows++;
                mp.sum = mp.sum.add(value);
                mp.added.add(v);
                if (place != null) mp.placed++;
                if (period != null) mp.dated++;
              }
            for (Node place : places)
              for (Node county : countiesOf.computeIfAbsent(place, p -> counties(view, p)))
                for (Node period : periodsOrNone) {
                  CountyKey k = new CountyKey(m, u, county, year(period));
                  Part cp = counties.computeIfAbsent(k, x -> new Part());
                  cp.rows++;
                  if (integer) cp.integerRows++;
                  cp.sum = cp.sum.add(value);
                  // COUNT(DISTINCT ?figure): once per group, however many rows
                  if (countedIn.add(k)) cp.figures++;
                }
          }
      }
    }
  }

  /**
   * The query's county of a place, as a bag: itself when a county, and each county it is within.
   */
  private static List<Node> counties(DatasetGraph view, Node place) {
    return selfAndWithin(view, place, Vocab.COUNTY);
  }

  /** STR(?period), null where SPARQL leaves ?year unbound (no period, or a blank node). */
  private static String year(Node period) {
    if (period == null || period.isBlank()) return null;
    return period.isLiteral() ? period.getLiteralLexicalForm() : period.getURI();
  }

  private static List<Node> objects(DatasetGraph view, Node g, Node s, Node p) {
    List<Node> out = new ArrayList<>();
    Iterator<Quad> it = view.find(g, s, p, Node.ANY);
    while (it.hasNext()) out.add(it.next().getObject());
    return out;
  }

  /**
   * The number a figure value stands for; refuses anything but a valid xsd:decimal or xsd:integer
   * literal (the ontology's range of rkg:value), whose sums the summary could not keep exact.
   */
  public static BigDecimal checkValue(Node v) {
    if (v.isLiteral()) {
      NodeValue nv = NodeValue.makeNode(v);
      if (nv.isInteger()) return new BigDecimal(nv.getInteger());
      if (nv.isDecimal()) return nv.getDecimal();
    }
    throw new RuralKgException(
        "a figure's rkg:value must be an xsd:decimal (or xsd:integer) literal, not "
            + NodeFmtLib.strNT(v)
            + ": the store's figure summaries (graph/summary) could not stay exact");
  }

  private static boolean isInteger(Node v) {
    return NodeValue.makeNode(v).isInteger();
  }

  // --- rows in the store

  /** The row of a group as stored (a Part with its min and max in added[0], added[1]). */
  private static Part read(DatasetGraph dsg, Node row) {
    Iterator<Quad> it = dsg.find(Vocab.SUMMARY_GRAPH, row, Node.ANY, Node.ANY);
    if (!it.hasNext()) return null;
    Part p = new Part();
    Node min = null;
    Node max = null;
    Long rows = null;
    while (it.hasNext()) {
      Quad q = it.next();
      Node pr = q.getPredicate();
      Node o = q.getObject();
      if (pr.equals(Vocab.ROW_COUNT)) rows = num(o).longValueExact();
      else if (pr.equals(Vocab.FIGURE_COUNT)) p.figures = num(o).longValueExact();
      else if (pr.equals(Vocab.INTEGER_ROWS)) p.integerRows = num(o).longValueExact();
      else if (pr.equals(Vocab.WITH_PLACE)) p.placed = num(o).longValueExact();
      else if (pr.equals(Vocab.WITH_YEAR)) p.dated = num(o).longValueExact();
      else if (pr.equals(Vocab.TOTAL)) p.sum = num(o);
      else if (pr.equals(Vocab.MIN_VALUE)) min = o;
      else if (pr.equals(Vocab.MAX_VALUE)) max = o;
    }
    // a county total states its row count only where it differs from its figure count
    p.rows = rows != null ? rows : p.figures;
    p.added.add(min);
    p.added.add(max);
    return p;
  }

  private static BigDecimal num(Node o) {
    NodeValue nv = NodeValue.makeNode(o);
    return nv.isInteger() ? new BigDecimal(nv.getInteger()) : nv.getDecimal();
  }

  /** The total as SPARQL's SUM types it: xsd:integer when only integers were added. */
  private static Node total(Part p) {
    if (p.integerRows == p.rows)
      return NodeFactory.createLiteralDT(
          p.sum.toBigIntegerExact().toString(), XSDDatatype.XSDinteger);
    return stored(NodeFactory.createLiteralDT(p.sum.toPlainString(), XSDDatatype.XSDdecimal));
  }

  /**
   * A number in the form TDB2 hands back: a decimal it keeps inline in the node id
   * ("120"^^xsd:decimal) comes back in canonical form ("120.0"), which TDB2 encodes as another id,
   * so a row written in the first form could not be found, and deleted, by what a read returns.
   * Written canonical, a row's quads are deleted by the values read. A number too long to inline is
   * kept as written, as the figures' own values are (so MIN and MAX return the same term as over
   * the figures).
   */
  static Node stored(Node n) {
    if (!n.isLiteral() || isInteger(n) || org.apache.jena.tdb2.store.NodeIdInline.inline(n) == null)
      return n;
    return NodeFactory.createLiteralDT(
        XSDNumUtils.stringFormatXSD10(checkValue(n)), XSDDatatype.XSDdecimal);
  }

  private static Node integer(long n) {
    return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
  }

  private static void writeCountyRow(StreamRDF out, CountyKey k, Part p) {
    Node row = k.row();
    Node g = Vocab.SUMMARY_GRAPH;
    // no rdf:type rkg:CountyTotal: rkg:ofCounty's domain says it, and the type would be one quad
    // in eight of the largest kind of row
    out.quad(Quad.create(g, row, Vocab.OF_METRIC, k.metric()));
    out.quad(Quad.create(g, row, Vocab.OF_UNIT_OF_MEASURE, k.unit()));
    out.quad(Quad.create(g, row, Vocab.OF_COUNTY, k.county()));
    if (k.year() != null)
      out.quad(Quad.create(g, row, Vocab.OF_YEAR, NodeFactory.createLiteralString(k.year())));
    out.quad(Quad.create(g, row, Vocab.TOTAL, total(p)));
    out.quad(Quad.create(g, row, Vocab.FIGURE_COUNT, integer(p.figures)));
    if (p.rows != p.figures) out.quad(Quad.create(g, row, Vocab.ROW_COUNT, integer(p.rows)));
    if (p.integerRows != 0)
      out.quad(Quad.create(g, row, Vocab.INTEGER_ROWS, integer(p.integerRows)));
  }

  private static void writeMetricRow(StreamRDF out, MetricKey k, Part p, Node min, Node max) {
    Node row = k.row();
    Node g = Vocab.SUMMARY_GRAPH;
    out.quad(Quad.create(g, row, Vocab.TYPE, Vocab.METRIC_TOTAL));
    out.quad(Quad.create(g, row, Vocab.OF_METRIC, k.metric()));
    out.quad(Quad.create(g, row, Vocab.OF_UNIT_OF_MEASURE, k.unit()));
    out.quad(Quad.create(g, row, Vocab.ROW_COUNT, integer(p.rows)));
    out.quad(Quad.create(g, row, Vocab.TOTAL, total(p)));
    out.quad(Quad.create(g, row, Vocab.MIN_VALUE, stored(min)));
    out.quad(Quad.create(g, row, Vocab.MAX_VALUE, stored(max)));
    out.quad(Quad.create(g, row, Vocab.WITH_PLACE, integer(p.placed)));
    out.quad(Quad.create(g, row, Vocab.WITH_YEAR, integer(p.dated)));
    if (p.integerRows != 0)
      out.quad(Quad.create(g, row, Vocab.INTEGER_ROWS, integer(p.integerRows)));
  }

  private static void writeStamp(StreamRDF out) {
    out.quad(
        Quad.create(
            Vocab.SUMMARY_GRAPH,
            Vocab.SUMMARY_GRAPH,
            Vocab.SUMMARY_VERSION,
            NodeFactory.createLiteralString(VERSION)));
  }

  /** True when the store's summary graph was made by this version of the rows. */
  static boolean stamped(DatasetGraph dsg) {
    return dsg.contains(
        Vocab.SUMMARY_GRAPH,
        Vocab.SUMMARY_GRAPH,
        Vocab.SUMMARY_VERSION,
        NodeFactory.createLiteralString(VERSION));
  }

  /** Writes this summary's rows, and the version stamp, as a new summary graph (the bulk path). */
  void write(StreamRDF out) {
    writeStamp(out);
    counties.forEach(
        (k, p) -> {
          if (p.rows > 0) writeCountyRow(out, k, p);
        });
    metrics.forEach(
        (k, p) -> {
          if (p.rows > 0) writeMetricRow(out, k, p, minOf(p.added), maxOf(p.added));
        });
    townships.forEach(
        (k, n) -> {
          if (n[0] > 0) writeTownshipRow(out, k, n);
        });
  }

  /**
   * Makes the store's summary graph anew from every figure of the store; inside the caller's write
   * transaction. {@code dsg} is the TDB2 dataset itself (the summary is no text to index).
   */
  static void rebuild(DatasetGraph dsg) {
    FigureSummary all = ofAll(dsg);
    dsg.removeGraph(Vocab.SUMMARY_GRAPH);
    all.write(StreamRDFLib.dataset(dsg));
  }

  /**
   * Applies this summary as a change (signed parts: what changed figures add minus what they
   * contributed before) to the rows stored in {@code dsg}, inside the caller's write transaction. A
   * min or max that a removed value held is found again from the metric's figures.
   */
  void applyTo(DatasetGraph dsg) {
    StreamRDF out = StreamRDFLib.dataset(dsg);
    for (Map.Entry<CountyKey, Part> e : counties.entrySet()) {
      Part d = e.getValue();
      if (d.isZero()) continue;
      Node row = e.getKey().row();
      Part cur = read(dsg, row);
      Part next = new Part();
      if (cur != null) next.plus(cur, 1);
      next.plus(d, 1);
      if (cur != null) deleteRow(dsg, row);
      if (next.rows < 0 || next.figures < 0)
        throw new RuralKgException(row + ": summary row would go below zero; the summary is wrong");
      if (next.rows > 0) writeCountyRow(out, e.getKey(), next);
    }
    for (Map.Entry<MetricKey, Part> e : metrics.entrySet()) {
      Part d = e.getValue();
      cancelEqual(d);
      if (d.isZero() && d.added.isEmpty() && d.removed.isEmpty()) continue;
      MetricKey k = e.getKey();
      Node row = k.row();
      Part cur = read(dsg, row);
      Node min = cur == null ? null : cur.added.get(0);
      Node max = cur == null ? null : cur.added.get(1);
      Part next = new Part();
      if (cur != null) {
        next.plus(cur, 1);
        next.added.clear();
      }
      next.plus(d, 1);
      if (cur != null) deleteRow(dsg, row);
      if (next.rows < 0)
        throw new RuralKgException(row + ": summary row would go below zero; the summary is wrong");
      if (next.rows == 0) continue;
      boolean lost = false;
      for (Node r : d.removed)
        lost |= min != null && cmp(r, min) == 0 || max != null && cmp(r, max) == 0;
      if (lost || min == null) {
        // a removed value was the least or the largest: read the metric's figures again
        Part again = ofMetric(dsg, k);
        min = minOf(again.added);
        max = maxOf(again.added);
      } else {
        for (Node a : d.added) {
          if (cmp(a, min) < 0) min = a;
          if (cmp(a, max) > 0) max = a;
        }
      }
      writeMetricRow(out, k, next, min, max);
    }
  }

  private static void deleteRow(DatasetGraph dsg, Node row) {
    dsg.deleteAny(Vocab.SUMMARY_GRAPH, row, Node.ANY, Node.ANY);
    Iterator<Quad> left = dsg.find(Vocab.SUMMARY_GRAPH, row, Node.ANY, Node.ANY);
    if (left.hasNext())
      throw new RuralKgException(
          left.next() + ": a summary row could not be deleted; the transaction is not committed");
  }

  /** The metric group of every figure of the group's metric in the store. */
  private static Part ofMetric(DatasetGraph dsg, MetricKey k) {
    Set<Node> figures = new LinkedHashSet<>();
    dsg.find(Node.ANY, Node.ANY, Vocab.METRIC, k.metric())
        .forEachRemaining(
            q -> {
              if (named(q.getGraph())) figures.add(q.getSubject());
            });
    FigureSummary s = new FigureSummary();
    for (Node f : figures) s.addFigure(dsg, f);
    Part p = s.metrics.get(k);
    if (p == null) throw new RuralKgException(k.row() + ": summary row has no figures left");
    return p;
  }

  /** Values both added and removed (an unchanged figure written again) leave min and max alone. */
  private static void cancelEqual(Part d) {
    if (d.added.isEmpty() || d.removed.isEmpty()) return;
    Map<Node, Integer> removed = new HashMap<>();
    for (Node r : d.removed) removed.merge(r, 1, Integer::sum);
    List<Node> keptAdded = new ArrayList<>();
    for (Node a : d.added) {
      Integer n = removed.get(a);
      if (n != null && n > 0) removed.put(a, n - 1);
      else keptAdded.add(a);
    }
    d.added.clear();
    d.added.addAll(keptAdded);
    d.removed.clear();
    removed.forEach(
        (node, n) -> {
          for (int i = 0; i < n; i++) d.removed.add(node);
        });
  }

  private static int cmp(Node a, Node b) {
    return checkValue(a).compareTo(checkValue(b));
  }

  /** The least value; among equal ones, the first (SPARQL's MIN keeps the first it meets). */
  private static Node minOf(List<Node> values) {
    Node best = null;
    for (Node v : values) if (best == null || cmp(v, best) < 0) best = v;
    return best;
  }

  private static Node maxOf(List<Node> values) {
    Node best = null;
    for (Node v : values) if (best == null || cmp(v, best) > 0) best = v;
    return best;
  }
}
