package org.w3id.ruralkg.common;

/**
 * The software's version, from the jar manifest ("dev" when run from classes): read here, at the
 * bottom layer, so that the build's provenance and the server's headers need not reach up into the
 * command line. Stateless and thread-safe.
 */
public final class Version {
  private Version() {}

  /** The Implementation-Version of the jar that holds this class, or "dev". */
  public static String get() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
