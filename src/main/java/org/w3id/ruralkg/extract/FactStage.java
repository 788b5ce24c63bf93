package org.w3id.ruralkg.extract;

import java.util.List;

/**
 * One kind of fact: needs a {@link PageAnalysis} (sentences, heads, units, places, computed once
 * per page), adds that kind's facts for each article. Implementations are thread-safe; {@link
 * ArticleExtractor} runs them in the order the assembly lists them.
 *
 * @param <T> the fact record
 */
@FunctionalInterface
public interface FactStage<T> {
  /** The facts of each article of the page, in the order of {@link PageAnalysis#articles()}. */
  List<List<T>> extract(PageAnalysis page);
}
