package org.w3id.ruralkg.extract;

import java.util.Locale;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * What a figure measures: the contract's metric codes, one constant per concept of the metric
 * scheme in ontology/codelists.ttl (a test keeps the two in step). The lexicon files name metrics
 * by code; {@link #of} reads them, so a misspelt code fails when the lexicon loads, not in the
 * graph.
 */
public enum Metric {
  INCOME_INCREASE,
  WAGES,
  INVESTMENT,
  LOANS,
  OUTPUT_VALUE,
  COLLECTIVE_INCOME,
  EMPLOYMENT,
  JOBS,
  TRAINING,
  BENEFICIARIES,
  RELOCATION,
  AREA,
  PRODUCTION,
  RATE,
  ORGANISATIONS,
  FACILITIES,
  EVENTS,
  PROJECTS,
  MEMBERS,
  OTHER;

  /** The contract code (skos:notation): income_increase, wages, ... */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The metric of a contract code. */
  public static Metric of(String code) {
    for (Metric m : values()) if (m.code().equals(code)) return m;
    throw new RuralKgException("unknown metric code: " + code);
  }
}
