package org.w3id.ruralkg.extract;

import java.math.BigDecimal;

/**
 * A number with its measure as found in a text: [start, end) covers the number through its measure
 * word (e.g. "5000余名", "2.5万亩", "500—1000公斤"; for "超3亿元" only "3亿元", since 超 stands before). {@code
 * value} is normalised (万 = 10^4, 亿 = 10^8, percent as the number); {@code valueMax} is set for
 * ranges only. {@code unit} is the contract unit (CNY, percent, mu, ...). {@code counted} is the
 * noun counted, or null.
 */
public record Quantity(
    int start,
    int end,
    String surface,
    BigDecimal value,
    BigDecimal valueMax,
    MeasureUnit unit,
    Qualifier qualifier,
    String counted) {}
