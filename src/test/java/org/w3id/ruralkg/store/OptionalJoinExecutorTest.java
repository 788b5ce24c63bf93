package org.w3id.ruralkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OPTIONALs run by {@link OptionalJoinExecutor} answer exactly as ARQ's own index join does, over
 * the union default graph, and a store opened by {@link Store} uses it.
 */
class OptionalJoinExecutorTest {
  private static final String DATA =
      """
      PREFIX : <http://example.org/>
      :g1 { :a a :T ; :p :x1 ; :v 1 ; :w 0 , 5 . :x1 :q "one" . :b a :T ; :v 3 ; :w 2 . }
      :g2 { :a :p :x1 . :c a :T ; :p :x2 ; :v 2 . :x2 :q "two" , "deux" . :d :p :x3 . }
      """;

  private static final List<String> QUERIES =
      List.of(
          // rows with and without a match; the same triple in two graphs counts once
          "SELECT ?s ?o WHERE { ?s a :T OPTIONAL { ?s :p ?o } } ORDER BY ?s ?o",
          // a filter on a left variable inside the OPTIONAL
          "SELECT ?s ?w WHERE { ?s :v ?v OPTIONAL { ?s :w ?w FILTER(?w > ?v) } } ORDER BY ?s ?w",
          // two patterns, one joined through a variable the left does not bind
          "SELECT ?s ?y WHERE { ?s a :T OPTIONAL { ?s :p ?x . ?x :q ?y } } ORDER BY ?s ?y",
          // aggregates over the defaulted rows
          "SELECT (COUNT(?s) AS ?n) (COUNT(?o) AS ?m) (COUNT(DISTINCT ?o) AS ?d) WHERE { ?s a :T"
              + " OPTIONAL { ?s :p ?o } }",
          // a left variable left unbound by the left side's own OPTIONAL
          "SELECT ?s ?o ?y WHERE { ?s a :T OPTIONAL { ?s :w ?o } OPTIONAL { ?s :p ?x . ?x :q ?y }"
              + " } ORDER BY ?s ?o ?y");

  @Test
  void answersAsArqsIndexJoin() {
    DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
    dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
    Txn.executeWrite(dsg, () -> RDFParser.fromString(DATA, Lang.TRIG).parse(dsg));
    for (String q : QUERIES) {
      String text = "PREFIX : <http://example.org/>\n" + q;
      assertTrue(
          Algebra.optimize(Algebra.compile(QueryFactory.create(text)))
              .toString()
              .contains("conditional"),
          "ARQ runs this OPTIONAL as an index join: " + q);
      dsg.getContext().remove(ARQConstants.sysOpExecutorFactory);
      String arq = csv(dsg, text);
      QC.setFactory(dsg.getContext(), OptionalJoinExecutor.FACTORY);
      String ours = csv(dsg, text);
      assertEquals(arq, ours, q);
      assertTrue(arq.lines().count() > 1, "answers something: " + q);
    }
    dsg.close();
  }

  @Test
  void theStoreUsesIt(@TempDir Path dir) {
    DatasetGraph dsg = Store.openOrCreate(dir.resolve("store"));
    try {
      assertSame(OptionalJoinExecutor.FACTORY, QC.getFactory(dsg.getContext()));
    } finally {
      dsg.close();
    }
  }

  private static String csv(DatasetGraph dsg, String query) {
    return Txn.calculateRead(
        dsg,
        () -> {
          try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ResultsWriter.create()
                .lang(org.apache.jena.riot.resultset.ResultSetLang.RS_CSV)
                .build()
                .write(out, exec.select().materialize());
            return out.toString(StandardCharsets.UTF_8);
          }
        });
  }
}
