package org.w3id.ruralkg.source;

/** A paragraph of an article: [start, end) in the normalised page text. */
public record Paragraph(int start, int end, String text) {}
