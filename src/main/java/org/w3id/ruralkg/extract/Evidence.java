package org.w3id.ruralkg.extract;

/**
 * Where a fact comes from: [start, end) in the page's normalised text, the quote at those offsets,
 * the sentence around it (and its start), and the extractor's confidence in [0, 1].
 */
public record Evidence(
    int start, int end, String quote, int sentenceStart, String sentence, double confidence) {}
