package dev.bpx.paper.command;

/**
 * A request the exchange refuses with a JSON body {@code {"code","message"}}, as Backpack
 * answers semantic errors. Thrown before any state changes, so a refused command never needs
 * journaling.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;

  public ApiError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static ApiError badRequest(String message) {
    return new ApiError(400, "INVALID_CLIENT_REQUEST", message);
  }

  public static ApiError of(String code, String message) {
    return new ApiError(400, code, message);
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, "RESOURCE_NOT_FOUND", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
