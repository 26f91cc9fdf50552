package io.invoke4j.arch;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.conditions.ArchConditions.callConstructorWhere;
import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethodWhere;
import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import java.util.Set;

/**
 * The rules, each built for a root package. {@link ArchitectureTest} applies them to {@code io.invoke4j};
 * {@link RulesBiteTest} applies the very same definitions to {@code io.invoke4j.arch.violations}, a
 * miniature of the project that breaks each rule on purpose. A rule that passes on the real code but
 * reports nothing there would be vacuous (a typo in a package name is enough), so both runs matter.
 *
 * <p>Module rules use {@code allowEmptyShould(true)}: ports and the adapters may hold no class yet, and
 * an empty module breaks no dependency rule.
 */
final class ArchitectureRules {
  private ArchitectureRules() {}

  /** Technologies that belong in adapters or app, never in the domain. */
  private static final String[] INFRASTRUCTURE = {
    "org.apache.hc..", "java.net.http..", "okhttp3..",
    "com.google.inject..", "jakarta.inject..", "javax.inject..",
    "picocli..",
    "org.slf4j..", "java.util.logging..", "org.apache.logging..", "org.apache.commons.logging..",
  };

  private static final Set<String> FILE_WRITING_FILES_METHODS = Set.of(
      "write", "writeString", "newOutputStream", "newBufferedWriter",
      "createFile", "createDirectory", "createDirectories", "createTempFile", "createTempDirectory",
      "createLink", "createSymbolicLink", "delete", "deleteIfExists", "move", "copy",
      "setAttribute", "setLastModifiedTime", "setOwner", "setPosixFilePermissions");

  private static final Set<String> FILE_WRITING_FILE_METHODS = Set.of(
      "createNewFile", "createTempFile", "delete", "deleteOnExit", "mkdir", "mkdirs", "renameTo",
      "setExecutable", "setLastModified", "setReadOnly", "setReadable", "setWritable");

  private static final Set<String> FILE_WRITING_CLASSES = Set.of(
      "java.io.FileOutputStream", "java.io.FileWriter", "java.io.RandomAccessFile");

  static ArchRule domainDependsOnNoOtherModule(String root) {
    return noClasses().that().resideInAPackage(root + ".domain..")
        .should().dependOnClassesThat().resideInAnyPackage(
            root + ".ports..", root + ".adapter..", root + ".app..", root + ".arch..")
        .allowEmptyShould(true)
        .because("the domain is the centre: every module may use it, it uses none of them");
  }

  static ArchRule domainUsesNoInfrastructure(String root) {
    return noClasses().that().resideInAPackage(root + ".domain..")
        .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.System$Logger")
        .allowEmptyShould(true)
        .because("HTTP, Guice, picocli and logging live in adapters and app (STYLE.md 1, 8); "
            + "the domain must be usable and testable without any of them");
  }

  /**
   * The domain reads JSON trees but never maps objects: {@code JsonNode}, {@code databind.node..}
   * and {@code jackson.core..}. {@code JsonNode} shares its package with {@code ObjectMapper}, so
   * the package alone cannot be allowed. The one parsing holder {@code domain.workflow.WorkflowJson}
   * (with its nested classes) may use {@code ObjectMapper} and its configuration enums
   * ({@code DeserializationFeature}, {@code SerializationFeature}, {@code MapperFeature}), nothing
   * else of databind; any domain class may put pre-serialized JSON in a tree
   * ({@code databind.util.RawValue}).
   */
  private static final java.util.Set<String> MAPPER_CLASSES = java.util.Set.of(
      "com.fasterxml.jackson.databind.ObjectMapper",
      "com.fasterxml.jackson.databind.DeserializationFeature",
      "com.fasterxml.jackson.databind.SerializationFeature",
      "com.fasterxml.jackson.databind.MapperFeature");

