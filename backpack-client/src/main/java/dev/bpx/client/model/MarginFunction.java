package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * A margin-fraction function ({@code imfFunction} / {@code mmfFunction}), e.g.
 * {@code {"type":"sqrt","base":"0.02","factor":"0.00006"}}: the base fraction, scaled up with
 * position size by {@code factor} (the exact formula is unconfirmed, {@code backpack-api.md}
 * section 5).
 *
 * <p>{@code type} stays a {@code String} because it is a union discriminator, not a value set we
 * can decode safely; the only type Backpack documents is {@code "sqrt"}. Thread-safe.
 *
 * @param type function kind, {@code "sqrt"} today
 * @param base base margin fraction (a fraction, {@code 0.02} = 2 %)
 * @param factor size factor
 */
public record MarginFunction(String type, BigDecimal base, BigDecimal factor) {}
