package org.w3id.ruralkg.extract;

import java.util.List;
import org.w3id.ruralkg.source.Page;

/** Extracts the facts of every article of a page. Implementations are thread-safe. */
@FunctionalInterface
public interface PageExtractor {
  List<ArticleFacts> extract(Page page);
}
