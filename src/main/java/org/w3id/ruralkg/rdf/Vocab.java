package org.w3id.ruralkg.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Every IRI the code emits, kept in step with ontology/ruralkg.ttl (VocabularyTest proves each
 * constant is declared there). No other class writes IRI string literals.
 */
public final class Vocab {
  private Vocab() {}

  public static final String ONT = "https://w3id.org/ruralkg/ont#";
  public static final String ID = "https://w3id.org/ruralkg/id/";

  /**
   * The server's internal ARQ function that counts the rows a query materialises (never in data).
   */
  public static final String FN_MATERIALISE_GUARD = "urn:x-ruralkg:fn:materialise-guard";

  public static final String RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
  public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
  public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
  public static final String ORG = "http://www.w3.org/ns/org#";
  public static final String QB = "http://purl.org/linked-data/cube#";
  public static final String PROV = "http://www.w3.org/ns/prov#";
  public static final String OA = "http://www.w3.org/ns/oa#";
  public static final String SCHEMA = "https://schema.org/";
  public static final String DCT = "http://purl.org/dc/terms/";

  /** SPARQL 1.1 Service Description and the W3C media-type registry its result formats name. */
  public static final String SD = "http://www.w3.org/ns/sparql-service-description#";

  public static final String FORMATS = "http://www.w3.org/ns/formats/";
  public static final String SDMX_DIM = "http://purl.org/linked-data/sdmx/2009/dimension#";
  public static final String SDMX_MEAS = "http://purl.org/linked-data/sdmx/2009/measure#";
  public static final String SDMX_ATT = "http://purl.org/linked-data/sdmx/2009/attribute#";

  private static Node ont(String local) {
    return NodeFactory.createURI(ONT + local);
  }

  private static Node iri(String ns, String local) {
    return NodeFactory.createURI(ns + local);
  }

  // --- standard terms used
  public static final Node TYPE = iri(RDF_NS, "type");
  public static final Node LABEL = iri(RDFS, "label");
  public static final Node PREF_LABEL = iri(SKOS, "prefLabel");
  public static final Node NOTATION = iri(SKOS, "notation");
  public static final Node IN_SCHEME = iri(SKOS, "inScheme");
  public static final Node CONCEPT = iri(SKOS, "Concept");
  public static final Node ORG_ORGANIZATION = iri(ORG, "Organization");
  public static final Node ORG_FORMAL_ORGANIZATION = iri(ORG, "FormalOrganization");
  public static final Node ORG_SUB_ORGANIZATION_OF = iri(ORG, "subOrganizationOf");
  public static final Node QB_OBSERVATION = iri(QB, "Observation");
  public static final Node QB_DATASET_PROP = iri(QB, "dataSet");
  public static final Node PROV_ENTITY = iri(PROV, "Entity");
  public static final Node PROV_ACTIVITY = iri(PROV, "Activity");
  public static final Node PROV_DERIVED_FROM = iri(PROV, "wasDerivedFrom");
  public static final Node PROV_GENERATED_BY = iri(PROV, "wasGeneratedBy");
  public static final Node PROV_STARTED_AT = iri(PROV, "startedAtTime");
  public static final Node PROV_USED = iri(PROV, "used");
  public static final Node OA_HAS_SOURCE = iri(OA, "hasSource");
  public static final Node OA_HAS_SELECTOR = iri(OA, "hasSelector");
  public static final Node OA_TEXT_POSITION_SELECTOR = iri(OA, "TextPositionSelector");
  public static final Node OA_START = iri(OA, "start");
  public static final Node OA_END = iri(OA, "end");
  public static final Node SCHEMA_NEWS_ARTICLE = iri(SCHEMA, "NewsArticle");
  public static final Node SCHEMA_HEADLINE = iri(SCHEMA, "headline");
  public static final Node SCHEMA_ALTERNATIVE_HEADLINE = iri(SCHEMA, "alternativeHeadline");
  public static final Node SCHEMA_AUTHOR = iri(SCHEMA, "author");
  public static final Node SCHEMA_EDITOR = iri(SCHEMA, "editor");
  public static final Node SCHEMA_PUBLISHER = iri(SCHEMA, "publisher");
  public static final Node SCHEMA_DATE_PUBLISHED = iri(SCHEMA, "datePublished");
  public static final Node SCHEMA_NAME = iri(SCHEMA, "name");
  public static final Node SCHEMA_PERSON = iri(SCHEMA, "Person");
  public static final Node SCHEMA_POSITION = iri(SCHEMA, "position");
  public static final Node SCHEMA_SOFTWARE_VERSION = iri(SCHEMA, "softwareVersion");
  public static final Node DCT_IDENTIFIER = iri(DCT, "identifier");

