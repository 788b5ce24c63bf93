package org.w3id.ruralkg.extract;

import org.w3id.ruralkg.link.UnitMention;

/**
 * A specific party organisation: {@code mention} as written, {@code kind} a contract kind (党委, 党支部,
 * ...), {@code unit} the administrative unit it belongs to (null if unknown), {@code host} the
 * non-administrative body it sits in (company, cooperative, bureau, project) or null.
 */
public record OrgFact(
    String mention, String kind, UnitMention unit, String host, Evidence evidence) {}
