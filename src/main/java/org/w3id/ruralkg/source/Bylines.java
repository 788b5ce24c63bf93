package org.w3id.ruralkg.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises bylines and reads the names in them: role-led lines (通讯员 张顺富 文/图), lines with an
 * affiliation (…书记助理 高青天), plain name lines (杨铭) and datelines (本报讯(记者 陈飞)). Stateless and
 * thread-safe.
 */
final class Bylines {
  /** Result of reading a byline at the start of a paragraph: names and where the body begins. */
  record Inline(List<String> names, int bodyStart) {}

  private static final String ROLE =
      "(?:本报|本刊|本台)?(?:特约|实习|见习|首席|融媒体)?(?:记者|通讯员|摄影记者|摄影|撰稿|撰文|作者|实习生)";
  private static final Pattern ROLE_PREFIX = Pattern.compile("^" + ROLE);
  private static final Set<String> TRAILERS =
      Set.of("文/图", "图/文", "文", "图", "摄", "报道", "整理", "编译", "供稿", "文图", "/", "文、图");

  /** Positions that end an affiliation written before a name (…村党总支书记助理 高青天). */
  private static final Pattern AFFILIATION =
      Pattern.compile(
          "^\\p{IsHan}{2,24}(助理|书记|主任|干部|队员|队长|局长|部长|站长|校长|教师|老师|编辑|选调生|村官|专干|社工|学生|委员|所长|镇长|乡长|县长|工作人员)$");

  private static final Pattern DATELINE =
      Pattern.compile(
          "^(?:(?:本报讯|本刊讯|\\p{IsHan}{2,8}讯|新华社[^(（]{0,12}电)\\s*)?[(（]([^()（）]{2,40})[)）]\\s*");
  private static final Pattern HAN_TOKEN = Pattern.compile("\\p{IsHan}{1,4}");

  private static final String SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
          + "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
          + "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂"
          + "成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
          + "晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁"
          + "胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初"
          + "门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼"
          + "居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由杞吉禄晋蔚";
  private static final Set<String> COMPOUND_SURNAMES =
      Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容", "长孙", "宇文", "司徒", "夏侯");

  private Bylines() {}

  /**
   * The names of a stand-alone byline line, or null if the line is not one. Plain name lines
   * ({@code 杨铭}) count only when {@code plainNamesAllowed}, i.e. right under a title.
   */
  static List<String> standalone(String line, boolean plainNamesAllowed) {
    if (line.length() > 60 || Chars.hasProsePunctuation(line.replace("、", ""))) return null;
    String[] raw = line.trim().split("[\\s:]+");
    List<String> tokens = new ArrayList<>();
    for (String t : raw) if (!t.isEmpty()) tokens.add(t);
    while (!tokens.isEmpty() && TRAILERS.contains(tokens.get(tokens.size() - 1)))
      tokens.remove(tokens.size() - 1);
    if (tokens.isEmpty()) return null;
    boolean sawRole = false;
    List<String> nameTokens = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      Matcher m = ROLE_PREFIX.matcher(t);
      if (m.find()) {
        sawRole = true;
        t = t.substring(m.end());
        if (t.isEmpty()) continue;
      } else if (i == 0 && tokens.size() > 1 && AFFILIATION.matcher(t).matches()) {
        sawRole = true;
        continue;
      }
      for (String part : t.split("、")) {
        if (!HAN_TOKEN.matcher(part).matches()) return null;
        nameTokens.add(part);
      }
    }
    List<String> names = mergeSplitNames(nameTokens);
    if (names == null || names.isEmpty() || names.size() > 6) return null;
    if (sawRole) return names;
    if (!plainNamesAllowed || names.size() > 4) return null;
    if (names.size() == 1 && names.get(0).length() <= 3) return names;
    for (String n : names) if (!looksLikeName(n)) return null;
    return names;
  }

  /**
   * Whether a byline line opens with the author's post (西碗镇石燕村党总支书记助理 高青天): the units and
   * organisations it names are mentions of the page like any other.
   */
  static boolean hasAffiliation(String line) {
    String[] tokens = line.trim().split("[\\s:]+");
    return tokens.length > 1 && AFFILIATION.matcher(tokens[0]).matches();
  }

  /** A dateline/byline in parentheses at the start of a paragraph, or null. */
  static Inline inline(String paragraph) {
    Matcher m = DATELINE.matcher(paragraph);
    if (!m.find()) return null;
    String inner = m.group(1).trim();
    boolean hasDateline = m.start(1) > 1;
    List<String> names = standalone(inner, hasDateline);
    if (names == null) return null;
    if (!hasDateline && !ROLE_PREFIX.matcher(inner).find()) return null;
    if (m.end() >= paragraph.length()) return null;
    return new Inline(names, m.end());
  }

  /**
   * Joins 2-char names that the layout split with a space (颜 微 -> 颜微); null if a lone char remains.
   */
  static List<String> mergeSplitNames(List<String> tokens) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.length() == 1) {
        if (i + 1 < tokens.size() && tokens.get(i + 1).length() <= 2) {
          out.add(t + tokens.get(i + 1));
          i++;
          continue;
        }
        return null;
      }
      out.add(t);
    }
    return out;
  }

  static boolean looksLikeName(String n) {
    if (n.length() < 2 || n.length() > 4) return false;
    if (n.length() >= 3 && COMPOUND_SURNAMES.contains(n.substring(0, 2))) return true;
    return SURNAMES.indexOf(n.charAt(0)) >= 0;
  }
}