  // --- ruralkg classes
  public static final Node SOURCE_FILE = ont("SourceFile");
  public static final Node BUILD = ont("Build");
  public static final Node ADMIN_UNIT = ont("AdministrativeUnit");
  public static final Node PROVINCE = ont("Province");
  public static final Node PREFECTURE = ont("Prefecture");
  public static final Node COUNTY = ont("County");
  public static final Node TOWNSHIP = ont("Township");
  public static final Node VILLAGE = ont("Village");
  public static final Node PARTY_ORGANISATION = ont("PartyOrganisation");
  public static final Node UNIT_MENTION = ont("UnitMention");
  public static final Node ORG_MENTION = ont("OrganisationMention");
  public static final Node PROGRAMME_IMPLEMENTATION = ont("ProgrammeImplementation");
  public static final Node INDUSTRY_DEVELOPMENT = ont("IndustryDevelopment");
  public static final Node FIGURE = ont("Figure");

  // --- ruralkg properties
  public static final Node SHA256 = ont("sha256");
  public static final Node FILE_NAME = ont("fileName");
  public static final Node CHARSET = ont("charset");
  public static final Node ARTICLE_INDEX = ont("articleIndex");
  public static final Node EDITOR_LINE = ont("editorLine");
  public static final Node DIVISION_CODE = ont("divisionCode");
  public static final Node LEVEL = ont("level");
  public static final Node PARENT = ont("parent");
  public static final Node WITHIN = ont("within");
  public static final Node PARENT_NAME = ont("parentName");
  public static final Node LINKED = ont("linked");
  public static final Node REFERS_TO = ont("refersTo");
  public static final Node SURFACE = ont("surface");
  public static final Node EVIDENCE = ont("evidence");
  public static final Node SENTENCE = ont("sentence");
  public static final Node CONFIDENCE = ont("confidence");
  public static final Node ORG_KIND = ont("orgKind");
  public static final Node OF_UNIT = ont("ofUnit");
  public static final Node HOST = ont("host");
  public static final Node PROGRAMME = ont("programme");
  public static final Node INDUSTRY = ont("industry");
  public static final Node CARRIED_OUT_IN = ont("carriedOutIn");
  public static final Node REF_AREA = ont("refArea");
  public static final Node REF_PERIOD = ont("refPeriod");
  public static final Node METRIC = ont("metric");
  public static final Node VALUE = ont("value");
  public static final Node VALUE_MAX = ont("valueMax");
  public static final Node UNIT_OF_MEASURE = ont("unitOfMeasure");
  public static final Node QUALIFIER = ont("qualifier");
  public static final Node QUANTITY_TEXT = ont("quantityText");
  public static final Node COUNTED = ont("counted");

  // --- data IRIs (under ID)
  public static final Node FIGURES_DATASET = NodeFactory.createURI(ID + "dataset/figures");
  public static final Node ONTOLOGY_GRAPH = NodeFactory.createURI(ID + "graph/ontology");

  /**
   * The graph of descriptions that many articles share and that depend only on the thing's IRI:
   * administrative units (from the gazetteer, or an unlinked unit's level, name and parent name)
   * and local programme concepts. Written once per store; never removed with an article.
   */
  public static final Node SHARED_GRAPH = NodeFactory.createURI(ID + "graph/shared");

  public static final String CONCEPT_BASE = ID + "concept/";
  public static final Node PROGRAMME_SCHEME = NodeFactory.createURI(CONCEPT_BASE + "programme");
  public static final Node INDUSTRY_SCHEME = NodeFactory.createURI(CONCEPT_BASE + "industry");

