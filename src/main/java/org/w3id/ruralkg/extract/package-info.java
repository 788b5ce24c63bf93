/**
 * Stage extract (above link): needs a split {@link org.w3id.ruralkg.source.Page}; {@link
 * org.w3id.ruralkg.extract.PageAnalyser} adds a {@link org.w3id.ruralkg.extract.PageAnalysis} once
 * per page (units with references such as 我省 resolved, a place attributor per article), and each
 * {@link org.w3id.ruralkg.extract.FactStage} adds one kind of fact per article: party
 * organisations, programmes, industries, figures, gathered as {@link
 * org.w3id.ruralkg.extract.ArticleFacts} by {@link org.w3id.ruralkg.extract.ArticleExtractor}.
 * Facts are immutable records with offsets into the page and a confidence. Thread-safe.
 */
package org.w3id.ruralkg.extract;
