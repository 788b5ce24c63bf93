/**
 * Stage server (above store): needs a TDB2 store; serves it with embedded Fuseki — SPARQL
 * endpoints, the saved-query API, the dashboard, dereferencing of IRIs, VoID and the ontology page
 * (HTML rendering lives here, not in rdf). Servlets and filters are thread-safe.
 */
package org.w3id.ruralkg.server;
