package org.w3id.ruralkg.source;

/** Character classes shared by the normaliser and the splitter. Stateless and thread-safe. */
final class Chars {
  private Chars() {}

  static boolean isHan(char c) {
    return (c >= '\u4E00' && c <= '\u9FFF')
        || (c >= '\u3400' && c <= '\u4DBF')
        || (c >= '\uF900' && c <= '\uFAFF')
        || c == '〇'
        || Character.isSurrogate(c);
  }

  /** Han ideographs and the CJK/full-width punctuation that sits between them. */
  static boolean isCjk(char c) {
    return isHan(c)
        || (c >= '\u3000' && c <= '\u303F')
        || (c >= '\uFF00' && c <= '\uFFEF')
        || c == '“'
        || c == '”'
        || c == '‘'
        || c == '’'
        || c == '—'
        || c == '…'
        || c == '·';
  }

  /** Ends a sentence (after NFKC: ! ? ; are half-width). */
  static boolean isSentenceEnd(char c) {
    return c == '。' || c == '!' || c == '?' || c == ';' || c == '…' || c == '．' || c == '！'
        || c == '？' || c == '；';
  }

  static boolean isClosing(char c) {
    return c == '”' || c == '’' || c == '」' || c == '』' || c == ')' || c == '）' || c == '》'
        || c == '"' || c == '\'' || c == '】';
  }

  /**
   * True when the text ends a sentence, allowing closing quotes/brackets after the final mark; a
   * bare quoted phrase (subhead-like “红色根基”) does not end one.
   */
  static boolean endsSentence(CharSequence s) {
    int i = s.length() - 1;
    while (i >= 0 && isClosing(s.charAt(i))) i--;
    return i >= 0 && isSentenceEnd(s.charAt(i));
  }

  /** Punctuation that marks running prose rather than a heading or a byline. */
  static boolean hasProsePunctuation(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '、' || c == '。' || c == ';' || c == '!' || c == '?' || c == '，'
          || c == '；' || c == '！' || c == '？') {
        return true;
      }
    }
    return false;
  }

  static int hanCount(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) if (isHan(s.charAt(i))) n++;
    return n;
  }
}
