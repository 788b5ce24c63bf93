package org.w3id.ruralkg.extract;

import org.w3id.ruralkg.link.UnitMention;

/**
 * An outcome figure: the quantity, its {@link Metric} (income_increase, wages, ...), the place it
 * is about (null if none), and the year it refers to (null unless the text states it).
 */
public record FigureFact(
    Quantity quantity, Metric metric, UnitMention place, Integer year, Evidence evidence) {}
