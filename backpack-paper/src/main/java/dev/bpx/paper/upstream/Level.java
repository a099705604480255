package dev.bpx.paper.upstream;

import java.math.BigDecimal;

/** One price level of a book: the price and the quantity resting there. */
public record Level(BigDecimal price, BigDecimal quantity) {}
