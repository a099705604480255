package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * The shape of a collateral haircut curve ({@code haircutFunction.kind}, spec {@code
 * CollateralFunctionKind}): {@code {"type":"identity"}} or {@code
 * {"type":"inverseSqrt","base":"…","positiveCurvePenalty":"…"}}. See {@code backpack-api.md}
 * section 2.1.
 *
 * <p>{@code type} stays a {@code String} (union discriminator); the parameters are {@code null} for
 * {@code identity}. Thread-safe.
 *
 * @param type {@code "identity"} or {@code "inverseSqrt"} today
 * @param base curve base ({@code inverseSqrt} only), or null
 * @param positiveCurvePenalty curve penalty ({@code inverseSqrt} only), or null
 */
public record HaircutKind(String type, BigDecimal base, BigDecimal positiveCurvePenalty) {}
