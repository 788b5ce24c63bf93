package org.w3id.ruralkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.w3id.ruralkg.bench.Synth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description =
        "Write a synthetic corpus: seed articles moved to other real counties, figures scaled (deterministic per seed).")
final class SynthCommand implements Callable<Integer> {
  @Option(names = "--articles", required = true, description = "number of articles")
  int articles;

  @Option(
      names = "--out",
      required = true,
      description = "output folder (missing or without *.txt)")
  Path out;

  @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--seeds", description = "folder of seed pages (default: seeds/ of the project)")
  Path seeds;

  @Override
  public Integer call() {
    if (articles <= 0)
      throw new org.w3id.ruralkg.common.RuralKgException("--articles must be positive");
    Path dir =
        seeds != null ? seeds : Path.of(System.getProperty("ruralkg.home", ".")).resolve("seeds");
    Synth.Result r = Synth.fromSeeds(dir).write(out, articles, seed);
    System.err.printf(
        java.util.Locale.ROOT,
        "ruralkg: wrote %d articles in %d files (%,d characters, %,d bytes) to %s%n",
        r.articles(),
        r.files(),
        r.chars(),
        r.bytes(),
        out);
    return 0;
  }
}
