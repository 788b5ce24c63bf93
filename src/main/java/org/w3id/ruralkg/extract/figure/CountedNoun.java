package org.w3id.ruralkg.extract.figure;

/**
 * Finds the noun a count refers to: the span right after the measure word (1.25万个就业岗位 -> 就业岗位),
 * else the span right before the number (培训班75期 -> 培训班). A span ends at punctuation, a digit, or a
 * verb/particle from a short list; compounds that contain such a word but are nouns (党组织, 就业岗位) are
 * stepped over whole. Stateless, thread-safe.
 */
final class CountedNoun {
  private static final int MAX = 14;

  /** Nouns that contain a stop word; they are taken whole. */
  private static final String[] PROTECTED = {
    "党组织", "经济组织", "社会组织", "集体经济组织", "就业岗位", "就业服务站", "就业服务中心", "就业车间", "就业基地", "就业扶贫车间", "务工岗位",
    "务工车间", "务工人员", "搬迁群众", "搬迁户", "搬迁对象", "搬迁劳动力", "安置点", "安置区", "安置房", "安置小区", "帮扶车间", "帮扶对象",
    "帮扶干部", "脱贫户", "脱贫人口", "脱贫劳动力", "培训班", "发展中心", "服务站", "服务点", "服务中心", "服务队", "共产党员", "为民服务",
    "建设项目", "建档立卡", "在外人员", "外出务工人员", "易地扶贫搬迁", "易地搬迁", "工作者", "工作人员", "工作队", "集中安置区", "集中安置点",
    "集中连片", "在村", "在册", "在岗", "在校", "在外",
  };

  private static final String[] RIGHT_STOPS = {
    "的", "已", "均", "等", "达", "和", "与", "及", "或", "在", "将", "被", "从", "向", "是", "了", "也", "都", "还",
    "就", "让", "把", "给", "由", "并", "而", "又", "再", "每", "实现", "通过", "入驻", "就业", "参与", "参加", "牵头",
    "开展", "发展", "建立", "建设", "进行", "提供", "正在", "全部", "全面", "全员", "户均", "人均", "联系", "获得", "务工", "就近",
    "就地", "稳定", "吸纳", "兼任", "挂任", "深入", "长期", "接受", "完成", "进入", "开始", "得到", "受益", "脱贫", "积极", "集中",
    "分别", "覆盖", "提升", "增收", "上阵", "认证", "其中", "共同", "共计", "累计", "目前", "已经", "成功", "主动", "带头", "组成",
    "组织", "实施", "落实", "承担", "签订", "领取", "享受", "入住", "搬迁", "安置", "摆脱", "加入", "纳入", "转移", "外出", "返乡",
    "上岗", "持续", "开发", "推动", "带动", "参训", "结对", "帮扶", "监测", "帮助", "服务", "收入", "围成", "发放", "投入", "实行",
    "发动", "对接", "挂钩", "成立", "选派", "全覆盖", "下沉", "派驻",
  };

  private static final String[] LEFT_STOPS = {
    "带动", "安置", "建立", "成立", "组建", "培育", "储备", "招录", "选派", "建成", "发展", "其中", "累计", "已", "达", "引领",
    "实施", "下达", "批复", "举办", "开展", "新增", "就业", "帮扶", "转移", "搬迁", "入住", "务工", "服务", "配强", "组织", "发动",
    "吸纳", "领办", "主导", "评选出", "评选", "发放", "获得", "提供", "推送", "制作", "发送", "建设", "在建", "竣工", "锁定", "在",
    "和", "与", "及", "的", "了", "是", "等", "全县", "全市", "全省", "全州", "全区", "全镇", "全乡", "全村", "其余", "目前",
    "截至", "共", "有", "拥有", "涉及", "包括", "覆盖", "惠及", "共有", "还有", "现有", "设立", "设置", "开设", "创建", "打造",
    "培养", "招聘", "录用", "聘请", "动员", "深入", "对", "向", "为", "从", "将", "把", "让", "使", "帮助", "支持", "扶持",
    "投入", "流转", "种植", "签约", "引进", "招引", "联系", "挂钩", "对接", "确定",
  };

  private static final String PUNCT = "，,。；;：:！？!?（）()“”‘’「」《》、—－-…·\n\r\t ";

  /**
   * The counted noun next to a quantity whose number starts at {@code numberStart} and whose
   * measure (and post-qualifier) ends at {@code after}; null if none.
   */
  String find(String t, int numberStart, int after) {
    String r = right(t, after);
    return r != null ? r : left(t, numberStart);
  }

