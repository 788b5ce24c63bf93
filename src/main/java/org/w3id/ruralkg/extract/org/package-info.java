/**
 * Party organisations (党委, 党总支, 党支部 …) and the unit or organisation that hosts them: used by {@link
 * org.w3id.ruralkg.extract.PartyOrgStage}. Needs sentences, units and places; adds {@link
 * org.w3id.ruralkg.extract.OrgFact}s. Thread-safe.
 */
package org.w3id.ruralkg.extract.org;
