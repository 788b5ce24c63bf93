/**
 * Stage link (above source): the national gazetteer of division codes. Needs a {@link
 * org.w3id.ruralkg.source.Page}; adds the administrative-unit mentions of each article ({@link
 * org.w3id.ruralkg.link.UnitMention}), resolved to a division where the text tells same-name units
 * apart. Entry point {@link org.w3id.ruralkg.link.UnitLinker}; the gazetteer is immutable, every
 * class thread-safe.
 */
package org.w3id.ruralkg.link;
