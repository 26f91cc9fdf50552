package io.invoke4j.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Guards {@link ArchitectureTest} against passing by seeing nothing: the import it uses must find the
 * production classes of the modules and none of the deliberate violations.
 */
class ImportedClassesTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(new ImportOption.DoNotIncludeTests())
      .importPackages(ArchitectureTest.ROOT);

  @Test
  void importsProductionClassesOfTheModules() {
    assertThat(CLASSES.contain("io.invoke4j.domain.InvokeException")).isTrue();
    assertThat(CLASSES.contain("io.invoke4j.app.cli.Main")).isTrue();
  }

  @Test
  void leavesOutTestClasses() {
    assertThat(CLASSES.stream().map(JavaClass::getName))
        .noneMatch(name -> name.startsWith("io.invoke4j.arch."));
  }
}
