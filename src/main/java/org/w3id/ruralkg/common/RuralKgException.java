package org.w3id.ruralkg.common;

/**
 * The project's one unchecked exception: its message is a single line fit for stderr (controls
 * escaped, see {@link Printable}).
 */
public class RuralKgException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RuralKgException(String message) {
    super(Printable.escape(message));
  }

  public RuralKgException(String message, Throwable cause) {
    super(Printable.escape(message), cause);
  }
}
