package org.w3id.ruralkg.server;

import java.math.BigDecimal;
import org.apache.jena.graph.Node;

/**
 * Literals as people read them: numbers in plain decimal notation, everything else as written.
 * Stateless.
 */
final class Literals {
  private Literals() {}

  static String readable(Node literal) {
    String lex = literal.getLiteralLexicalForm();
    Object v;
    try {
      v = literal.getLiteralValue();
    } catch (RuntimeException e) {
      return lex; // an ill-formed typed literal is shown as written
    }
    if (v instanceof Number) {
      try {
        BigDecimal d = new BigDecimal(lex.trim().replace("E", "e").replace("e", "E"));
        return d.stripTrailingZeros().toPlainString();
      } catch (NumberFormatException e) {
        return lex;
      }
    }
    return lex;
  }
}
