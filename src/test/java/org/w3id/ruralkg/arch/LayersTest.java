package org.w3id.ruralkg.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/INTERNALS.md hold in the production classes: common &lt; nlp &lt; source &lt;
 * link &lt; extract &lt; rdf &lt; store &lt; server &lt; app &lt; (bench, spark) &lt; cli; a
 * package may use the ones below it and never one above.
 */
class LayersTest {
  static final String BASE = "org.w3id.ruralkg";
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);
  }

  /** Each layer with the layers that may use it (everything above it). */
  static LayeredArchitecture layers() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("common")
        .definedBy(BASE + ".common..")
        .layer("nlp")
        .definedBy(BASE + ".nlp..")
        .layer("source")
        .definedBy(BASE + ".source..")
        .layer("link")
        .definedBy(BASE + ".link..")
        .layer("extract")
        .definedBy(BASE + ".extract..")
        .layer("rdf")
        .definedBy(BASE + ".rdf..")
        .layer("store")
        .definedBy(BASE + ".store..")
        .layer("server")
        .definedBy(BASE + ".server..")
        .layer("app")
        .definedBy(BASE + ".app..")
        .layer("bench")
        .definedBy(BASE + ".bench..")
        .layer("spark")
        .definedBy(BASE + ".spark..")
        .layer("cli")
        .definedBy(BASE + ".cli..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("spark")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("bench")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("app")
        .mayOnlyBeAccessedByLayers("bench", "spark", "cli")
        .whereLayer("server")
        .mayOnlyBeAccessedByLayers("app", "bench", "spark", "cli")
        .whereLayer("store")
        .mayOnlyBeAccessedByLayers("server", "app", "bench", "spark", "cli")
        .whereLayer("rdf")
        .mayOnlyBeAccessedByLayers("store", "server", "app", "bench", "spark", "cli")
        .whereLayer("extract")
        .mayOnlyBeAccessedByLayers("rdf", "store", "server", "app", "bench", "spark", "cli")
        .whereLayer("link")
        .mayOnlyBeAccessedByLayers(
            "extract", "rdf", "store", "server", "app", "bench", "spark", "cli")
        .whereLayer("source")
        .mayOnlyBeAccessedByLayers(
            "link", "extract", "rdf", "store", "server", "app", "bench", "spark", "cli")
        .whereLayer("nlp")
        .mayOnlyBeAccessedByLayers(
            "source", "link", "extract", "rdf", "store", "server", "app", "bench", "spark", "cli");
  }

  @Test
  void noPackageUsesALayerAboveIt() {
    layers().check(classes);
  }

  @Test
  void everyProductionClassIsInALayer() {
    noClasses()
        .should()
        .resideOutsideOfPackages(
            BASE + ".common..",
            BASE + ".nlp..",
            BASE + ".source..",
            BASE + ".link..",
            BASE + ".extract..",
            BASE + ".rdf..",
            BASE + ".store..",
            BASE + ".server..",
            BASE + ".app..",
            BASE + ".bench..",
            BASE + ".spark..",
            BASE + ".cli..")
        .check(classes);
  }

  @Test
  void onlyNlpImportsHanLp() {
    noClasses()
        .that()
        .resideOutsideOfPackage(BASE + ".nlp..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.hankcs..")
        .check(classes);
  }

  @Test
  void everyPackageStatesItsContractInAPackageInfo() throws java.io.IOException {
    java.nio.file.Path root = java.nio.file.Path.of("src/main/java/org/w3id/ruralkg");
    java.util.List<String> missing;
    try (var dirs = java.nio.file.Files.walk(root)) {
      missing =
          dirs.filter(java.nio.file.Files::isDirectory)
              .filter(
                  d -> hasJava(d) && !java.nio.file.Files.exists(d.resolve("package-info.java")))
              .map(root::relativize)
              .map(Object::toString)
              .toList();
    }
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.List.of(), missing, "packages without package-info.java");
  }

  private static boolean hasJava(java.nio.file.Path dir) {
    try (var files = java.nio.file.Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The rule can fail: a class of a lower layer that uses an upper one is reported. */
  @Test
  void anUpwardUseIsReported() {
    JavaClasses upward =
        new ClassFileImporter().importClasses(UpwardUse.class, org.w3id.ruralkg.cli.Main.class);
    assertFalse(upward.isEmpty());
    LayeredArchitecture rule =
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("low")
            .definedBy(BASE + ".arch..")
            .layer("cli")
            .definedBy(BASE + ".cli..")
            .whereLayer("cli")
            .mayNotBeAccessedByAnyLayer();
    assertThrows(AssertionError.class, () -> rule.check(upward));
  }

  static final class UpwardUse {
    String version() {
      return org.w3id.ruralkg.cli.Main.version();
    }
  }
}
