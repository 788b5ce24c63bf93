/**
 * Stage store (above rdf): needs input files and a file processor (read, extract, map); adds them
 * to a TDB2 store — bulk load of a new store, whole files per transaction after, one named graph
 * per article, the text index — and reports what was loaded, skipped and why. Builds take the
 * store's lock; classes say where they are not thread-safe.
 */
package org.w3id.ruralkg.store;
