package dev.bpx.client;

import com.squareup.moshi.JsonAdapter;
import dev.bpx.client.internal.ApiRequest;
import dev.bpx.client.internal.HttpTransport;
import dev.bpx.client.internal.ResponseDecoder;
import dev.bpx.client.journal.JournalRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the account-side services do with a request: send it and decode the answer, or, for a write
 * with no answer body, send it between a journal intent and its outcome.
 *
 * <p>Thread-safe.
 */
record SignedCalls(HttpTransport transport, ResponseDecoder decoder, JournalHook journal) {

  /** {@return the answer to {@code api}, decoded as one {@code type}} */
  <T> T get(ApiRequest api, Class<T> type) {
    return decoder.decode(api, transport.execute(api), type);
  }

  /** {@return the answer to {@code api}, decoded by {@code adapter}} */
  <T> T get(ApiRequest api, JsonAdapter<T> adapter) {
    return decoder.decode(api, transport.execute(api), adapter);
  }

  /** {@return the answer to {@code api}, decoded as a list of {@code type}} */
  <T> List<T> list(ApiRequest api, Class<T> type) {
    return decoder.decodeList(api, transport.execute(api), type);
  }

  /**
   * {@return the answer to {@code api}, a list of {@code type} whose rows must each carry a symbol and a net
   * quantity (positions of either kind)}
   */
  <T> List<T> listWithNetQuantity(ApiRequest api, Class<T> type, Function<T, String> symbol,
      Function<T, BigDecimal> netQuantity) {
    List<T> rows = list(api, type);
    for (int i = 0; i < rows.size(); i++) {
      ResponseDecoder.require(api, symbol.apply(rows.get(i)), "$[" + i + "].symbol");
      ResponseDecoder.require(api, netQuantity.apply(rows.get(i)), "$[" + i + "].netQuantity");
    }
    return rows;
  }

  /** Sends a write the exchange answers without a body, journalled as {@code intent} then "done". */
  void write(Supplier<JournalRecord.Builder> intent, ApiRequest write) {
    journal.around(intent, () -> transport.execute(write), (written, response) -> JournalRecord.outcome(written, "done"));
  }
}
