/**
 * Stage rdf (above extract): needs a page and its {@link org.w3id.ruralkg.extract.ArticleFacts};
 * adds quads, one named graph per article, written to a Jena {@code StreamRDF} ({@link
 * org.w3id.ruralkg.rdf.FactMapper}). Also the vocabulary constants kept in step with ontology/,
 * IRIs, the ontology files and SHACL validation. Thread-safe.
 */
package org.w3id.ruralkg.rdf;
