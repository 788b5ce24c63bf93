package org.w3id.ruralkg.extract;

import org.w3id.ruralkg.link.UnitMention;

/**
 * Answers "which administrative unit is the text at this offset about?" for one article: the most
 * specific unit of the sentence, else of the paragraph, else the article's topic place.
 */
public interface PlaceAttributor {
  /** The unit the span [start, end) of the page text is about, or null if none can be told. */
  UnitMention placeFor(int start, int end);
}
