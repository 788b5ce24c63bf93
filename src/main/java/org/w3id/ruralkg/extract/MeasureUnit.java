package org.w3id.ruralkg.extract;

import org.w3id.ruralkg.common.RuralKgException;

/**
 * The unit a figure is counted or measured in: the contract's unit codes, one constant per concept
 * of the unit scheme in ontology/codelists.ttl (a test keeps the two in step). Money is in yuan
 * after 万/亿 scaling; everything counted that is not people or households is {@link #COUNT}.
 */
public enum MeasureUnit {
  CNY("CNY"),
  PERCENT("percent"),
  MU("mu"),
  HECTARE("hectare"),
  TONNE("tonne"),
  KG("kg"),
  JIN("jin"),
  METRE("metre"),
  KM("km"),
  PERSON("person"),
  PERSON_TIME("person_time"),
  HOUSEHOLD("household"),
  COUNT("count");

  private final String code;

  MeasureUnit(String code) {
    this.code = code;
  }

  /** The contract code (skos:notation): CNY, percent, mu, ... */
  public String code() {
    return code;
  }

  /** The unit of a contract code. */
  public static MeasureUnit of(String code) {
    for (MeasureUnit u : values()) if (u.code.equals(code)) return u;
    throw new RuralKgException("unknown unit code: " + code);
  }

  /** Area and weight: a physical measure rather than a count. */
  public boolean physical() {
    return this == MU || this == HECTARE || this == TONNE || this == KG || this == JIN;
  }
}