  static ArchRule domainUsesJacksonOnlyAsATree(String root) {
    String workflowJson = root + ".domain.workflow.WorkflowJson";
    DescribedPredicate<Dependency> allowed = describe(
        "they stay outside Jackson, use only JsonNode, databind.node.. or jackson.core.., "
            + "or are " + workflowJson + " using ObjectMapper and its features",
        dependency -> {
          JavaClass target = dependency.getTargetClass().getBaseComponentType();
          String name = target.getName();
          if (!name.startsWith("com.fasterxml.jackson.")) {
            return true;
          }
          if (name.equals("com.fasterxml.jackson.databind.JsonNode")
              // JSON text inside a tree: the enqueue body's embedded workflow, encoded once (issue 10)
              || name.equals("com.fasterxml.jackson.databind.util.RawValue")
              || target.getPackageName().startsWith("com.fasterxml.jackson.databind.node")
              || target.getPackageName().startsWith("com.fasterxml.jackson.core")) {
            return true;
          }
          String origin = dependency.getOriginClass().getName();
          boolean holder = origin.equals(workflowJson) || origin.startsWith(workflowJson + "$");
          return holder && MAPPER_CLASSES.contains(name);
        });
    return classes().that().resideInAPackage(root + ".domain..")
        .should(onlyHaveDependenciesWhere(allowed))
        .allowEmptyShould(true)
        .because("domain types carry no Jackson binding; adapter-http maps its own DTOs (STYLE.md 4)");
  }

