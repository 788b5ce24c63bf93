package org.w3id.ruralkg.extract.figure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3id.ruralkg.common.Wordlist;
import org.w3id.ruralkg.extract.MeasureUnit;
import org.w3id.ruralkg.extract.Qualifier;
import org.w3id.ruralkg.extract.Quantity;
import org.w3id.ruralkg.extract.figure.Measures.Kind;
import org.w3id.ruralkg.extract.figure.Measures.Measure;

/**
 * Needs a sentence; adds the outcome figures in it as {@link Quantity} records (offsets relative to
 * the given string). Immutable after construction and thread-safe.
 *
 * <p>The grammar, read left to right at each position:
 *
 * <pre>
 *   quantity := preQualifier? amount ('—'|'-'|'至'|'到' amount)? measure? postQualifier?
 *   amount   := (arabic | chinese) ('余'|'多')? scale? ('余'|'多')?  |  '百分之' (arabic | chinese)
 *   scale    := '万亿' | '万' | '亿' | '千'
 * </pre>
 *
 * A candidate is dropped when its measure is a time/age/order word (2025年, 65岁), when it sits in a
 * name (a short “quoted” span, 《title》, joined by +, next to Latin letters as in 35kV), after 第 or
 * 海拔, or when a Chinese numeral below ten counts something (一个, 两委, 一户一户). A number without a
 * measure is kept only as money when a money word stands next to it (领到了4100).
 */
public final class QuantityParser {
  private static final String[] PRE_QUALIFIERS = {
    "不少于", "不低于", "不超过", "不足", "不到", "超过了", "超过", "至少有", "将近", "接近", "大约", "约", "逾", "超", "近", "至少",
    "突破"
  };
  private static final String[] POST_QUALIFIERS = {"以上", "左右", "以下", "以内", "范围内", "上下"};

  /** "10条措施", like "巧十条", names a policy package. */
  private static final String[] POLICY_WORDS = {"措施", "举措", "意见", "规定", "政策", "硬措施", "实招", "要求"};

  /** Nouns for people: lexicon/people-nouns.txt. */
  static final Set<String> PEOPLE = Wordlist.words("people-nouns.txt");

  private static final String NOT_AFTER_TENTHS = "为立功本长员果熟就绩效交都型品了不群";
  private static final String RANGE_MARKS = "—－-–~～至到";
  private static final String[] MONEY_WORDS = {
    "领到", "领了", "收入", "兑换", "工资", "挣", "赚", "报酬", "补贴", "奖金", "奖励", "卖了", "价值", "花了", "存款"
  };

  /** Quotes and titles: numbers inside a short one belong to a name (“131”, “巧十条”, ‘4+N’). */
  private static final String OPEN = "“‘「『《";

  private static final String CLOSE = "”’」』》";
  private static final int SHORT_QUOTE = 12;

  private final Measures measures = new Measures();
  private final CountedNoun countedNoun = new CountedNoun();

  /** The figures in {@code text}, in text order; never null. */
  public List<Quantity> parse(String text) {
    List<Quantity> out = new ArrayList<>();
    if (text == null) return out;
    int i = 0;
    int n = text.length();
    while (i < n) {
      Amount a = readAmount(text, i);
      if (a == null) {
        i++;
        continue;
      }
      Result r = readQuantity(text, a);
      if (r.quantity() != null) out.add(r.quantity());
      i = Math.max(r.resume(), i + 1);
    }
    return out;
  }

  /** A number with its scale; {@code valid} false for numeral runs that are words (十四五). */
  private record Amount(
      int start,
      int end,
      BigDecimal value,
      boolean chinese,
      boolean scaled,
      boolean more,
      boolean valid,
      boolean percent,
      BigDecimal max) {
    Amount(
        int start,
        int end,
        BigDecimal value,
        boolean chinese,
        boolean scaled,
        boolean more,
        boolean valid,
        boolean percent) {
      this(start, end, value, chinese, scaled, more, valid, percent, null);
    }
  }

  private record Result(Quantity quantity, int resume) {}