  /** A code-list concept: scheme is level, org-kind, unit, qualifier or metric. */
  public static Node concept(String scheme, String slug) {
    return NodeFactory.createURI(CONCEPT_BASE + scheme + "/" + slug);
  }

  public static Node levelClass(org.w3id.ruralkg.link.Level level) {
    return switch (level) {
      case PROVINCE -> PROVINCE;
      case PREFECTURE -> PREFECTURE;
      case COUNTY -> COUNTY;
      case TOWNSHIP -> TOWNSHIP;
      case VILLAGE -> VILLAGE;
    };
  }

  /** Party organisation kinds (contract notation) to their class and concept slug. */
  public enum OrgKind {
    PARTY_COMMITTEE("党委", "PartyCommittee", "party-committee"),
    GENERAL_BRANCH("党总支", "GeneralPartyBranch", "general-branch"),
    BRANCH("党支部", "PartyBranch", "branch"),
    LEADING_GROUP("党组", "LeadingPartyGroup", "leading-group"),
    WORKING_COMMITTEE("党工委", "PartyWorkingCommittee", "working-committee"),
    TEMPORARY_BRANCH("临时党支部", "TemporaryPartyBranch", "temporary-branch"),
    TEMPORARY_WORKING_COMMITTEE(
        "临时党工委", "TemporaryPartyWorkingCommittee", "temporary-working-committee"),
    PARTY_GROUP("党小组", "PartyGroup", "party-group"),
    JOINT_BRANCH("联合党支部", "JointPartyBranch", "joint-branch"),
    ALLIANCE("党建联盟", "PartyBuildingAlliance", "alliance"),
    ORGANISATION_DEPARTMENT("组织部", "OrganisationDepartment", "organisation-department");

    public final String notation;
    public final Node type;
    public final Node concept;

    OrgKind(String notation, String classLocalName, String slug) {
      this.notation = notation;
      this.type = NodeFactory.createURI(ONT + classLocalName);
      this.concept = NodeFactory.createURI(CONCEPT_BASE + "org-kind/" + slug);
    }

    public static OrgKind ofNotation(String notation) {
      for (OrgKind k : values()) if (k.notation.equals(notation)) return k;
      throw new org.w3id.ruralkg.common.RuralKgException(
          "unknown party organisation kind: " + notation);
    }
  }

  // --- figure summaries (graph/summary): rows the aggregate saved queries read, kept by the store
  /**
   * The graph of pre-aggregated figure rows, maintained by the store in the transaction that
   * changes the figures (see docs/ONTOLOGY.md, "Figure summaries").
   */
  public static final Node SUMMARY_GRAPH = NodeFactory.createURI(ID + "graph/summary");

  public static final Node COUNTY_TOTAL = ont("CountyTotal");
  public static final Node METRIC_TOTAL = ont("MetricTotal");
  public static final Node OF_METRIC = ont("ofMetric");
  public static final Node OF_UNIT_OF_MEASURE = ont("ofUnitOfMeasure");
  public static final Node OF_COUNTY = ont("ofCounty");
  public static final Node OF_YEAR = ont("ofYear");
  public static final Node TOTAL = ont("total");
  public static final Node FIGURE_COUNT = ont("figureCount");
  public static final Node ROW_COUNT = ont("rowCount");
  public static final Node INTEGER_ROWS = ont("integerRows");
  public static final Node MIN_VALUE = ont("minValue");
  public static final Node MAX_VALUE = ont("maxValue");
  public static final Node WITH_PLACE = ont("withPlace");
  public static final Node WITH_YEAR = ont("withYear");
  public static final Node SUMMARY_VERSION = ont("summaryVersion");
  public static final Node TOWNSHIP_PROGRAMME = ont("TownshipProgramme");
  public static final Node OF_TOWNSHIP = ont("ofTownship");
  public static final Node OF_PROGRAMME = ont("ofProgramme");
  public static final Node IMPLEMENTATION_COUNT = ont("implementationCount");
  public static final Node ARTICLE_COUNT = ont("articleCount");
}
