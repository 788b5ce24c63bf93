package org.w3id.ruralkg.extract.figure;

import java.math.BigDecimal;

/** Reads Chinese numerals (十五, 一千二百, 两万, 三千零五) into BigDecimal. Stateless, thread-safe. */
final class ChineseNumerals {
  private ChineseNumerals() {}

  static int digit(char c) {
    return switch (c) {
      case '零', '〇' -> 0;
      case '一' -> 1;
      case '二', '两' -> 2;
      case '三' -> 3;
      case '四' -> 4;
      case '五' -> 5;
      case '六' -> 6;
      case '七' -> 7;
      case '八' -> 8;
      case '九' -> 9;
      default -> -1;
    };
  }

  static long smallUnit(char c) {
    return switch (c) {
      case '十' -> 10;
      case '百' -> 100;
      case '千' -> 1000;
      default -> 0;
    };
  }

  static boolean isNumeralChar(char c) {
    return digit(c) >= 0 || smallUnit(c) > 0 || c == '万' || c == '亿';
  }

  /** A numeral may start with a digit other than 零 or with 十 (十五 = 15). */
  static boolean canStart(char c) {
    int d = digit(c);
    return d > 0 || c == '十';
  }

  /**
   * The value of a whole numeral string, or null when it is not a well-formed numeral (十四五, 三三两两:
   * two digits in a row without 零 are a name or a word, not a number).
   */
  static BigDecimal parse(String s) {
    if (s.isEmpty() || !canStart(s.charAt(0))) return null;
    long total = 0;
    long section = 0;
    long number = -1;
    boolean afterZero = false;
    long lastUnit = Long.MAX_VALUE;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int d = digit(c);
      long u = smallUnit(c);
      if (d >= 0) {
        if (number >= 0 && !afterZero) return null;
        if (d == 0) {
          afterZero = true;
          number = -1;
          continue;
        }
        number = d;
        afterZero = false;
      } else if (u > 0) {
        if (u >= lastUnit) return null; // 十百: malformed
        if (number < 0) {
          if (c != '十' || section != 0) return null;
          number = 1;
        }
        section += number * u;
        lastUnit = u;
        number = -1;
        afterZero = false;
      } else if (c == '万' || c == '亿') {
        long scale = c == '万' ? 10_000L : 100_000_000L;
        long sec = section + Math.max(number, 0);
        if (sec == 0 && total == 0) return null;
        if (c == '亿') total = (total + sec) * scale;
        else total = total + sec * scale;
        section = 0;
        number = -1;
        lastUnit = Long.MAX_VALUE;
        afterZero = false;
      } else {
        return null;
      }
    }
    return BigDecimal.valueOf(total + section + Math.max(number, 0));
  }
}
