/**
 * Extraction as a Spark job (above app, beside bench): needs input files on any Hadoop file system;
 * adds gzipped N-Quads parts and a manifest for {@code ruralkg load}, made by the same file
 * processor as the build ({@link org.w3id.ruralkg.app.Pipeline#fileProcessor(String)}). Nothing
 * imports this package.
 */
package org.w3id.ruralkg.spark;