  private static boolean isArabic(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLatin(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private Amount readAmount(String t, int i) {
    if (i >= t.length()) return null;
    char c = t.charAt(i);
    if (t.startsWith("百分之", i)) {
      Amount inner = readAmount(t, i + 3);
      if (inner == null || inner.percent()) return null;
      return new Amount(
          i, inner.end(), inner.value(), inner.chinese(), false, inner.more(), inner.valid(), true);
    }
    Amount approximate = approximate(t, i);
    if (approximate != null) return approximate;
    int j;
    BigDecimal value;
    boolean chinese;
    boolean valid = true;
    if (isArabic(c)) {
      if (i > 0 && (isArabic(t.charAt(i - 1)) || t.charAt(i - 1) == '.')) return null;
      j = i;
      StringBuilder digits = new StringBuilder();
      while (j < t.length()) {
        char d = t.charAt(j);
        if (isArabic(d)) {
          digits.append(d);
          j++;
        } else if (d == ',' && threeDigitsAt(t, j + 1)) {
          j++;
        } else if (d == '.'
            && j + 1 < t.length()
            && isArabic(t.charAt(j + 1))
            && digits.indexOf(".") < 0) {
          digits.append('.');
          j++;
        } else {
          break;
        }
      }
      value = new BigDecimal(digits.toString());
      chinese = false;
    } else if (ChineseNumerals.canStart(c)) {
      j = i;
      while (j < t.length() && ChineseNumerals.isNumeralChar(t.charAt(j))) j++;
      value = ChineseNumerals.parse(t.substring(i, j));
      chinese = true;
      if (value == null) {
        return new Amount(i, j, BigDecimal.ZERO, true, false, false, false, false);
      }
    } else {
      return null;
    }
    boolean more = false;
    boolean scaled = chinese && (t.charAt(j - 1) == '万' || t.charAt(j - 1) == '亿');
    if (j < t.length() && isMore(t.charAt(j))) {
      more = true;
      j++;
    }
    if (!scaled) {
      int k = j;
      BigDecimal factor = null;
      if (t.startsWith("万亿", k)) {
        factor = new BigDecimal("1000000000000");
        k += 2;
      } else if (k < t.length() && t.charAt(k) == '万') {
        factor = new BigDecimal(10_000);
        k++;
      } else if (k < t.length() && t.charAt(k) == '亿') {
        factor = new BigDecimal(100_000_000);
        k++;
      } else if (!chinese
          && k < t.length()
          && t.charAt(k) == '千'
          && !(k + 1 < t.length() && "米克瓦伏".indexOf(t.charAt(k + 1)) >= 0)) {
        factor = new BigDecimal(1000);
        k++;
      }
      if (factor != null) {
        value = value.multiply(factor);
        scaled = true;
        j = k;
        if (!more && j < t.length() && isMore(t.charAt(j))) {
          more = true;
          j++;
        }
      }
    }
    return new Amount(i, j, value, chinese, scaled, more, valid, false);
  }

  /** 七八千, 三五十万 (a range); 十几, 几十, 几百 (more than the round number); 半亩; 千亩, 百头. */
  private Amount approximate(String t, int i) {
    char c = t.charAt(i);
    if (i > 0 && (ChineseNumerals.isNumeralChar(t.charAt(i - 1)) || t.charAt(i - 1) == '几'))
      return null;
    int d1 = ChineseNumerals.digit(c);
    if (d1 > 0 && i + 1 < t.length()) {
      int d2 = ChineseNumerals.digit(t.charAt(i + 1));
      if (d2 > d1 && d2 - d1 <= 2)
        return scaledRange(t, i, i + 2, BigDecimal.valueOf(d1), BigDecimal.valueOf(d2));
      return null;
    }
    if (t.startsWith("十几", i)) return scaledMore(t, i, i + 2, BigDecimal.TEN);
    if (c == '几' && i + 1 < t.length() && ChineseNumerals.smallUnit(t.charAt(i + 1)) > 0) {
      return scaledMore(
          t, i, i + 2, BigDecimal.valueOf(ChineseNumerals.smallUnit(t.charAt(i + 1))));
    }
    if (c == '几' && i + 1 < t.length() && t.charAt(i + 1) == '万')
      return scaledMore(t, i, i + 1, BigDecimal.ONE);
    if (c == '半' || c == '百' || c == '千' || c == '万') {
      Measure m = measures.at(t, i + 1);
      boolean measured =
          m != null
              && m.kind() == Kind.MEASURED
              && m.unit() != MeasureUnit.CNY
              && m.unit() != MeasureUnit.PERCENT;
      if (c == '半' && measured)
        return new Amount(i, i + 1, new BigDecimal("0.5"), true, false, false, true, false);
      if (c != '半' && m != null && ROUND_MEASURES.contains(m.word())) {
        long v = c == '百' ? 100 : c == '千' ? 1000 : 10_000;
        return new Amount(i, i + 1, BigDecimal.valueOf(v), true, true, false, true, false);
      }
    }
    return null;
  }

  /** Measures after which a bare 百, 千 or 万 is a round number (千亩基地, 超百头), not a word (千家万户). */
  private static final Set<String> ROUND_MEASURES = Set.of("亩", "头", "吨", "斤", "公斤", "株");

  private static Amount scaledRange(String t, int start, int k, BigDecimal low, BigDecimal high) {
    BigDecimal scale = BigDecimal.ONE;
    if (k < t.length() && ChineseNumerals.smallUnit(t.charAt(k)) > 0) {
      scale = BigDecimal.valueOf(ChineseNumerals.smallUnit(t.charAt(k)));
      k++;
    }
    if (k < t.length() && (t.charAt(k) == '万' || t.charAt(k) == '亿')) {
      scale = scale.multiply(BigDecimal.valueOf(t.charAt(k) == '万' ? 10_000L : 100_000_000L));
      k++;
    }
    return new Amount(
        start,
        k,
        low.multiply(scale),
        true,
        scale.compareTo(BigDecimal.ONE) > 0,
        false,
        true,
        false,
        high.multiply(scale));
  }

  private static Amount scaledMore(String t, int start, int k, BigDecimal value) {
    if (k < t.length() && (t.charAt(k) == '万' || t.charAt(k) == '亿')) {
      value = value.multiply(BigDecimal.valueOf(t.charAt(k) == '万' ? 10_000L : 100_000_000L));
      k++;
    }
    return new Amount(start, k, value, true, true, true, true, false);
  }

  private static boolean isMore(char c) {
    return c == '余' || c == '多';
  }

  private static boolean threeDigitsAt(String t, int k) {
    if (k + 3 > t.length()) return false;
    for (int x = k; x < k + 3; x++) if (!isArabic(t.charAt(x))) return false;
    return k + 3 == t.length() || !isArabic(t.charAt(k + 3));
  }

  private Result readQuantity(String t, Amount first) {
    if (!first.valid()) return new Result(null, first.end());
    Range range = readRange(t, first);
    Amount low = range.low();
    Amount high = range.high();
    int pos = range.end();
    Amount last = high != null ? high : low;
    boolean percentWord = first.percent();
    Measure m = percentWord ? null : measures.at(t, pos);
    if (m != null && m.word().equals("个") && isDurationAfterGe(t, pos + 1)) {
      return new Result(null, pos + 1);
    }
    int end = m == null ? pos : pos + m.word().length();
    if (measureIsOtherWord(t, m, end)) return new Result(null, end);
    MeasureUnit unit;
    BigDecimal factor = BigDecimal.ONE;
    if (percentWord) {
      unit = MeasureUnit.PERCENT;
    } else if (m != null) {
      unit = m.unit();
      factor = m.factor();
    } else {
      unit = bareMoney(t, first.start(), pos, last) ? MeasureUnit.CNY : null;
      if (unit == null) return new Result(null, pos);
    }
    if (isDropped(t, first, last, m, end)) return new Result(null, end);

    int after = end;
    String post = startsWithAny(t, end, POST_QUALIFIERS);
    String pre = endsWithAny(t, first.start(), PRE_QUALIFIERS);
    Qualifier q = qualifier(low, high, post, pre);
    if (post != null) after = end + post.length();
    BigDecimal value = normalise(low.value().multiply(factor));
    BigDecimal valueMax = high == null ? null : normalise(high.value().multiply(factor));
    String counted = null;
    // 平方米 and 立方米 measure, they do not count things
    boolean counts = m == null || m.kind() == Measures.Kind.COUNTED;
    if (counts
        && (unit == MeasureUnit.COUNT
            || unit == MeasureUnit.PERSON
            || unit == MeasureUnit.HOUSEHOLD)) {
      counted =
          countedNoun.find(t, pre == null ? first.start() : first.start() - pre.length(), after);
    }
    // 10多个村民: 个 counting people counts persons
    if (unit == MeasureUnit.COUNT
        && m != null
        && m.word().equals("个")
        && counted != null
        && PEOPLE.contains(counted)) unit = MeasureUnit.PERSON;
    Quantity quantity =
        new Quantity(
            first.start(), end, t.substring(first.start(), end), value, valueMax, unit, q, counted);
    return new Result(quantity, end);
  }

  /** The low and high ends of a figure (high null: a single amount) and where its numbers end. */
  private record Range(Amount low, Amount high, int end) {}

  /**
   * A range from {@code first}: a second amount after a range mark (2—3万: the low end takes the
   * high end's scale), or the upper bound {@code first} carries itself.
   */
  private Range readRange(String t, Amount first) {
    Amount low = first;
    Amount high = null;
    int pos = first.end();
    if (pos + 1 < t.length()
        && RANGE_MARKS.indexOf(t.charAt(pos)) >= 0
        && !first.more()
        && !first.percent()) {
      Amount second = readAmount(t, pos + 1);
      if (second != null
          && second.valid()
          && second.chinese() == first.chinese()
          && !second.percent()) {
        high = second;
        if (!first.scaled() && second.scaled()) {
          BigDecimal factor = scaleOf(t, second);
          low =
              new Amount(
                  first.start(),
                  first.end(),
                  first.value().multiply(factor),
                  first.chinese(),
                  true,
                  false,
                  true,
                  false);
        }
        pos = second.end();
      }
    }
    if (high == null && first.max() != null) {
      high =
          new Amount(
              first.start(), first.end(), first.max(), true, first.scaled(), false, true, false);
    }
    return new Range(low, high, pos);
  }

  /**
   * True when the measure word is not one here: an excluded measure (年, 岁), 成 inside another word,
   * or 条 naming a policy package (10条措施).
   */
  private static boolean measureIsOtherWord(String t, Measure m, int end) {
    if (m == null) return false;
    if (m.kind() == Kind.EXCLUDED) return true;
    // 成 is tenths only where it ends the word: 一成不变, 三成员, 九成熟 are other words
    if (m.word().equals("成") && end < t.length() && NOT_AFTER_TENTHS.indexOf(t.charAt(end)) >= 0)
      return true;
    return m.word().equals("条") && startsWithAny(t, end, POLICY_WORDS) != null;
  }

  /**
   * True when the figure is dropped: in a name, vague, a Chinese numeral without a measure or below
   * ten counting something (一个), or a height above sea level (海拔, 高程).
   */
  private static boolean isDropped(String t, Amount first, Amount last, Measure m, int end) {
    if (isInName(t, first.start(), end) || isVague(t, first.start(), m)) return true;
    if (first.chinese() && !first.percent()) {
      boolean small = last.value().compareTo(BigDecimal.TEN) < 0;
      if (m == null || small && m.kind() == Kind.COUNTED) return true;
    }
    // a height: 海拔2000米, 50米高程
    return m != null
        && m.unit() == MeasureUnit.METRE
        && (precededBy(t, first.start(), "海拔", 3) || t.startsWith("高程", end));
  }

  /** The qualifier: a range, 余/多, a qualifier word after the figure, or one before it. */
  private static Qualifier qualifier(Amount low, Amount high, String post, String pre) {
    if (high != null) return Qualifier.RANGE;
    if (low.more()) return Qualifier.MORE_THAN;
    if (post != null) {
      return switch (post) {
        case "以上" -> Qualifier.AT_LEAST;
        case "左右", "上下" -> Qualifier.APPROX;
        default -> Qualifier.UP_TO;
      };
    }
    if (pre != null) {
      return switch (pre) {
        case "不少于", "不低于", "至少", "至少有" -> Qualifier.AT_LEAST;
        case "不超过", "不足", "不到" -> Qualifier.UP_TO;
        case "将近", "接近", "近" -> Qualifier.NEARLY;
        case "大约", "约" -> Qualifier.APPROX;
        default -> Qualifier.MORE_THAN;
      };
    }
    return Qualifier.EXACT;
  }

  private static BigDecimal scaleOf(String t, Amount a) {
    int e = a.end();
    while (e > a.start() && isMore(t.charAt(e - 1))) e--;
    if (t.startsWith("万亿", e - 2)) return new BigDecimal("1000000000000");
    return switch (t.charAt(e - 1)) {
      case '万' -> new BigDecimal(10_000);
      case '亿' -> new BigDecimal(100_000_000);
      case '千' -> new BigDecimal(1000);
      default -> BigDecimal.ONE;
    };
  }

  /** 2个月, 3个多小时: a duration, not a count. */
  private static boolean isDurationAfterGe(String t, int k) {
    if (k < t.length() && (t.charAt(k) == '多' || t.charAt(k) == '半')) k++;
    for (String w : new String[] {"月", "小时", "工作日", "星期", "季度", "钟头", "年头", "礼拜"}) {
      if (t.startsWith(w, k)) return true;
    }
    return false;
  }

  /** A bare number is money only next to a money word, and only if a word boundary follows. */
  private static boolean bareMoney(String t, int start, int end, Amount last) {
    if (last.chinese()) return false;
    if (end < t.length()) {
      char next = t.charAt(end);
      boolean cjk = Character.UnicodeScript.of(next) == Character.UnicodeScript.HAN;
      if (isLatin(next)
          || isArabic(next)
          || next == '+'
          || next == '@'
          || next == '.'
          || next == '-'
          || next == '/') return false;
      if (cjk && next != '的' && next != '了' && next != '还') return false;
    }
    String digits = t.substring(start, end).replaceAll("[^0-9.]", "");
    int intDigits = digits.indexOf('.') < 0 ? digits.length() : digits.indexOf('.');
    if (!last.scaled() && intDigits > 6) return false;
    int from = clauseStart(t, start, 10);
    String left = t.substring(from, start);
    String right = t.substring(end, Math.min(t.length(), end + 4));
    for (String w : MONEY_WORDS) {
      if (left.contains(w) || right.contains(w)) return true;
    }
    return false;
  }

  private static int clauseStart(String t, int pos, int max) {
    int k = pos;
    while (k > 0 && pos - k < max && "，,。；;：:！？!?\n".indexOf(t.charAt(k - 1)) < 0) k--;
    return k;
  }

  /** Numbers in short quotes or titles, joined by +, or glued to Latin letters or @ are names. */
  private static boolean isInName(String t, int start, int end) {
    if (start > 0) {
      char b = t.charAt(start - 1);
      if (b == '+' || b == '＋' || b == '@' || b == '.' || b == '/' || isLatin(b)) return true;
    }
    int k = start;
    while (k < end && (isArabic(t.charAt(k)) || t.charAt(k) == '.' || t.charAt(k) == ',')) k++;
    if (k < t.length()) {
      char a = t.charAt(k);
      if (a == '+' || a == '＋' || a == '@' || isLatin(a)) return true;
    }
    if (end < t.length() && (t.charAt(end) == '+' || t.charAt(end) == '＋')) return true;
    return insideShortQuote(t, start, end);
  }

  /**
   * A quotation that holds a clause's punctuation is someone's words (“2000斤桃子全卖完了！”), not a name.
   */
  private static final String SPEECH = "，。！？；,!?;";

  private static boolean insideShortQuote(String t, int start, int end) {
    int open = -1;
    for (int k = start - 1; k >= 0 && start - k <= SHORT_QUOTE + 18; k--) {
      char c = t.charAt(k);
      if (CLOSE.indexOf(c) >= 0) return false;
      if (OPEN.indexOf(c) >= 0) {
        open = k;
        break;
      }
    }
    if (open < 0) return false;
    char want = CLOSE.charAt(OPEN.indexOf(t.charAt(open)));
    int limit = t.charAt(open) == '《' ? 30 : SHORT_QUOTE;
    for (int k = open + 1; k < start; k++) if (SPEECH.indexOf(t.charAt(k)) >= 0) return false;
    for (int k = end; k < t.length() && k - open <= limit + 1; k++) {
      char c = t.charAt(k);
      if (c == want) return k - open - 1 <= limit;
      if (OPEN.indexOf(c) >= 0 || SPEECH.indexOf(c) >= 0) return false;
    }
    return false;
  }

  /** 第3, 数十个, 几百人: ordinals and vague amounts are not figures. */
  private static boolean isVague(String t, int start, Measure m) {
    if (start == 0) return false;
    char b = t.charAt(start - 1);
    return b == '第'
        || b == '数'
        || b == '几'
        || b == '前' && m != null && m.unit() == MeasureUnit.PERSON;
  }

  private static boolean precededBy(String t, int start, String word, int within) {
    int from = Math.max(0, start - within - word.length());
    return t.substring(from, start).contains(word);
  }

  private static String startsWithAny(String t, int pos, String[] words) {
    for (String w : words) if (t.startsWith(w, pos)) return w;
    return null;
  }

  private static String endsWithAny(String t, int pos, String[] words) {
    String best = null;
    for (String w : words) {
      int s = pos - w.length();
      if (s >= 0 && t.startsWith(w, s) && (best == null || w.length() > best.length())) best = w;
    }
    return best;
  }

  /** Plain notation without exponent: 2.3E+7 becomes 23000000, 666.10 stays 666.1. */
  static BigDecimal normalise(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
