/**
 * Stage nlp (layer 1, above common): the only package that imports HanLP. Needs text; adds
 * sentences ({@link org.w3id.ruralkg.nlp.SentenceSplitter}), tokens with POS tags and offsets
 * ({@link org.w3id.ruralkg.nlp.Segmenter}), dictionary matches (Aho-Corasick) and word-boundary
 * checks. HanLP's objects are copied into records at once. Every class is thread-safe.
 */
package org.w3id.ruralkg.nlp;
