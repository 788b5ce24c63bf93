package org.w3id.ruralkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.ruralkg.common.Printable;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * The inputs of a build: every regular *.txt file under the input folder, in a stable order, and
 * what was left out with why. Reads nothing outside the folder: a symbolic link is followed only
 * when asked, and then only to a target inside the folder (by real path, so no ../ or link chain
 * leads out); FIFOs, devices and sockets are never opened (reading a FIFO blocks forever).
 */
public record InputScan(List<InputFile> files, List<BuildReport.Failure> skipped) {
  private static final Logger LOG = LoggerFactory.getLogger(InputScan.class);

  public static InputScan scan(Path inDir, boolean followLinks) {
    if (!Files.exists(inDir)) throw new RuralKgException(inDir + ": no such input folder");
    if (!Files.isDirectory(inDir)) throw new RuralKgException(inDir + ": not a folder");
    if (!Files.isReadable(inDir))
      throw new RuralKgException(inDir + ": input folder is not readable");
    Path root;
    try {
      root = inDir.toRealPath();
    } catch (IOException e) {
      throw new RuralKgException(inDir + ": cannot resolve the input folder: " + e.getMessage(), e);
    }
    List<InputFile> files = new ArrayList<>();
    List<BuildReport.Failure> skipped = new ArrayList<>();
    Set<FileVisitOption> options =
        followLinks
            ? EnumSet.of(FileVisitOption.FOLLOW_LINKS)
            : EnumSet.noneOf(FileVisitOption.class);
    try {
      // from the real folder: --in may itself be a link (the user's choice), what is under it is
      // checked
      Files.walkFileTree(
          root,
          options,
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (dir.equals(root)) return FileVisitResult.CONTINUE;
              String outside = outside(dir, root);
              if (outside == null) return FileVisitResult.CONTINUE;
              skip(dir, outside);
              return FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isSymbolicLink()) {
                // not followed (or a broken link): say so only for what would have been an input
                if (Files.isDirectory(file) || isTxt(file)) {
                  skip(
                      file,
                      followLinks
                          ? "a symbolic link to nothing readable"
                          : "a symbolic link (followed only with --follow-links, and only inside the input folder)");
                }
              } else if (attrs.isOther()) {
                skip(file, "not a regular file (a FIFO, device or socket); never read");
              } else if (attrs.isRegularFile() && isTxt(file)) {
                String outside = followLinks ? outside(file, root) : null;
                if (outside != null) skip(file, outside);
                else files.add(new InputFile(file, relative(file)));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              if (e instanceof FileSystemLoopException)
                skip(file, "a symbolic link that loops back to a folder above it");
              else skip(file, "cannot read: " + e.getMessage());
              return FileVisitResult.CONTINUE;
            }

            private void skip(Path p, String reason) {
              String name = relative(p);
              skipped.add(new BuildReport.Failure(Printable.escape(name), reason));
              LOG.warn("skipped {}: {}", Printable.escape(name), reason);
            }

            private String relative(Path p) {
              return root.relativize(p).toString().replace('\\', '/');
            }
          });
    } catch (IOException | UncheckedIOException e) {
      throw new RuralKgException(inDir + ": cannot list input folder: " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(InputFile::path));
    skipped.sort(Comparator.comparing(BuildReport.Failure::file));
    return new InputScan(List.copyOf(files), List.copyOf(skipped));
  }

  private static boolean isTxt(Path p) {
    return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
  }

  /**
   * Null when the real path (every link resolved) lies inside the input folder, else why it is left
   * out.
   */
  private static String outside(Path p, Path root) {
    try {
      Path real = p.toRealPath();
      return real.startsWith(root)
          ? null
          : "a symbolic link to a target outside the input folder; never read";
    } catch (IOException e) {
      return "a symbolic link that cannot be resolved: " + e.getMessage();
    }
  }
}
