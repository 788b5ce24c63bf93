package org.w3id.ruralkg.store;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpConditional;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterDefaulting;
import org.apache.jena.sparql.engine.iterator.QueryIterRepeatApply;
import org.apache.jena.sparql.engine.iterator.QueryIterSingleton;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;

/**
 * TDB2's executor with one change: an OPTIONAL that ARQ runs as an index join ({@code conditional})
 * whose right-hand side is a basic pattern (perhaps under a FILTER) gets each left row as the
 * pattern's input, as a join in a sequence does, instead of ARQ's substitution. The substitution
 * turns every node id of the left row into a node and the pattern's executor turns it back into a
 * node id (a node-table look-up per variable and row); given as input, the ids go straight to the
 * index. At 10,000 articles this takes 10-25 % of the CPU time off four of the six analyst queries
 * with OPTIONAL (docs/PERFORMANCE.md). Answers are the same: the pattern sees the same values,
 * bound either way, and a left row without a match is kept as it is. Any other right-hand side is
 * left to ARQ. Stateless; one per query execution step, as ARQ makes them.
 */
final class OptionalJoinExecutor extends OpExecutorTDB2 {
  static final OpExecutorFactory FACTORY = OptionalJoinExecutor::new;

  private OptionalJoinExecutor(ExecutionContext execCxt) {
    super(execCxt);
  }

  @Override
  protected QueryIterator execute(OpConditional conditional, QueryIterator input) {
    if (!basicPattern(conditional.getRight())) return super.execute(conditional, input);
    QueryIterator left = exec(conditional.getLeft(), input);
    Op right = conditional.getRight();
    ExecutionContext cxt = execCxt;
    return new QueryIterRepeatApply(left, cxt) {
      @Override
      protected QueryIterator nextStage(Binding row) {
        QueryIterator matches = QC.execute(right, QueryIterSingleton.create(row, cxt), cxt);
        return new QueryIterDefaulting(matches, row, cxt);
      }
    };
  }

  /** A triple or quad pattern, under any number of filters. */
  static boolean basicPattern(Op op) {
    if (op instanceof OpQuadPattern || op instanceof OpBGP) return true;
    return op instanceof OpFilter f && basicPattern(f.getSubOp());
  }
}