  static ArchRule domainDependsOnlyOnJdkJacksonAndImmutables(String root) {
    return classes().that().resideInAPackage(root + ".domain..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "java..", root + ".domain..", "com.fasterxml.jackson..", "org.immutables..")
        .allowEmptyShould(true)
        .because("the domain's whole classpath is the JDK, Jackson's tree and Immutables "
            + "(generated code carries @Generated from org.immutables); anything else needs a module");
  }

  static ArchRule domainWritesNoFiles(String root) {
    DescribedPredicate<JavaMethodCall> writesFiles = describe(
        "a java.nio.file.Files or java.io.File method that writes, creates, deletes or moves",
        call -> {
          String owner = call.getTargetOwner().getName();
          String method = call.getName();
          return owner.equals("java.nio.file.Files") && FILE_WRITING_FILES_METHODS.contains(method)
              || owner.equals("java.io.File") && FILE_WRITING_FILE_METHODS.contains(method);
        });
    DescribedPredicate<JavaConstructorCall> opensFileForWriting = describe(
        "a constructor of FileOutputStream, FileWriter, RandomAccessFile, or of PrintWriter or "
            + "PrintStream on a file",
        call -> {
          String owner = call.getTargetOwner().getName();
          if (FILE_WRITING_CLASSES.contains(owner)) {
            return true;
          }
          if (!owner.equals("java.io.PrintWriter") && !owner.equals("java.io.PrintStream")) {
            return false;
          }
          // PrintWriter(String fileName) and PrintWriter(File) write files; (Writer)/(OutputStream) do not
          List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
          return !parameters.isEmpty()
              && (parameters.get(0).isEquivalentTo(String.class)
                  || parameters.get(0).isEquivalentTo(java.io.File.class));
        });
    ArchCondition<JavaClass> writeFiles = callMethodWhere(writesFiles)
        .or(callConstructorWhere(opensFileForWriting))
        .as("write files");
    return noClasses().that().resideInAPackage(root + ".domain..")
        .should(writeFiles)
        .allowEmptyShould(true)
        .because("storing files is adapter-fs's job; the domain stays free of side effects");
  }

  /**
   * Ports see the domain and the JDK. The domain's vocabulary includes Jackson's tree (graphs and
   * metadata are {@code JsonNode}), so a port may pass one through as well.
   */
  static ArchRule portsDependOnlyOnDomain(String root) {
    return classes().that().resideInAPackage(root + ".ports..")
        .should().onlyDependOnClassesThat(
            resideInAnyPackage("java..", root + ".ports..", root + ".domain..", "org.immutables..",
                "com.fasterxml.jackson.databind.node..")
                .or(name("com.fasterxml.jackson.databind.JsonNode")))
        .allowEmptyShould(true)
        .because("ports are plain interfaces over domain types; technology lives in adapters");
  }

  static ArchRule adaptersDoNotDependOnEachOther(String root) {
    return slices().matching(root + ".adapter.(*)..")
        .should().notDependOnEachOther()
        .allowEmptyShould(true)
        .because("each adapter is one technology behind the ports; app wires them together");
  }

  static ArchRule nothingDependsOnApp(String root) {
    return noClasses().that().resideInAPackage(root + "..")
        .and().resideOutsideOfPackage(root + ".app..")
        .should().dependOnClassesThat().resideInAPackage(root + ".app..")
        .allowEmptyShould(true)
        .because("app is the top: the facade, the wiring and the CLI; depending on it creates cycles");
  }

  static ArchRule onlyAppUsesGuice(String root) {
    return noClasses().that().resideInAPackage(root + "..")
        .and().resideOutsideOfPackage(root + ".app..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "com.google.inject..", "jakarta.inject..", "javax.inject..")
        .allowEmptyShould(true)
        .because("Guice stays inside app.wiring; adapters offer plain constructors (STYLE.md 6)");
  }

  static ArchRule picocliOnlyInCli(String root) {
    return noClasses().that().resideInAPackage(root + "..")
        .and().resideOutsideOfPackage(root + ".app.cli..")
        .should().dependOnClassesThat().resideInAPackage("picocli..")
        .allowEmptyShould(true)
        .because("picocli is an optional dependency; library users must not need it");
  }

  static ArchRule noStandardStreamsOutsideCli(String root) {
    return noClasses().that().resideInAPackage(root + "..")
        .and().resideOutsideOfPackage(root + ".app.cli..")
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .allowEmptyShould(true)
        .because("a library never prints: it returns values, throws or logs (STYLE.md 8)");
  }

  static ArchRule noJavaUtilLogging(String root) {
    return noClasses().that().resideInAPackage(root + "..")
        .should(GeneralCodingRules.USE_JAVA_UTIL_LOGGING)
        .allowEmptyShould(true)
        .because("we log through the SLF4J API only (STYLE.md 8)");
  }

  static ArchRule loggersArePrivateStaticFinalLog(String root) {
    return fields().that().haveRawType("org.slf4j.Logger")
        .and().areDeclaredInClassesThat().resideInAPackage(root + "..")
        .should().bePrivate().andShould().beStatic().andShould().beFinal()
        .andShould().haveName("log")
        .allowEmptyShould(true)
        .because("one logger per class, named for the class it logs from (STYLE.md 8)");
  }

  /**
   * adapter-http's wire types stay inside it (STYLE.md 2, 4): DTOs and mappers are package-private,
   * so the server's JSON shape can change without touching any other module.
   */
  static ArchRule adapterWireTypesArePackagePrivate(String root) {
    DescribedPredicate<JavaClass> wireType = describe("are DTOs or mappers",
        type -> type.getSimpleName().endsWith("Dto") || type.getSimpleName().endsWith("Mapper"));
    return classes().that().resideInAPackage(root + ".adapter..")
        .and(wireType)
        .should().notBePublic()
        .allowEmptyShould(true)
        .because("only adapter-http knows the server's JSON; app constructs gateways, never DTOs");
  }

  /**
   * Guice stays inside: no public method or constructor of app outside {@code app.wiring} takes
   * or returns a Guice type (STYLE.md 6), so users never need Guice on their classpath to call us.
   */
  static ArchRule noGuiceTypeInPublicSignatures(String root) {
    DescribedPredicate<JavaClass> guice = resideInAnyPackage(
        "com.google.inject..", "jakarta.inject..", "javax.inject..");
    ArchCondition<com.tngtech.archunit.core.domain.JavaCodeUnit> keepGuiceOut =
        new ArchCondition<>("not take or return a Guice type") {
          @Override
          public void check(com.tngtech.archunit.core.domain.JavaCodeUnit unit,
              com.tngtech.archunit.lang.ConditionEvents events) {
            boolean leaks = guice.test(unit.getRawReturnType())
                || unit.getRawParameterTypes().stream().anyMatch(guice::test);
            if (leaks) {
              events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(unit,
                  unit.getDescription() + " has a Guice type in its signature"));
            }
          }
        };
    return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits().that()
        .arePublic().and().areDeclaredInClassesThat().arePublic()
        .and().areDeclaredInClassesThat().resideInAPackage(root + "..")
        .and().areDeclaredInClassesThat().resideOutsideOfPackage(root + ".app.wiring..")
        .should(keepGuiceOut)
        .allowEmptyShould(true)
        .because("Guice is an implementation detail of the facade (STYLE.md 6)");
  }
}
