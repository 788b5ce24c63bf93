package org.w3id.ruralkg.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.w3id.ruralkg.common.RuralKgException;

/**
 * A saved query from queries/NAME.rq with its grlc-style header: {@code #+ summary:}, {@code #+
 * description:}, {@code #+ tags:} and parameters declared as {@code #+ param: name type default --
 * description} (type one of string, integer, decimal, iri, langzh; default "-" for required),
 * optionally restricted to a list of values by {@code #+ enum: name value1 value2 ...}, and example
 * calls as {@code #+ example: name=value name=value} (values without spaces; every required
 * parameter given): they document the API, and the benchmark and the tests run them. Parameter
 * values are bound as typed RDF terms, never spliced into the query text. Immutable.
 */
public record SavedQuery(
    String name,
    String summary,
    String description,
    List<String> tags,
    Map<String, Param> params,
    List<Map<String, String>> examples,
    String text,
    Query query) {

  /**
   * A declared parameter; {@code defaultValue} null means required; {@code allowed} empty means any
   * value.
   */
  public record Param(
      String name, String type, String defaultValue, String description, List<String> allowed) {
    public Param {
      allowed = List.copyOf(allowed);
    }

    public Param(String name, String type, String defaultValue, String description) {
      this(name, type, defaultValue, description, List.of());
    }

    public Node toNode(String value) {
      if (!allowed.isEmpty() && !allowed.contains(value)) {
        throw new RuralKgException(
            "parameter " + name + ": '" + value + "' is not one of " + String.join(", ", allowed));
      }
      try {
        return switch (type) {
          case "integer" -> {
            long n = Long.parseLong(value.trim());
            // counts and limits: a negative one would mean "no limit" to text:query and friends
            if (n < 0)
              throw new RuralKgException(
                  "parameter " + name + ": '" + value + "' must not be negative");
            yield NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
          }
          case "decimal" ->
              NodeFactory.createLiteralDT(
                  new java.math.BigDecimal(value.trim()).toPlainString(), XSDDatatype.XSDdecimal);
          case "iri" -> {
            java.net.URI u = new java.net.URI(value.trim());
            if (!u.isAbsolute()) throw new IllegalArgumentException("not an absolute IRI");
            yield NodeFactory.createURI(u.toString());
          }
          case "langzh" -> NodeFactory.createLiteralLang(value, "zh");
          default -> NodeFactory.createLiteralString(value);
        };
      } catch (IllegalArgumentException | java.net.URISyntaxException e) {
        throw new RuralKgException(
            "parameter " + name + ": '" + value + "' is not a valid " + type);
      }
    }
  }

  public static SavedQuery parse(String name, String text) {
    String summary = "", description = "";
    List<String> tags = new ArrayList<>();
    Map<String, Param> params = new LinkedHashMap<>();
    Map<String, List<String>> enums = new LinkedHashMap<>();
    List<String> exampleLines = new ArrayList<>();
    boolean inTags = false;
    for (String line : text.split("\n")) {
      if (!line.startsWith("#+")) {
        if (!line.isBlank() && !line.startsWith("#")) break;
        continue;
      }
      String l = line.substring(2).trim();
      if (inTags && l.startsWith("- ")) {
        tags.add(l.substring(2).trim());
        continue;
      }
      inTags = false;
      if (l.startsWith("summary:")) summary = l.substring(8).trim();
      else if (l.startsWith("description:")) description = l.substring(12).trim();
      else if (l.startsWith("tags:")) inTags = true;
      else if (l.startsWith("param:")) {
        Param p = parseParam(name, l.substring(6).trim());
        params.put(p.name(), p);
      } else if (l.startsWith("example:")) {
        exampleLines.add(l.substring(8).trim());
      } else if (l.startsWith("enum:")) {
        String[] parts = l.substring(5).trim().split("\\s+");
        if (parts.length < 2)
          throw new RuralKgException("saved query " + name + ": bad enum line: " + l);
        enums.put(parts[0], List.of(parts).subList(1, parts.length));
      }
    }
    for (var e : enums.entrySet()) {
      Param p = params.get(e.getKey());
      if (p == null)
        throw new RuralKgException(
            "saved query " + name + ": enum for undeclared parameter " + e.getKey());
      if (p.defaultValue() != null && !e.getValue().contains(p.defaultValue())) {
        throw new RuralKgException(
            "saved query " + name + ": default of " + p.name() + " is not among its enum values");
      }
      params.put(
          p.name(), new Param(p.name(), p.type(), p.defaultValue(), p.description(), e.getValue()));
    }
    List<Map<String, String>> examples = new ArrayList<>();
    for (String line : exampleLines) examples.add(parseExample(name, line, params));
    Query q;
    try {
      q = QueryFactory.create(text);
    } catch (QueryParseException e) {
      throw new RuralKgException(
          "saved query " + name + " does not parse: " + e.getMessage().replace('\n', ' '));
    }
    return new SavedQuery(
        name,
        summary,
        description,
        List.copyOf(tags),
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params)),
        List.copyOf(examples),
        text,
        q);
  }

  /**
   * One example call: declared parameters only, every required one given, each value valid for its
   * parameter.
   */
  private static Map<String, String> parseExample(
      String query, String spec, Map<String, Param> params) {
    Map<String, String> args = new LinkedHashMap<>();
    for (String pair : spec.split("\\s+")) {
      int eq = pair.indexOf('=');
      if (eq <= 0)
        throw new RuralKgException(
            "saved query " + query + ": bad example '" + spec + "' (name=value ...)");
      String param = pair.substring(0, eq);
      Param p = params.get(param);
      if (p == null)
        throw new RuralKgException(
            "saved query " + query + ": example for undeclared parameter " + param);
      try {
        p.toNode(pair.substring(eq + 1));
      } catch (RuralKgException e) {
        throw new RuralKgException(
            "saved query " + query + ": example '" + spec + "': " + e.getMessage(), e);
      }
      args.put(param, pair.substring(eq + 1));
    }
    for (Param p : params.values()) {
      if (p.defaultValue() == null && !args.containsKey(p.name())) {
        throw new RuralKgException(
            "saved query "
                + query
                + ": example '"
                + spec
                + "' lacks the required parameter "
                + p.name());
      }
    }
    return java.util.Collections.unmodifiableMap(args);
  }

  private static Param parseParam(String query, String spec) {
    String desc = "";
    int dd = spec.indexOf("--");
    if (dd >= 0) {
      desc = spec.substring(dd + 2).trim();
      spec = spec.substring(0, dd).trim();
    }
    String[] parts = spec.split("\\s+");
    if (parts.length < 2)
      throw new RuralKgException("saved query " + query + ": bad param line: " + spec);
    String def = parts.length > 2 && !parts[2].equals("-") ? parts[2] : null;
    return new Param(parts[0], parts[1], def, desc);
  }

  /**
   * The bindings for the given values, defaults filled in; unknown or missing parameters are
   * errors.
   */
  public Map<String, Node> bind(Map<String, String> values) {
    Map<String, Node> out = new LinkedHashMap<>();
    for (String k : values.keySet()) {
      if (!params.containsKey(k))
        throw new RuralKgException(
            "query "
                + name
                + " has no parameter '"
                + k
                + "'"
                + (params.isEmpty()
                    ? ""
                    : " (it takes: " + String.join(", ", params.keySet()) + ")"));
    }
    for (Param p : params.values()) {
      String v = values.getOrDefault(p.name(), p.defaultValue());
      if (v == null)
        throw new RuralKgException(
            "query " + name + ": missing required parameter '" + p.name() + "'");
      out.put(p.name(), p.toNode(v));
    }
    return out;
  }
}
