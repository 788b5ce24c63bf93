package org.w3id.ruralkg.extract.topic;

import java.util.List;

/**
 * One SKOS concept as the recognisers use it: {@code id} the local name (slug) of its IRI, {@code
 * label} the zh prefLabel (= skos:notation), {@code matchLabels} the zh pref, alt and hidden
 * labels, {@code hiddenLabels} the subset that are matching variants only, {@code broader} slugs,
 * {@code top} whether it is a top concept of a scheme that also has narrower concepts (a category).
 */
public record SkosConcept(
    String id,
    String iri,
    String label,
    String enLabel,
    String notation,
    List<String> matchLabels,
    List<String> hiddenLabels,
    List<String> broader,
    boolean top) {}
