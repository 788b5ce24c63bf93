package org.w3id.ruralkg.common;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The project's one place for message digests: the content hash that identifies a file's version
 * (SHA-256 as lower-case hex), and fresh digests for the callers that feed several parts or keep a
 * prefix (ETags, response-store stamps, short IRI hashes). Thread-safe (a new digest per call).
 */
public final class Hashes {
  private Hashes() {}

  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /** A new SHA-256 digest. */
  public static MessageDigest sha256() {
    return digest("SHA-256");
  }

  /**
   * A new SHA-1 digest: only where a value minted with it must stay the same (short IRI hashes).
   */
  public static MessageDigest sha1() {
    return digest("SHA-1");
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(
          algorithm + " is missing from this JVM (every Java platform must have it)", e);
    }
  }
}
