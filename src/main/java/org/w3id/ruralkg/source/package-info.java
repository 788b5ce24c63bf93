/**
 * Stage source (above nlp): needs an input file's bytes and its SHA-256; adds a {@link
 * org.w3id.ruralkg.source.Page} — decoded (UTF-8, UTF-16, GB18030), normalised with a map back to
 * the original offsets, its masthead ({@link org.w3id.ruralkg.source.PageHeader}), and its articles
 * with their title lines, paragraphs and sentences (split once here). Entry point {@link
 * org.w3id.ruralkg.source.PageReader}; stateless and thread-safe.
 */
package org.w3id.ruralkg.source;
