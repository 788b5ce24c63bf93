/**
 * The bottom layer, used by every other: the project's one unchecked exception ({@link
 * org.w3id.ruralkg.common.RuralKgException}), text fit for a log line, the content hash, the
 * software version, word lists read from resources. Needs nothing of the project; stateless and
 * thread-safe.
 */
package org.w3id.ruralkg.common;
