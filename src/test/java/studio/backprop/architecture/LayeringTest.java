package studio.backprop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine knows no screen, and each room of the engine imports only the rooms beneath it. */
class LayeringTest {

    private static final String[] ENGINE = {
        "studio.backprop.kernels..", "studio.backprop.tensor..", "studio.backprop.autograd..",
        "studio.backprop.nn..", "studio.backprop.spec..", "studio.backprop.data..",
        "studio.backprop.train..", "studio.backprop.io.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("studio.backprop");
    }

    @Test
    void engineNeverTouchesAToolkitOrTheUi() {
        ArchRule rule = noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..", "studio.backprop.ui..")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    /**
     * Views plug into training with probes and commands: no ui class steps, resets or reconfigures a loop, reaches
     * its network or rule, or runs a network forward (the JavaFX thread computes nothing of it).
     */
    @Test
    void theUiCannotReachMutableTrainingState() {
        noClasses().that().resideInAPackage("studio.backprop.ui..")
                .should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        HasName.Predicates.name("studio.backprop.train.TrainingLoop")))
                        .and(JavaCall.Predicates.target(HasName.Predicates.nameMatching(
                                "step|step(Sample|Batch|Epoch)|reset|reconfigure|set.*|restore|network|rule|checkpoint|predict"))))
                .orShould().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        HasName.Predicates.name("studio.backprop.nn.Network")))
                        .and(JavaCall.Predicates.target(HasName.Predicates.nameMatching("forward.*"))))
                .orShould().dependOnClassesThat().belongToAnyOf(studio.backprop.train.GradientDescentRule.class,
                        studio.backprop.train.PerceptronRule.class, studio.backprop.nn.TrainingStep.class)
                .check(classes);
    }

    @Test
    void kernelsUseOnlyTheJdk() {
        noClasses().that().resideInAPackage("studio.backprop.kernels..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "studio.backprop.tensor..", "studio.backprop.autograd..", "studio.backprop.nn..",
                        "studio.backprop.spec..", "studio.backprop.data..", "studio.backprop.train..",
                        "studio.backprop.io..", "studio.backprop.cli..", "org.ejml..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void tensorsDoNotKnowAutogradOrLayers() {
        noClasses().that().resideInAPackage("studio.backprop.tensor..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "studio.backprop.autograd..", "studio.backprop.nn..", "studio.backprop.spec..",
                        "studio.backprop.data..", "studio.backprop.train..", "studio.backprop.io..",
                        "studio.backprop.cli..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void autogradDoesNotKnowLayersOrTraining() {
        noClasses().that().resideInAPackage("studio.backprop.autograd..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "studio.backprop.nn..", "studio.backprop.spec..", "studio.backprop.data..",
                        "studio.backprop.train..", "studio.backprop.io..", "studio.backprop.cli..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void nnDoesNotKnowDocumentsDataOrTraining() {
        noClasses().that().resideInAPackage("studio.backprop.nn..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "studio.backprop.spec..", "studio.backprop.data..", "studio.backprop.train..",
                        "studio.backprop.io..", "studio.backprop.cli..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
