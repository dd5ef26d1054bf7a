package com.towerco.notification.delivery;

/**
 * What one send did: delivered, or failed with an error; {@code permanent} when retrying cannot
 * help (the receiver rejected the request as invalid), so the delivery gives up at once.
 */
public record SendResult(boolean delivered, Integer httpStatus, String error, boolean permanent) {
  public static SendResult ok(Integer httpStatus) {
    return new SendResult(true, httpStatus, null, false);
  }

  public static SendResult failed(Integer httpStatus, String error) {
    return new SendResult(false, httpStatus, error, false);
  }

  public static SendResult rejected(Integer httpStatus, String error) {
    return new SendResult(false, httpStatus, error, true);
  }
}
