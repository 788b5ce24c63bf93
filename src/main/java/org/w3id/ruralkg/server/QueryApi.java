package org.w3id.ruralkg.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.system.Txn;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * Runs saved queries, for the HTTP API and (streamed, {@link #stream}) for the {@code query}
 * command: needs a dataset, the saved queries and a {@link QueryGuard}; binds parameters as typed
 * terms (QueryExec substitution, never text splicing), applies the timeout and the row cap.
 * Thread-safe (each run has its own read transaction).
 */
public final class QueryApi {
  /** The response formats and their media types. */
  public enum Format {
    JSON("application/sparql-results+json"),
    ROWS("application/json"),
    CSV("text/csv"),
    TSV("text/tab-separated-values");

    public final String mediaType;

    Format(String mediaType) {
      this.mediaType = mediaType;
    }

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** What the Accept header may choose among, in order of preference; text/plain gets TSV. */
    private static final AcceptList OFFERED =
        AcceptList.create(
            WebContent.contentTypeResultsJSON,
            WebContent.contentTypeJSON,
            WebContent.contentTypeTextCSV,
            WebContent.contentTypeTextTSV,
            WebContent.contentTypeTextPlain);

    /** The format a {@code format} value names; an unknown one is a 400 ApiError. */
    public static Format parse(String code) {
      for (Format f : values()) if (f.code().equals(code)) return f;
      throw new ApiError(400, "unknown format '" + code + "' (json, rows, csv or tsv)");
    }

    /**
     * The {@code format} parameter if given, else the best Accept type we serve (q-values count),
     * else SPARQL JSON.
     */
    public static Format choose(String formatParam, String accept) {
      if (formatParam != null) return parse(formatParam);
      String type = Conneg.choose(accept, OFFERED, JSON.mediaType);
      if (type.equals(WebContent.contentTypeTextPlain)) return TSV;
      for (Format f : values()) if (f.mediaType.equals(type)) return f;
      return JSON;
    }
  }

  /** The rows of one run, at most the guard's cap; {@code truncated} when more were available. */
  public record Result(List<Var> vars, List<Binding> rows, boolean truncated) {}

  /**
   * A window of the result rows: skip {@code offset} rows, then return at most {@code limit}
   * ({@code -1}: all the rest). Paging is done on the query's own row order, so consecutive pages
   * neither repeat nor skip a row.
   */
  public record Page(long offset, long limit) {
    public static final Page ALL = new Page(0, -1);

    public Page {
      if (offset < 0) throw new ApiError(400, "offset must not be negative");
      if (limit < -1) throw new ApiError(400, "limit must not be negative");
    }

    /** From request parameters; null or absent means the default (from the start, every row). */
    public static Page parse(String offset, String limit) {
      return new Page(
          offset == null ? 0 : number("offset", offset),
          limit == null ? -1 : number("limit", limit));
    }

    private static long number(String name, String value) {
      try {
        long n = Long.parseLong(value.trim());
        if (n < 0)
          throw new ApiError(400, "parameter " + name + " must not be negative: '" + value + "'");
        return n;
      } catch (NumberFormatException e) {
        throw new ApiError(400, "parameter " + name + ": '" + value + "' is not a valid integer");
      }
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final DatasetGraph dsg;
  private final SavedQueries queries;
  private final QueryGuard guard;

  public QueryApi(DatasetGraph dsg, SavedQueries queries, QueryGuard guard) {
    this.dsg = dsg;
    this.queries = queries;
    this.guard = guard;
  }

  public SavedQueries queries() {
    return queries;
  }

  public QueryGuard guard() {
    return guard;
  }

  /** Every saved query, parsed; a query that does not parse is a server fault and fails loudly. */
  public List<SavedQuery> list() {
    List<SavedQuery> out = new ArrayList<>();
    for (String n : queries.names()) out.add(queries.get(n));
    return out;
  }

  /** The saved query, or a 404 ApiError. */
  public SavedQuery find(String name) {
    if (!queries.names().contains(name)) throw new ApiError(404, "unknown query '" + name + "'");
    return queries.get(name);
  }

  /** Runs a saved query: 404 unknown query, 400 bad parameters, 503 timeout. */
  public Result run(String name, Map<String, String> params) {
    return run(name, params, Page.ALL);
  }

  /** Runs a saved query and returns one page of its rows (at most the guard's cap of them). */
  public Result run(String name, Map<String, String> params, Page page) {
    SavedQuery q = find(name);
    QueryExecBuilder b = execution(dsg, q, params, guard.timeoutMillis());
    long want = page.limit() < 0 ? guard.maxRows() : Math.min(page.limit(), guard.maxRows());
    try {
      return Txn.calculateRead(
          dsg,
          () -> {
            long deadline =
                guard.timeoutMillis() > 0
                    ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(guard.timeoutMillis())
                    : 0;
            if (SourceWindows.applies(q.query())) {
              // a page of a query sorted by source file first: the files of the page only
              WindowedRows rs =
                  SourceWindows.rows(
                      dsg, q.query(), bindings(q, params), deadline, page.offset() + want + 1);
              return page(rs.vars(), rs, page, want);
            }
            if (KeyWindows.applies(q.query())) {
              // a page of a query sorted by a key its leading sub-select binds: the first keys only
              WindowedRows rs =
                  KeyWindows.rows(
                      dsg, q.query(), bindings(q, params), deadline, page.offset() + want + 1);
              return page(rs.vars(), rs, page, want);
            }
            try (QueryExec exec = b.build()) {
              RowSet rs = exec.select();
              return page(rs.getResultVars(), rs, page, want);
            }
          });
    } catch (QueryCancelledException e) {
      throw new ApiError(
          503, "query " + name + " did not finish within " + guard.timeoutMillis() / 1000.0 + " s");
    }
  }

  /** The page of the rows: {@code offset} skipped, then at most {@code want}, materialised. */
  private Result page(List<Var> vars, Iterator<Binding> rs, Page page, long want) {
    for (long skip = page.offset(); skip > 0 && rs.hasNext(); skip--) rs.next();
    List<Binding> rows = new ArrayList<>();
    while (rows.size() < want && rs.hasNext()) rows.add(materialise(rs.next()));
    // cut off by the cap, not by the page the client asked for
    boolean truncated =
        rows.size() == guard.maxRows()
            && (page.limit() < 0 || page.limit() > guard.maxRows())
            && rs.hasNext();
    return new Result(vars, rows, truncated);
  }

  /**
   * Runs a saved query on a dataset and writes every row in a format, streamed in one read
   * transaction: no row cap, no timeout when {@code timeoutMillis} is 0 (the {@code query} command
   * and tests). Bad parameters and non-SELECT queries fail as the API's do.
   */
  public static void stream(
      DatasetGraph dsg,
      SavedQuery q,
      Map<String, String> params,
      Format format,
      long timeoutMillis,
      OutputStream out) {
    QueryExecBuilder b = execution(dsg, q, params, timeoutMillis);
    Txn.executeRead(
        dsg,
        () -> {
          try (QueryExec exec = b.build()) {
            RowSet rs = exec.select();
            write(rs.getResultVars(), rs, format, out);
          }
        });
  }

  /**
   * The one way a saved query is prepared: its parameters bound as typed terms, the timeout set.
   */
  private static QueryExecBuilder execution(
      DatasetGraph dsg, SavedQuery q, Map<String, String> params, long timeoutMillis) {
    Map<Var, Node> bindings = bindings(q, params);
    QueryExecBuilder b = QueryExec.dataset(dsg).query(q.query());
    bindings.forEach(b::substitution);
    if (timeoutMillis > 0) b.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
    return b;
  }

  /** The parameters as typed terms; bad ones and non-SELECT queries are 400 ApiErrors. */
  private static Map<Var, Node> bindings(SavedQuery q, Map<String, String> params) {
    Map<String, Node> bound;
    try {
      bound = q.bind(params);
    } catch (RuralKgException e) {
      throw new ApiError(400, e.getMessage());
    }
    if (!q.query().isSelectType())
      throw new ApiError(400, "query " + q.name() + " is not a SELECT query");
    Map<Var, Node> out = new java.util.LinkedHashMap<>();
    bound.forEach((k, v) -> out.put(Var.alloc(k), v));
    return out;
  }

  /**
   * TDB2 bindings resolve their nodes lazily from the node table: copy them before the read
   * transaction ends.
   */
  static Binding materialise(Binding b) {
    var builder = Binding.builder();
    b.forEach(builder::add);
    return builder.build();
  }

  /** Writes a result in a format. */
  public static void write(Result r, Format format, OutputStream out) {
    write(r.vars(), r.rows().iterator(), format, out);
  }

  /**
   * The one writer of every format, for the API's materialised pages and for streamed runs alike.
   */
  private static void write(
      List<Var> vars, Iterator<Binding> rows, Format format, OutputStream out) {
    switch (format) {
      case JSON ->
          ResultSetMgr.write(
              out, ResultSet.adapt(RowSetStream.create(vars, rows)), ResultSetLang.RS_JSON);
      case CSV ->
          ResultSetMgr.write(
              out, ResultSet.adapt(RowSetStream.create(vars, rows)), ResultSetLang.RS_CSV);
      case TSV ->
          ResultSetMgr.write(
              out, ResultSet.adapt(RowSetStream.create(vars, rows)), ResultSetLang.RS_TSV);
      case ROWS -> writeRows(vars, rows, out);
    }
  }

  /**
   * A plain JSON array of objects, one per row: numbers and booleans typed, everything else as
   * text, unbound as null.
   */
  private static void writeRows(List<Var> vars, Iterator<Binding> rows, OutputStream out) {
    try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      g.writeStartArray();
      while (rows.hasNext()) {
        Binding b = rows.next();
        g.writeStartObject();
        for (Var v : vars) {
          g.writeFieldName(v.getVarName());
          writeNode(g, b.get(v));
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeNode(JsonGenerator g, Node n) throws IOException {
    if (n == null) {
      g.writeNull();
    } else if (n.isURI()) {
      g.writeString(n.getURI());
    } else if (n.isLiteral()) {
      var dt = n.getLiteralDatatype();
      try {
        if (dt instanceof XSDDatatype x && x.isValidLiteral(n.getLiteral()) && isNumeric(x)) {
          g.writeNumber(
              new java.math.BigDecimal(n.getLiteralLexicalForm().trim())
                  .stripTrailingZeros()
                  .toPlainString());
          return;
        }
        if (XSDDatatype.XSDboolean.equals(dt) && n.getLiteral().isWellFormed()) {
          g.writeBoolean(Boolean.parseBoolean(n.getLiteralLexicalForm().trim()));
          return;
        }
      } catch (NumberFormatException e) {
        // INF, NaN and the like: keep them as text
      }
      g.writeString(n.getLiteralLexicalForm());
    } else {
      g.writeString(n.toString());
    }
  }

  private static boolean isNumeric(XSDDatatype dt) {
    return dt.equals(XSDDatatype.XSDdecimal)
        || dt.equals(XSDDatatype.XSDinteger)
        || dt.equals(XSDDatatype.XSDdouble)
        || dt.equals(XSDDatatype.XSDfloat)
        || dt.equals(XSDDatatype.XSDlong)
        || dt.equals(XSDDatatype.XSDint);
  }
}
