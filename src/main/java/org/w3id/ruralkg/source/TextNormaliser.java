package org.w3id.ruralkg.source;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Normalises a decoded page: needs the decoded string, adds the normalised text and an exact map
 * from every normalised char back to the original (NFKC per char keeping Chinese punctuation, LF
 * line ends, markdown heading markers stripped, PDF line-wrap artefacts joined). Stateless and
 * thread-safe.
 *
 * <p>Joins remove only layout: spaces inside running prose next to CJK text ({@code 湖畔社 区}), and a
 * line break or single blank line that cuts a sentence in two ({@code 就地就\n\n业增收}). Headings,
 * bylines and titles keep their spaces. Blank lines between paragraphs are kept as they are,
 * because the splitter reads image breaks from their number.
 */
public final class TextNormaliser {
  private static final Pattern INLINE_BYLINE_START =
      Pattern.compile("^(本报讯|本刊讯|\\p{IsHan}{1,8}讯|新华社|记者|通讯员|本报记者|特约记者|[(（](本报)?(记者|通讯员))");
  private static final String[] ROLE_WORDS = {"记者", "通讯员", "摄影", "实习生", "作者", "编辑", "摄"};

  public SourceText normalise(String fileName, String sha256, String charset, String original) {
    Buffer pass1 = charLevel(original);
    Buffer pass2 = lineLevel(pass1.sb.toString());
    int n = pass2.sb.length();
    int[] map = new int[n + 1];
    for (int i = 0; i < n; i++) map[i] = pass1.src.get(pass2.src.get(i));
    map[n] = original.length();
    return new SourceText(fileName, sha256, charset, original, pass2.sb.toString(), map);
  }

  /** Text under construction plus, for each char, its index in the previous stage. */
  private static final class Buffer {
    final StringBuilder sb = new StringBuilder();
    final IntList src = new IntList();

    void add(char c, int from) {
      sb.append(c);
      src.add(from);
    }

    void add(Buffer other, int start, int end) {
      sb.append(other.sb, start, end);
      for (int i = start; i < end; i++) src.add(other.src.get(i));
    }
  }

  // --- pass 1: characters -------------------------------------------------------------------

