package org.w3id.ruralkg.server;

import java.nio.file.Path;
import org.apache.jena.fuseki.Fuseki;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Where Fuseki's request logs go: nowhere by default (a console line per request buries the
 * messages that matter), stderr when {@code verbose}, a file when one is given. Call once, before
 * the server starts; it changes the process's logging configuration.
 */
public final class RequestLog {
  /** The console appender of log4j2.properties (stderr). */
  private static final String CONSOLE = "STDERR";

  private RequestLog() {}

  public static void configure(boolean verbose, Path file) {
    if (!verbose && file == null) return;
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    Configuration config = ctx.getConfiguration();
    Appender fileAppender = null;
    if (file != null) {
      fileAppender =
          FileAppender.newBuilder()
              .setName("requests")
              .withFileName(file.toString())
              .withAppend(true)
              .setLayout(
                  PatternLayout.newBuilder()
                      .withConfiguration(config)
                      .withPattern("%d{ISO8601} %-5p %c{1} :: %maxLen{%m}{300}%n")
                      .build())
              .setConfiguration(config)
              .build();
      fileAppender.start();
      config.addAppender(fileAppender);
    }
    for (String name : new String[] {Fuseki.actionLogName, Fuseki.requestLogName}) {
      LoggerConfig lc = new LoggerConfig(name, Level.INFO, false);
      if (verbose) lc.addAppender(config.getAppender(CONSOLE), null, null);
      if (fileAppender != null) lc.addAppender(fileAppender, null, null);
      config.removeLogger(name);
      config.addLogger(name, lc);
    }
    ctx.updateLoggers();
  }
}
