/**
 * The composition (above server): {@link org.w3id.ruralkg.app.Extraction#standard} assembles the
 * extraction chain — the one place every stage and part is built — and {@link
 * org.w3id.ruralkg.app.Pipeline} runs build, load, serve, query and validate with it. Needs
 * everything below; adds nothing of its own. Thread-safe.
 */
package org.w3id.ruralkg.app;
