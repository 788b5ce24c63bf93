/**
 * The command line (the top layer): picocli commands only, no logic; each calls {@link
 * org.w3id.ruralkg.app.Pipeline} or a benchmark. Nothing imports this package.
 */
package org.w3id.ruralkg.cli;
