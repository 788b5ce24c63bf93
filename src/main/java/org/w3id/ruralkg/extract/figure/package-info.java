/**
 * Figures: quantities with their unit and qualifier, the metric they measure and the year they
 * belong to; used by {@link org.w3id.ruralkg.extract.FigureStage}. Needs a sentence (and its
 * paragraph for years); adds {@link org.w3id.ruralkg.extract.Quantity} and the metric and year
 * decisions. Thread-safe.
 */
package org.w3id.ruralkg.extract.figure;
