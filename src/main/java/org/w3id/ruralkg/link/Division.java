package org.w3id.ruralkg.link;

/**
 * A real division from the national code list. {@code name} is the canonical name (villages already
 * without the committee suffix, see docs/CONTRACT.md); {@code parentCode} is null for provinces.
 */
public record Division(String code, String name, Level level, String parentCode) {}
