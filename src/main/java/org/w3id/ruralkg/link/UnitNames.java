package org.w3id.ruralkg.link;

/**
 * Name rules shared by the gazetteer and the linker (docs/CONTRACT.md section 2). Stateless,
 * thread-safe.
 */
public final class UnitNames {

  private UnitNames() {}

  private static final String[] VILLAGE_COMMITTEE = {
    "村民委员会", "村民委员", "村名委员会", "村委员会", "村民委会", "村委员", "村委会", "村委"
  };
  private static final String[] RESIDENT_COMMITTEE = {
    "社区居民委员会", "居民委员会", "居民委员", "居委员会", "居民委会", "居员会", "居委会"
  };

  /** 木桥村民委员会 -> 木桥村, 海口社区居民委员会 -> 海口社区, 纪念塔居委会 -> 纪念塔社区; other names unchanged. */
  public static String canonicalVillage(String name) {
    String n = name;
    if (n.endsWith("）")) {
      int open = n.lastIndexOf('（');
      if (open > 0) n = n.substring(0, open);
    }
    for (String suffix : VILLAGE_COMMITTEE) {
      if (n.endsWith(suffix) && n.length() > suffix.length()) {
        String base = n.substring(0, n.length() - suffix.length());
        return base.endsWith("村") || base.endsWith("社区") ? base : base + "村";
      }
    }
    for (String suffix : RESIDENT_COMMITTEE) {
      if (n.endsWith(suffix) && n.length() > suffix.length()) {
        String base = n.substring(0, n.length() - suffix.length());
        return base.endsWith("社区") ? base : base + "社区";
      }
    }
    return n;
  }

  /**
   * The level a name's suffix implies, or null (e.g. for a bare short form). 市 counts as county.
   */
  public static Level levelOfSuffix(String name) {
    if (name.endsWith("省") || name.endsWith("自治区")) return Level.PROVINCE;
    if (name.endsWith("州") || name.endsWith("地区") || name.endsWith("盟")) return Level.PREFECTURE;
    if (name.endsWith("村") || name.endsWith("社区") || name.endsWith("委员会") || name.endsWith("委会"))
      return Level.VILLAGE;
    if (name.endsWith("镇") || name.endsWith("乡") || name.endsWith("街道")) return Level.TOWNSHIP;
    if (name.endsWith("县") || name.endsWith("区") || name.endsWith("旗") || name.endsWith("市"))
      return Level.COUNTY;
    return null;
  }

  static boolean isHan(char c) {
    return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
  }
}
