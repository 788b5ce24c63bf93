package org.w3id.ruralkg;

/** The project's one unchecked exception: its message is a single line fit for stderr. */
public class RuralKgException extends RuntimeException {
  public RuralKgException(String message) {
    super(message);
  }

  public RuralKgException(String message, Throwable cause) {
    super(message, cause);
  }
}
