package org.w3id.ruralkg.store;

import java.nio.file.Path;

/**
 * An input file found under the build's input folder: its path and its path relative to that
 * folder.
 */
public record InputFile(Path path, String relativePath) {}
