package io.invoke4j.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module and coding rules of STYLE.md, checked on the production classes of every module.
 * Sibling modules may arrive as directories or as jars, so jars are imported too; only test classes
 * are left out (they include the deliberate violations of {@link RulesBiteTest}).
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  static final String ROOT = "io.invoke4j";

  @ArchTest
  static final ArchRule domain_depends_on_no_other_module =
      ArchitectureRules.domainDependsOnNoOtherModule(ROOT);

  @ArchTest
  static final ArchRule domain_uses_no_http_guice_picocli_or_logging =
      ArchitectureRules.domainUsesNoInfrastructure(ROOT);

  @ArchTest
  static final ArchRule domain_uses_jackson_only_as_a_tree =
      ArchitectureRules.domainUsesJacksonOnlyAsATree(ROOT);

  @ArchTest
  static final ArchRule domain_depends_only_on_jdk_jackson_and_immutables =
      ArchitectureRules.domainDependsOnlyOnJdkJacksonAndImmutables(ROOT);

  @ArchTest
  static final ArchRule domain_writes_no_files = ArchitectureRules.domainWritesNoFiles(ROOT);

  @ArchTest
  static final ArchRule ports_depend_only_on_domain = ArchitectureRules.portsDependOnlyOnDomain(ROOT);

  @ArchTest
  static final ArchRule adapters_do_not_depend_on_each_other =
      ArchitectureRules.adaptersDoNotDependOnEachOther(ROOT);

  @ArchTest
  static final ArchRule nothing_depends_on_app = ArchitectureRules.nothingDependsOnApp(ROOT);

  @ArchTest
  static final ArchRule only_app_uses_guice = ArchitectureRules.onlyAppUsesGuice(ROOT);

  @ArchTest
  static final ArchRule picocli_only_in_cli = ArchitectureRules.picocliOnlyInCli(ROOT);

  @ArchTest
  static final ArchRule no_standard_streams_outside_cli =
      ArchitectureRules.noStandardStreamsOutsideCli(ROOT);

  @ArchTest
  static final ArchRule no_java_util_logging = ArchitectureRules.noJavaUtilLogging(ROOT);

  @ArchTest
  static final ArchRule loggers_are_private_static_final_log =
      ArchitectureRules.loggersArePrivateStaticFinalLog(ROOT);

  @ArchTest
  static final ArchRule adapter_wire_types_are_package_private =
      ArchitectureRules.adapterWireTypesArePackagePrivate(ROOT);

  @ArchTest
  static final ArchRule no_guice_type_in_public_signatures =
      ArchitectureRules.noGuiceTypeInPublicSignatures(ROOT);
}
