package org.w3id.ruralkg.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.engine.binding.Binding;

/** A saved query read through the API page after page, and the same query run whole, as CSV. */
final class PagedRuns {
  /** The rows of every page, as one CSV, and how many rows they were. */
  record Paged(String csv, int rows) {}

  private PagedRuns() {}

  /** The saved-query API over the seeds' store, serving pages of {@code pageSize} rows. */
  static QueryApi api(int pageSize) {
    return new QueryApi(SeedStore.dataset(), SeedStore.queries(), new QueryGuard(30_000, pageSize));
  }

  /** The API's saved queries that a windowing applies to, in the API's order. */
  static List<SavedQuery> windowed(
      QueryApi api, java.util.function.Predicate<org.apache.jena.query.Query> applies) {
    return api.list().stream().filter(q -> applies.test(q.query())).toList();
  }

  /** Asks for pages of {@code pageSize} rows until a page comes back short. */
  static Paged paged(QueryApi api, SavedQuery q, Map<String, String> params, int pageSize) {
    List<Binding> rows = new ArrayList<>();
    QueryApi.Result r;
    do {
      r = api.run(q.name(), params, new QueryApi.Page(rows.size(), pageSize));
      rows.addAll(r.rows());
    } while (r.rows().size() == pageSize);
    var out = new ByteArrayOutputStream();
    QueryApi.write(new QueryApi.Result(r.vars(), rows, false), QueryApi.Format.CSV, out);
    return new Paged(out.toString(StandardCharsets.UTF_8), rows.size());
  }

  /** The whole query on the seeds' store, unpaged. */
  static String plain(SavedQuery q, Map<String, String> params) {
    var out = new ByteArrayOutputStream();
    QueryApi.stream(SeedStore.dataset(), q, params, QueryApi.Format.CSV, 0, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
