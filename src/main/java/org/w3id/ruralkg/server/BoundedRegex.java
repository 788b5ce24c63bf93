package org.w3id.ruralkg.server;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;

/**
 * REGEX that a timeout can stop: java.util.regex never looks at a cancel flag, so a backtracking
 * pattern would run on long after the query's timeout. The matcher reads the text through a
 * CharSequence that checks the query's cancel signal (set by the timeout) and a per-match deadline.
 */
final class BoundedRegex extends E_Regex {
  private final long matchMillis;
  private Pattern fixed;

  BoundedRegex(Expr expr, Expr pattern, Expr flags, long matchMillis) {
    super(expr, pattern, flags);
    this.matchMillis = matchMillis;
  }

  @Override
  public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
    Node arg = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
    NodeValue vFlags = args.size() == 2 ? null : args.get(2);
    Pattern p = fixed;
    if (p == null) {
      // the checks and flag handling of ARQ's own REGEX (throws ExprEvalException on a bad pattern)
      E_Regex.makeRegexEngine(args.get(1), vFlags);
      p =
          RegexEngine.makePattern(
              "Regex", args.get(1).getString(), vFlags == null ? null : vFlags.getString());
      if (getArg(2).isConstant() && (vFlags == null || getArg(3).isConstant())) fixed = p;
    }
    AtomicBoolean cancel =
        env.getContext() == null ? null : Context.getCancelSignal(env.getContext());
    CharSequence text =
        new Deadline(
            arg.getLiteralLexicalForm(), cancel, System.nanoTime() + matchMillis * 1_000_000);
    return p.matcher(text).find() ? NodeValue.TRUE : NodeValue.FALSE;
  }

  @Override
  public Expr copy(ExprList newArgs) {
    return new BoundedRegex(
        newArgs.get(0), newArgs.get(1), newArgs.size() > 2 ? newArgs.get(2) : null, matchMillis);
  }

  /** The text of one match; every 4096 reads it checks whether the query should stop. */
  private static final class Deadline implements CharSequence {
    private final String s;
    private final AtomicBoolean cancel;
    private final long deadline;
    private int reads;

    Deadline(String s, AtomicBoolean cancel, long deadline) {
      this.s = s;
      this.cancel = cancel;
      this.deadline = deadline;
    }

    @Override
    public char charAt(int i) {
      if ((++reads & 4095) == 0
          && ((cancel != null && cancel.get()) || System.nanoTime() > deadline)) {
        throw new QueryCancelledException();
      }
      return s.charAt(i);
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Deadline(s.substring(start, end), cancel, deadline);
    }

    @Override
    public String toString() {
      return s;
    }
  }
}
