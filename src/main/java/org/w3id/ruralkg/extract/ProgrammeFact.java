package org.w3id.ruralkg.extract;

import org.w3id.ruralkg.link.UnitMention;

/**
 * A programme carried out somewhere: {@code label} is the normalised name (the SKOS prefLabel, or a
 * named local scheme as written), {@code conceptId} the local name of its SKOS concept (null for a
 * local scheme not in the scheme), {@code unit} where it is carried out (null if none).
 */
public record ProgrammeFact(String label, String conceptId, UnitMention unit, Evidence evidence) {}
