package org.w3id.ruralkg.extract;

import org.w3id.ruralkg.link.UnitMention;

/**
 * An industry an area develops: {@code label} the shortest common name, {@code conceptId} its SKOS
 * concept.
 */
public record IndustryFact(String label, String conceptId, UnitMention unit, Evidence evidence) {}
