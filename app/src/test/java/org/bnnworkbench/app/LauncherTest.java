package org.bnnworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.application.Application;
import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void theMainClassIsNotAJavaFxApplication() {
        // Otherwise `java -jar bnn-workbench.jar` stops with "JavaFX runtime components are missing".
        assertThat(Application.class.isAssignableFrom(Launcher.class)).isFalse();
    }

    @Test
    void everyBundledLibraryLineHasNameVersionAndLicence() {
        List<AppInfo.BundledLibrary> libraries = AppInfo.load().libraries();

        assertThat(libraries).extracting(AppInfo.BundledLibrary::name).contains("JavaFX", "ControlsFX");
        assertThat(libraries).allSatisfy(library -> {
            assertThat(library.version()).isNotBlank().doesNotContain("${");
            assertThat(library.licence()).isNotBlank();
        });
        assertThat(AppInfo.load().version()).isNotBlank().doesNotContain("${");
    }
}