  private static Buffer charLevel(String s) {
    Buffer out = new Buffer();
    int n = s.length();
    for (int i = 0; i < n; ) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      if (cp == '\r') {
        out.add('\n', i);
        if (i + 1 < n && s.charAt(i + 1) == '\n') len = 2;
      } else if (cp == '\n' || cp == '\f' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
        out.add('\n', i);
      } else if (cp == '\t') {
        out.add(' ', i);
      } else if (Character.isISOControl(cp)
          || cp == 0xFEFF
          || (cp >= 0x200B && cp <= 0x200D)
          || cp == 0x2060) {
        // invisible: dropped
      } else if (keepAsIs(cp)) {
        for (int k = 0; k < len; k++) out.add(s.charAt(i + k), i + k);
      } else {
        String nf = Normalizer.normalize(s.substring(i, i + len), Normalizer.Form.NFKC);
        for (int k = 0; k < nf.length(); k++) out.add(nf.charAt(k), i);
      }
      i += len;
    }
    return out;
  }

  /** NFKC would break these apart or lose meaning: the ellipsis, circled list numbers. */
  private static boolean keepAsIs(int cp) {
    if (cp < 0x80) return true;
    return cp == '…'
        || cp == '‥'
        || (cp >= 0x2460 && cp <= 0x24FF)
        || (cp >= 0x3251 && cp <= 0x32BF);
  }

  // --- pass 2: lines ------------------------------------------------------------------------

  private static final class Line {
    final Buffer content = new Buffer();
    int newline = -1; // index of the '\n' that ends this line in the pass-1 text, -1 at the end
    int blanksBefore;
  }

  private static Buffer lineLevel(String t) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    while (true) {
      int nl = t.indexOf('\n', start);
      int end = nl < 0 ? t.length() : nl;
      Line line = cleanLine(t, start, end);
      line.newline = nl;
      lines.add(line);
      if (nl < 0) break;
      start = nl + 1;
    }
    Buffer out = new Buffer();
    int i = 0;
    while (i < lines.size()) {
      Line cur = lines.get(i);
      out.add(cur.content, 0, cur.content.sb.length());
      int last = i;
      // join following lines while the sentence obviously runs on
      while (true) {
        int next = last + 1;
        int gap = 0;
        while (next < lines.size() && lines.get(next).content.sb.length() == 0 && gap < 2) {
          next++;
          gap++;
        }
        if (next >= lines.size() || gap > 1 || lines.get(next).content.sb.length() == 0) break;
        Line n = lines.get(next);
        if (!runsOn(currentLine(out), n.content.sb, gap)) break;
        out.add(n.content, 0, n.content.sb.length());
        last = next;
      }
      Line end = lines.get(last);
      if (end.newline >= 0) out.add('\n', end.newline);
      i = last + 1;
    }
    return out;
  }

  /** The text after the last '\n' written so far. */
  private static CharSequence currentLine(Buffer out) {
    int k = out.sb.lastIndexOf("\n");
    return out.sb.subSequence(k + 1, out.sb.length());
  }

  /**
   * Does the prose line {@code p} continue in {@code n}, across a line break and {@code gap} blank
   * lines?
   */
  static boolean runsOn(CharSequence p, CharSequence n, int gap) {
    if (p.length() < 6 || !Chars.hasProsePunctuation(p) || Chars.endsSentence(p)) return false;
    char last = p.charAt(p.length() - 1);
    if (last == ':' || last == '—' || last == '-' || last == ' ') return false;
    char first = n.charAt(0);
    if (gap == 0) return Chars.isHan(first) || Character.isDigit(first);
    // across a blank line only into prose: a heading or byline after a cut sentence stays apart
    return Chars.isHan(first) && Chars.hasProsePunctuation(n);
  }

  /** Trims a line, drops a markdown heading marker and removes layout spaces inside prose. */
  private static Line cleanLine(String t, int start, int end) {
    while (start < end && t.charAt(start) == ' ') start++;
    while (end > start && t.charAt(end - 1) == ' ') end--;
    int h = start;
    while (h < end && h - start < 6 && t.charAt(h) == '#') h++;
    if (h > start && h < end && t.charAt(h) == ' ') {
      start = h;
      while (start < end && t.charAt(start) == ' ') start++;
    }
    Line line = new Line();
    String s = t.substring(start, end);
    if (!Chars.hasProsePunctuation(s)) {
      for (int i = start; i < end; i++) line.content.add(t.charAt(i), i);
      return line;
    }
    int protect = protectedPrefix(s);
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '（' || c == '[' || c == '【') depth++;
      if ((c == ')' || c == '）' || c == ']' || c == '】') && depth > 0) depth--;
      if (c == ' ' && i >= protect && depth == 0) {
        int j = i;
        while (j < s.length() && s.charAt(j) == ' ') j++;
        char before = s.charAt(i - 1); // lines are trimmed, so a space has chars on both sides
        char after = s.charAt(j);
        if ((Chars.isCjk(before) || Chars.isCjk(after)) && !endsWithRole(s, i)) {
          i = j - 1;
          continue;
        }
      }
      line.content.add(c, start + i);
    }
    return line;
  }

  /** A dateline byline (本报讯 记者 张三 ...) keeps its spaces up to the first prose mark. */
  private static int protectedPrefix(String s) {
    if (!INLINE_BYLINE_START.matcher(s).find()) return 0;
    for (int i = 0; i < s.length(); i++) {
      if (Chars.hasProsePunctuation(s.subSequence(i, i + 1))) return i;
    }
    return s.length();
  }

  private static boolean endsWithRole(String s, int end) {
    for (String r : ROLE_WORDS) if (s.startsWith(r, end - r.length())) return true;
    return false;
  }

  /** A growable int array. */
  private static final class IntList {
    private int[] a = new int[256];
    private int n;

    void add(int v) {
      if (n == a.length) a = Arrays.copyOf(a, n * 2);
      a[n++] = v;
    }

    int get(int i) {
      return a[i];
    }
  }
}
