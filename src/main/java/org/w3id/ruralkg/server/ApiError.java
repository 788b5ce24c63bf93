package org.w3id.ruralkg.server;

import org.w3id.ruralkg.common.RuralKgException;

/** A failure of an API request with the HTTP status it maps to (400, 404, 503 ...). */
final class ApiError extends RuralKgException {
  private static final long serialVersionUID = 1L;
  final int status;

  ApiError(int status, String message) {
    super(message);
    this.status = status;
  }
}
