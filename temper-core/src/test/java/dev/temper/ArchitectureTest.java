package dev.temper;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The package arrows of STYLE.md: tensor at the bottom; autograd on it; nn, loss, metric, regularize and optim on
 * autograd (optim never sees nn: an optimizer knows parameters and gradients only); data on tensor alone; train on
 * all of those; study, tune and landscape on top of train; report on top of those. Plus the bans: Java serialization, printing to
 * standard output from the library, and randomness that does not come from a seeded {@code Rng}.
 */
@AnalyzeClasses(packages = "dev.temper", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesOnlyUseThePackagesBelowThem = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("dev.temper..")
            .withOptionalLayers(true) // regularize, tune, landscape and report are planned, not all written yet
            .layer("tensor").definedBy("dev.temper.tensor..")
            .layer("io").definedBy("dev.temper.io..")
            .layer("autograd").definedBy("dev.temper.autograd..")
            .layer("nn").definedBy("dev.temper.nn..")
            .layer("loss").definedBy("dev.temper.loss..")
            .layer("metric").definedBy("dev.temper.metric..")
            .layer("regularize").definedBy("dev.temper.regularize..")
            .layer("optim").definedBy("dev.temper.optim..")
            .layer("data").definedBy("dev.temper.data..")
            .layer("train").definedBy("dev.temper.train..")
            .layer("study").definedBy("dev.temper.study..")
            .layer("tune").definedBy("dev.temper.tune..")
            .layer("landscape").definedBy("dev.temper.landscape..")
            .layer("report").definedBy("dev.temper.report..")
            .whereLayer("io").mayOnlyAccessLayers("tensor")
            .whereLayer("tensor").mayNotAccessAnyLayer()
            .whereLayer("autograd").mayOnlyAccessLayers("tensor")
            .whereLayer("nn").mayOnlyAccessLayers("autograd", "tensor")
            .whereLayer("loss").mayOnlyAccessLayers("autograd", "tensor")
            .whereLayer("metric").mayOnlyAccessLayers("autograd", "tensor")
            .whereLayer("regularize").mayOnlyAccessLayers("autograd", "tensor")
            .whereLayer("optim").mayOnlyAccessLayers("autograd", "tensor")
            .whereLayer("data").mayOnlyAccessLayers("tensor")
            .whereLayer("train").mayOnlyAccessLayers(
                    "nn", "loss", "metric", "regularize", "optim", "data", "autograd", "io", "tensor")
            .whereLayer("study").mayOnlyAccessLayers(
                    "train", "nn", "loss", "metric", "regularize", "optim", "data", "autograd", "io", "tensor")
            .whereLayer("tune").mayOnlyAccessLayers(
                    "train", "nn", "loss", "metric", "regularize", "optim", "data", "autograd", "io", "tensor")
            .whereLayer("landscape").mayOnlyAccessLayers(
                    "train", "nn", "loss", "metric", "regularize", "optim", "data", "autograd", "tensor")
            .whereLayer("report").mayOnlyAccessLayers("study", "tune", "landscape",
                    "train", "nn", "loss", "metric", "regularize", "optim", "data", "autograd", "tensor")
            // A new package must be placed in the layers above before it can be used.
            .ensureAllClassesAreContainedInArchitecture();

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("dev.temper.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noJavaSerialization = noClasses()
            .should().dependOnClassesThat().areAssignableTo(ObjectInputStream.class)
            .orShould().dependOnClassesThat().areAssignableTo(ObjectOutputStream.class)
            .because("checkpoints use explicit formats; Java serialization is fragile and unsafe to read");

    @ArchTest
    static final ArchRule theLibraryDoesNotPrintToStandardOutput = noClasses()
            .should().accessField(System.class, "out")
            .because("standard output belongs to the command line and reports; the library returns values");

    @ArchTest
    static final ArchRule noUnseededRandomness = noClasses()
            .should().callConstructorWhere(target(owner(assignableTo(Random.class))))
            .orShould().callMethod(Math.class, "random")
            .orShould().callMethod(StrictMath.class, "random")
            .orShould().callMethod(ThreadLocalRandom.class, "current")
            .orShould().callMethod(Collections.class, "shuffle", List.class)
            .because("every random draw comes from an explicit, seeded dev.temper.tensor.Rng");
}
