package org.w3id.ruralkg.cli;

import java.io.PrintWriter;
import org.w3id.ruralkg.common.RuralKgException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The ruralkg command line: picocli commands only, the work is done by the stage packages. */
@Command(
    name = "ruralkg",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Turns Chinese local news on rural revitalisation into linked data served by Fuseki.",
    subcommands = {
      RunCommand.class,
      BuildCommand.class,
      ServeCommand.class,
      QueryCommand.class,
      ValidateCommand.class,
      CompactCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      LoadCommand.class,
      SynthCommand.class,
      BenchCommand.class
    })
public final class Main {
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command; bad input gives one line on stderr and a non-zero status. */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          if (ex instanceof RuralKgException) {
            cmd.getErr().println("ruralkg: " + ex.getMessage());
            return 2;
          }
          throw ex;
        });
    cl.setErr(
        new PrintWriter(
            new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8),
            true));
    return cl.execute(args);
  }

  /**
   * The version from the jar manifest, or "dev" when run from classes ({@link
   * org.w3id.ruralkg.common.Version#get()}).
   */
  public static String version() {
    return org.w3id.ruralkg.common.Version.get();
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"ruralkg " + version()};
    }
  }
}
