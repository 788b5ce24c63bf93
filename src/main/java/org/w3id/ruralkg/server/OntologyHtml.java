package org.w3id.ruralkg.server;

/** Placeholder until rdf.OntologyPage lands: the Turtle inside a pre block. */
final class OntologyHtml {
  private OntologyHtml() {}

  static String render(String turtle) {
    String esc = turtle.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return "<!doctype html><meta charset=utf-8><title>ruralkg ontology</title><pre>" + esc + "</pre>";
  }
}
