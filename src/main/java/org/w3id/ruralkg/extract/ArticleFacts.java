package org.w3id.ruralkg.extract;

import java.util.List;
import org.w3id.ruralkg.link.UnitMention;
import org.w3id.ruralkg.source.Article;

/** Everything extracted from one article. */
public record ArticleFacts(
    Article article,
    List<UnitMention> units,
    List<OrgFact> orgs,
    List<ProgrammeFact> programmes,
    List<IndustryFact> industries,
    List<FigureFact> figures) {}
