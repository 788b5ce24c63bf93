package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

/**
 * The saved queries rewritten for speed (matching inside one article graph instead of the union
 * default graph) return exactly the rows of their straightforward formulation, kept in
 * src/test/resources/reference-queries: same columns, same parameters, same multiset of rows, on
 * the seeds' graph and with each parameter value tried.
 */
class QueryRewriteIT {
  static final Path REFERENCES = Path.of("src/test/resources/reference-queries");

  static List<String> referenced() throws IOException {
    try (Stream<Path> s = Files.list(REFERENCES)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".rq"))
          .map(n -> n.substring(0, n.length() - 3))
          .sorted()
          .toList();
    }
  }

  /** The rows as lines of N-Triples terms (unbound: empty), in result order. */
  static List<String> rows(SavedQuery q, Map<String, String> params) {
    Map<String, Node> bindings = q.bind(params);
    return Txn.calculateRead(
        SeedStore.dataset(),
        () -> {
          QueryExecBuilder b = QueryExec.dataset(SeedStore.dataset()).query(q.query());
          bindings.forEach((k, v) -> b.substitution(Var.alloc(k), v));
          List<String> out = new ArrayList<>();
          try (QueryExec exec = b.build()) {
            var rs = exec.select();
            List<Var> vars = rs.getResultVars();
            out.add("columns " + vars);
            while (rs.hasNext()) {
              Binding row = rs.next();
              StringBuilder sb = new StringBuilder();
              for (Var v : vars)
                sb.append(
                        row.get(v) == null
                            ? ""
                            : org.apache.jena.riot.out.NodeFmtLib.strNT(row.get(v)))
                    .append('\t');
              out.add(sb.toString());
            }
          }
          return out;
        });
  }

  @Test
  void theContractQueriesAreAmongTheRewrittenOnes() throws IOException {
    assertTrue(
        referenced()
            .containsAll(
                List.of("admin-units", "party-orgs", "programmes", "industries", "figures")),
        referenced().toString());
  }

  @Test
  void rewrittenQueriesReturnTheRowsOfTheirReference() throws IOException {
    SavedQueries saved = SeedStore.queries();
    for (String name : referenced()) {
      SavedQuery fast = saved.get(name);
      SavedQuery reference =
          SavedQuery.parse(name, Files.readString(REFERENCES.resolve(name + ".rq")));
      assertEquals(reference.params(), fast.params(), name + ": same parameters");
      assertEquals(reference.summary(), fast.summary(), name);
      assertEquals(
          reference.query().getResultVars(), fast.query().getResultVars(), name + ": same columns");
      assertEquals(reference.query().isDistinct(), fast.query().isDistinct(), name);
      List<Map<String, String>> tries = new ArrayList<>();
      tries.add(Map.of());
      for (SavedQuery.Param p : fast.params().values())
        for (String v : p.allowed()) tries.add(Map.of(p.name(), v));
      for (Map<String, String> params : tries) {
        if (fast.params().values().stream()
            .anyMatch(p -> p.defaultValue() == null && !params.containsKey(p.name()))) continue;
        List<String> want = rows(reference, params);
        List<String> got = rows(fast, params);
        assertEquals(want.get(0), got.get(0), name + " " + params);
        if (params.isEmpty())
          assertTrue(want.size() > 1, name + ": the reference returns rows on the seeds");
        List<String> a = new ArrayList<>(want);
        List<String> b = new ArrayList<>(got);
        a.sort(Comparator.naturalOrder());
        b.sort(Comparator.naturalOrder());
        assertEquals(a, b, name + " " + params + ": same multiset of rows");
      }
    }
  }

  @Test
  void rewrittenQueriesKeepTheirOrder() throws IOException {
    SavedQueries saved = SeedStore.queries();
    for (String name : referenced()) {
      SavedQuery fast = saved.get(name);
      SavedQuery reference =
          SavedQuery.parse(name, Files.readString(REFERENCES.resolve(name + ".rq")));
      assertEquals(
          String.valueOf(reference.query().getOrderBy()),
          String.valueOf(fast.query().getOrderBy()),
          name + ": same ORDER BY");
      assertFalse(fast.query().hasLimit(), name + ": defaults return every row");
    }
  }
}
