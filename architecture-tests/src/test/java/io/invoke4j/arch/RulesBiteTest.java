package io.invoke4j.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each rule, run on {@code io.invoke4j.arch.violations}, reports exactly the classes written to break
 * it: the offenders prove the rule bites, the allowed neighbours prove its exemptions are not wider
 * than intended.
 */
class RulesBiteTest {
  private static final String VIOLATIONS = "io.invoke4j.arch.violations";
  private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(VIOLATIONS);

  /** The first class named on a report line is the origin of the violation. */
  private static final Pattern ORIGIN =
      Pattern.compile("<" + Pattern.quote(VIOLATIONS) + "\\.(?:[a-z]\\w*\\.)*([A-Z]\\w*)");

  @Test
  void domainDependingOnAPortIsReported() {
    assertThat(offenders(ArchitectureRules.domainDependsOnNoOtherModule(VIOLATIONS)))
        .containsExactly("PortUsingValue");
  }

  @Test
  void domainUsingHttpOrLoggingIsReported() {
    assertThat(offenders(ArchitectureRules.domainUsesNoInfrastructure(VIOLATIONS)))
        .containsExactly("HttpCallingValue", "LoggingValue");
  }

  @Test
  void domainUsingObjectMapperOutsideWorkflowJsonIsReported() {
    assertThat(offenders(ArchitectureRules.domainUsesJacksonOnlyAsATree(VIOLATIONS)))
        .containsExactly("MappingValue");
  }

  @Test
  void domainUsingAnyOtherLibraryIsReported() {
    assertThat(offenders(ArchitectureRules.domainDependsOnlyOnJdkJacksonAndImmutables(VIOLATIONS)))
        .containsExactly("GuavaValue", "LoggingValue", "PortUsingValue");
  }

  @Test
  void domainWritingFilesIsReported() {
    assertThat(offenders(ArchitectureRules.domainWritesNoFiles(VIOLATIONS)))
        .containsExactly("FileWritingValue");
  }

  @Test
  void portDependingOnAnAdapterIsReported() {
    assertThat(offenders(ArchitectureRules.portsDependOnlyOnDomain(VIOLATIONS)))
        .containsExactly("LeakyGateway");
  }

  @Test
  void adapterUsingAnotherAdapterIsReported() {
    assertThat(offenders(ArchitectureRules.adaptersDoNotDependOnEachOther(VIOLATIONS)))
        .containsExactly("HttpGateway");
  }

  @Test
  void adapterUsingAppIsReported() {
    assertThat(offenders(ArchitectureRules.nothingDependsOnApp(VIOLATIONS)))
        .containsExactly("AppCallingGateway");
  }

  @Test
  void guiceOutsideAppIsReported() {
    assertThat(offenders(ArchitectureRules.onlyAppUsesGuice(VIOLATIONS)))
        .containsExactly("InjectedGateway");
  }

  @Test
  void picocliOutsideCliIsReported() {
    assertThat(offenders(ArchitectureRules.picocliOnlyInCli(VIOLATIONS)))
        .containsExactly("CommandRunner");
  }

  @Test
  void printingOutsideCliIsReported() {
    assertThat(offenders(ArchitectureRules.noStandardStreamsOutsideCli(VIOLATIONS)))
        .containsExactly("PrintingStore");
  }

  @Test
  void javaUtilLoggingIsReported() {
    assertThat(offenders(ArchitectureRules.noJavaUtilLogging(VIOLATIONS)))
        .containsExactly("JulStore");
  }

  @Test
  void publicLoggerIsReported() {
    assertThat(offenders(ArchitectureRules.loggersArePrivateStaticFinalLog(VIOLATIONS)))
        .containsExactly("PublicLoggerStore");
  }

  @Test
  void publicWireTypesAreReported() {
    assertThat(offenders(ArchitectureRules.adapterWireTypesArePackagePrivate(VIOLATIONS)))
        .containsExactly("ImageDto", "ImageMapper");
  }

  @Test
  void guiceInAPublicSignatureIsReported() {
    assertThat(offenders(ArchitectureRules.noGuiceTypeInPublicSignatures(VIOLATIONS)))
        .containsExactly("Facade");
  }

  /** Simple names of the classes the rule reports, sorted. */
  private static Set<String> offenders(ArchRule rule) {
    Set<String> names = new TreeSet<>();
    for (String detail : rule.evaluate(CLASSES).getFailureReport().getDetails()) {
      for (String line : detail.split("\\R")) {
        Matcher origin = ORIGIN.matcher(line);
        if (origin.find()) {
          names.add(origin.group(1));
        }
      }
    }
    return names;
  }
}
