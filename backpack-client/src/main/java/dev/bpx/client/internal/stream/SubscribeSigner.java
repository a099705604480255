package dev.bpx.client.internal.stream;

import dev.bpx.auth.RequestSigner;
import dev.bpx.auth.SignedHeaders;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Signs private subscriptions with the client's signer: instruction {@code subscribe}, no parameters,
 * a fresh timestamp each time (a reconnect re-signs, since an old signature has expired).
 *
 * @param signer the account's signer (backpack-auth)
 * @param windowMillis the signing window, 1..60000
 * @param nowMillis the current time in ms, corrected by the client's measured clock offset
 */
public record SubscribeSigner(RequestSigner signer, long windowMillis, LongSupplier nowMillis) {

  /** {@return {@code [verifyingKey, signature, timestamp, window]} as the SUBSCRIBE frame carries it} */
  List<String> signature() {
    SignedHeaders headers = signer.sign("subscribe", Map.of(), nowMillis.getAsLong(), windowMillis);
    return List.of(headers.apiKey(), headers.signature(), Long.toString(headers.timestampMillis()),
        Long.toString(headers.windowMillis()));
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "SubscribeSigner[window=" + windowMillis + "]";
  }
}
