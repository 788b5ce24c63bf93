/**
 * Programmes and industries named from the SKOS schemes of ontology/ (labels and alternative labels
 * are the dictionaries): used by {@link org.w3id.ruralkg.extract.ProgrammeStage} and {@link
 * org.w3id.ruralkg.extract.IndustryStage}. Needs sentences and places; adds {@link
 * org.w3id.ruralkg.extract.ProgrammeFact}s and {@link org.w3id.ruralkg.extract.IndustryFact}s.
 * Thread-safe.
 */
package org.w3id.ruralkg.extract.topic;
