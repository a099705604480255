package dev.bpx.client.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.bpx.client.model.BatchOrderResult;
import dev.bpx.client.model.Order;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * Decodes one batch-order item ({@code POST /api/v1/orders}) into a {@link BatchOrderResult}.
 *
 * <p>The spec discriminates by {@code operation} ({@code Ok}/{@code Err}) but success items'
 * {@code operation} is unconfirmed on the wire, so the rule is: {@code "Err"} → error; {@code
 * "Ok"} → order; no (or another) {@code operation} → order if the item has an {@code id}, else
 * error. The item is first scanned with {@link JsonReader#peekJson()} and then decoded once by the
 * {@link Order} or {@link ApiErrorBody} adapter, so decimals never pass through {@code double}.
 * Writing emits {@code "operation":"Ok"} plus the order's fields, or {@code
 * {"operation":"Err","code":…,"message":…}}. See {@code backpack-api.md} section 2.4.
 *
 * <p>Thread-safe.
 */
public final class BatchOrderResultAdapter extends JsonAdapter<BatchOrderResult> {

  /** Creates this adapter for {@link BatchOrderResult}, using the Moshi instance's order adapter. */
  public static final JsonAdapter.Factory FACTORY =
      (Type type, Set<? extends Annotation> annotations, Moshi moshi) ->
          type == BatchOrderResult.class && annotations.isEmpty()
              ? new BatchOrderResultAdapter(
                      moshi.adapter(Order.class), moshi.adapter(ApiErrorBody.class))
                  .nullSafe()
              : null;

  private static final JsonReader.Options KEYS = JsonReader.Options.of("operation", "id");

  private final JsonAdapter<Order> orders;
  private final JsonAdapter<ApiErrorBody> errors;

  private BatchOrderResultAdapter(JsonAdapter<Order> orders, JsonAdapter<ApiErrorBody> errors) {
    this.orders = orders;
    this.errors = errors;
  }

  @Override
  public BatchOrderResult fromJson(JsonReader reader) throws IOException {
    if (isSuccess(reader)) {
      return BatchOrderResult.success(orders.fromJson(reader));
    }
    ApiErrorBody error = errors.fromJson(reader);
    return error == null
        ? BatchOrderResult.error(null, null)
        : BatchOrderResult.error(error.code(), error.message());
  }

  private static boolean isSuccess(JsonReader reader) throws IOException {
    String operation = null;
    boolean hasId = false;
    try (JsonReader peek = reader.peekJson()) {
      if (peek.peek() != JsonReader.Token.BEGIN_OBJECT) {
        // Let the order adapter report the wrong shape with its path.
        return true;
      }
      peek.beginObject();
      while (peek.hasNext()) {
        switch (peek.selectName(KEYS)) {
          case 0 -> operation = peek.peek() == JsonReader.Token.STRING ? peek.nextString() : null;
          case 1 -> {
            hasId = peek.peek() != JsonReader.Token.NULL;
            peek.skipValue();
          }
          default -> {
            peek.skipName();
            peek.skipValue();
          }
        }
        if (operation != null && operation.equals("Err")) {
          return false;
        }
      }
    }
    return "Ok".equals(operation) || hasId;
  }

  @Override
  public void toJson(JsonWriter writer, BatchOrderResult value) throws IOException {
    writer.beginObject();
    if (value.ok()) {
      writer.name("operation").value("Ok");
      int token = writer.beginFlatten();
      orders.toJson(writer, value.order());
      writer.endFlatten(token);
    } else {
      writer.name("operation").value("Err");
      writer.name("code").value(value.code());
      writer.name("message").value(value.message());
    }
    writer.endObject();
  }

  @Override
  public String toString() {
    return "JsonAdapter(BatchOrderResult)";
  }
}
