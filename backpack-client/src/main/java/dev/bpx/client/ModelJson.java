package dev.bpx.client;

import com.squareup.moshi.Moshi;
import dev.bpx.client.internal.ModelSchema;
import dev.bpx.client.internal.json.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The exchange's own wire JSON of the client's {@code dev.bpx.client.model} values (field names,
 * decimal strings, id and timestamp formats, absent fields left out), and the JSON schema of that JSON,
 * both derived from the same record definitions and adapters the client decodes responses with. For
 * applications that pass exchange data on as JSON, such as the MCP server's tool results.
 *
 * <pre>{@code
 * ModelJson json = ModelJson.create();
 * Object wire = json.toJsonValue(client.orders().listOpenOrders());   // List<Map<String, Object>>
 * Map<String, Object> schema = ModelJson.schema(Order.class, 1);
 * }</pre>
 *
 * <p>Thread-safe: create one and share it.
 */
public final class ModelJson {
  private final Moshi moshi;

  private ModelJson(Moshi moshi) {
    this.moshi = moshi;
  }

  /** {@return a new instance with every adapter of the client's codec} */
  public static ModelJson create() {
    return new ModelJson(JsonCodec.newMoshi());
  }

  /**
   * {@return the wire JSON of a model value as maps, lists, strings, numbers and booleans; a list is
   * converted item by item; {@code null} stays {@code null}}
   *
   * @throws IllegalArgumentException if {@code model} is not a type of {@code dev.bpx.client.model}
   *     (or a list of them) the codec can write
   */
  public Object toJsonValue(Object model) {
    if (model == null) {
      return null;
    }
    if (model instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(toJsonValue(item));
      }
      return out;
    }
    @SuppressWarnings("unchecked")
    Class<Object> type = (Class<Object>) model.getClass();
    return moshi.adapter(type).toJsonValue(model);
  }

  /**
   * {@return the JSON schema {@code {"type":"object","properties":{...}}} of a model record's wire JSON:
   * every property typed (decimals, enums and string-encoded ids as strings, epoch timestamps as
   * integers), none required, since the exchange leaves absent fields out}
   *
   * @param type a record of {@code dev.bpx.client.model}
   * @param typedLevels how many levels of records held directly in a component are described property by
   *     property (0: none); deeper ones, and records inside lists and maps, are plain objects, which keeps
   *     schemas small
   */
  public static Map<String, Object> schema(Class<? extends Record> type, int typedLevels) {
    return ModelSchema.of(type, typedLevels);
  }
}