  private static String right(String t, int pos) {
    return right(t, pos, false);
  }

  private static String rightOf(String t, int pos) {
    return right(t, pos, true);
  }

  private static String right(String t, int pos, boolean afterRelative) {
    int k = pos;
    while (k < t.length()) {
      if (k - pos > MAX) return null;
      String prot = startsWith(t, k, PROTECTED);
      if (prot != null) {
        k += prot.length();
        continue;
      }
      String stop = startsWith(t, k, RIGHT_STOPS);
      if (stop != null) {
        // 4名不想为、不敢为的村支书: the noun after a relative clause's 的 is what is counted
        if (stop.equals("的") && k > pos && !afterRelative && !startsWithNoun(t, pos)) {
          String head = rightOf(t, k + 1);
          if (head != null && head.length() <= 6) return head;
        }
        break;
      }
      char c = t.charAt(k);
      if (c == '(' || c == '（') {
        int close = closing(t, k, c == '(' ? ')' : '）', 10);
        if (close < 0 || k == pos) break;
        k = close + 1;
        continue;
      }
      if (c == '“' || c == '‘') {
        int close = closing(t, k, c == '“' ? '”' : '’', 12);
        if (close < 0) break;
        k = close + 1;
        continue;
      }
      if (c == '、' && k > pos) {
        k++;
        continue;
      }
      if (PUNCT.indexOf(c) >= 0 || isDigitLike(c)) break;
      k++;
    }
    String span = trimRight(t.substring(pos, k));
    return span.isEmpty() ? null : span;
  }

  private static String left(String t, int pos) {
    int k = pos;
    while (k > 0) {
      if (pos - k > MAX) return null;
      String prot = endsWith(t, k, PROTECTED);
      if (prot != null) {
        k -= prot.length();
        continue;
      }
      if (endsWith(t, k, LEFT_STOPS) != null) break;
      char c = t.charAt(k - 1);
      if (c == ')' || c == '）') {
        int open = opening(t, k - 1, c == ')' ? '(' : '（', 10);
        if (open < 0) break;
        k = open;
        continue;
      }
      if (c == '”' || c == '’') {
        int open = opening(t, k - 1, c == '”' ? '“' : '‘', 12);
        if (open < 0) break;
        k = open;
        continue;
      }
      if (c == '、' && k < pos) {
        k--;
        continue;
      }
      if (PUNCT.indexOf(c) >= 0 || isDigitLike(c)) break;
      k--;
    }
    if (k > 0 && isDigitLike(t.charAt(k - 1))) return null; // the noun of an earlier number
    String span = t.substring(k, pos);
    while (span.startsWith("、")) span = span.substring(1);
    return span.isEmpty() ? null : span;
  }

  /** 20名村民分工…负责村内的卫生: a noun right after the measure is the head, not a relative clause. */
  private static boolean startsWithNoun(String t, int pos) {
    for (String w : QuantityParser.PEOPLE) if (w.length() > 1 && t.startsWith(w, pos)) return true;
    return false;
  }

  private static boolean isDigitLike(char c) {
    return c >= '0' && c <= '9' || c == '%' || c == '％';
  }

  private static String trimRight(String s) {
    while (s.endsWith("、")) s = s.substring(0, s.length() - 1);
    if (s.length() > 2 && "上中里内".indexOf(s.charAt(s.length() - 1)) >= 0)
      s = s.substring(0, s.length() - 1);
    return s;
  }

  private static int closing(String t, int from, char close, int within) {
    for (int k = from + 1; k < t.length() && k - from <= within + 1; k++)
      if (t.charAt(k) == close) return k;
    return -1;
  }

  private static int opening(String t, int from, char open, int within) {
    for (int k = from - 1; k >= 0 && from - k <= within + 1; k--) if (t.charAt(k) == open) return k;
    return -1;
  }

  private static String startsWith(String t, int pos, String[] words) {
    String best = null;
    for (String w : words)
      if (t.startsWith(w, pos) && (best == null || w.length() > best.length())) best = w;
    return best;
  }

  private static String endsWith(String t, int pos, String[] words) {
    String best = null;
    for (String w : words) {
      int s = pos - w.length();
      if (s >= 0 && t.startsWith(w, s) && (best == null || w.length() > best.length())) best = w;
    }
    return best;
  }
}
