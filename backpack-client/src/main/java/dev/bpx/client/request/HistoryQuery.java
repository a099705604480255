package dev.bpx.client.request;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.SortDirection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * What the queries of the history endpoints share: filters, each sent as one query parameter under its
 * wire name, and a page (limit, offset, sort direction). Every part is optional: an unset one is left to
 * the exchange. Each subclass names its filters, gives them typed accessors and builder methods, and adds
 * checks of its own; new filters can be added without breaking callers (the constructors are private,
 * queries are made by their builders).
 *
 * <p>Immutable and thread-safe; builders are not thread-safe.
 */
public abstract sealed class HistoryQuery permits OrderHistoryQuery, FillHistoryQuery, FundingPaymentQuery,
    InterestHistoryQuery, BorrowLendHistoryQuery, PositionHistoryQuery, SettlementHistoryQuery {
  private final Map<String, Object> filters;
  private final Integer limit;
  private final Integer offset;
  private final SortDirection sortDirection;

  HistoryQuery(Builder<?, ?> builder) {
    this.filters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.filters));
    this.limit = builder.limit;
    this.offset = builder.offset;
    this.sortDirection = builder.sortDirection;
  }

  /** {@return the page size, 1..1000 (exchange default 100); null to leave it to the exchange} */
  public final Integer limit() {
    return limit;
  }

  /** {@return the rows to skip (exchange default 0); null to leave it to the exchange} */
  public final Integer offset() {
    return offset;
  }

  /** {@return ASC or DESC (newest first); null to leave it to the exchange} */
  public final SortDirection sortDirection() {
    return sortDirection;
  }

  /** {@return the filters by their wire names, in the order the endpoint lists them; unset ones are null} */
  public final Map<String, Object> filters() {
    return filters;
  }

  /** {@return the value of one filter, by its wire name} */
  final Object filter(String name) {
    return filters.get(name);
  }

  /**
   * Checks the query: a {@code symbol} filter is a market symbol, no enum is {@code UNKNOWN}, the limit is
   * within 1..1000 and the offset is not negative, plus the subclass's own checks.
   *
   * @throws ValidationException listing every problem
   */
  public final void validate() {
    Problems p = new Problems();
    filters.forEach((name, value) -> {
      if (name.equals("symbol")) {
        p.optionalSymbol(name, (String) value);
      } else if (value instanceof Enum<?> e) {
        p.known(name, e);
      }
    });
    p.known("sortDirection", sortDirection);
    p.page(limit, offset);
    check(p);
    p.throwIfAny();
  }

  /** Adds the problems particular to this query; none by default. */
  void check(Problems problems) {}

  @Override
  public final boolean equals(Object o) {
    return o instanceof HistoryQuery q && q.getClass() == getClass() && q.filters.equals(filters)
        && Objects.equals(q.limit, limit) && Objects.equals(q.offset, offset) && q.sortDirection == sortDirection;
  }

  @Override
  public final int hashCode() {
    return Objects.hash(getClass(), filters, limit, offset, sortDirection);
  }

  @Override
  public final String toString() {
    StringJoiner s = new StringJoiner(", ", getClass().getSimpleName() + "[", "]");
    filters.forEach((name, value) -> s.add(name + "=" + value));
    return s.add("limit=" + limit).add("offset=" + offset).add("sortDirection=" + sortDirection).toString();
  }

  /**
   * What the builders share: the page, and the filters by wire name. Not thread-safe.
   *
   * @param <B> the builder itself, so that every method chains
   * @param <Q> the query it builds
   */
  public abstract static sealed class Builder<B extends Builder<B, Q>, Q extends HistoryQuery>
      permits OrderHistoryQuery.Builder, FillHistoryQuery.Builder, FundingPaymentQuery.Builder,
      InterestHistoryQuery.Builder, BorrowLendHistoryQuery.Builder, PositionHistoryQuery.Builder,
      SettlementHistoryQuery.Builder {
    private final Function<B, Q> create;
    private final Map<String, Object> filters = new LinkedHashMap<>();
    private Integer limit;
    private Integer offset;
    private SortDirection sortDirection;

    /**
     * @param create makes the query from this builder (its private constructor)
     * @param names the query's filters by wire name, in the order they are sent
     */
    Builder(Function<B, Q> create, String... names) {
      this.create = create;
      for (String name : names) {
        filters.put(name, null);
      }
    }

    final B set(String name, Object value) {
      if (!filters.containsKey(name)) {
        throw new IllegalStateException(name + " is not a filter of this query");
      }
      filters.put(name, value);
      return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    /** Sets the page size, 1..1000 (exchange default 100). @return this */
    public final B limit(Integer limit) {
      this.limit = limit;
      return self();
    }

    /** Sets the rows to skip (exchange default 0). @return this */
    public final B offset(Integer offset) {
      this.offset = offset;
      return self();
    }

    /** Sets ASC or DESC (newest first). @return this */
    public final B sortDirection(SortDirection sortDirection) {
      this.sortDirection = sortDirection;
      return self();
    }

    /**
     * {@return the checked query}
     *
     * @throws ValidationException listing every problem
     */
    public final Q build() {
      Q query = create.apply(self());
      query.validate();
      return query;
    }
  }
}
