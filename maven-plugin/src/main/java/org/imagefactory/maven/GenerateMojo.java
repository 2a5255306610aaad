package org.imagefactory.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.imagefactory.core.PipelineOptions;
import org.imagefactory.core.RealPaths;
import org.imagefactory.core.VariantRequest;
import org.imagefactory.core.batch.BatchSettings;
import org.imagefactory.core.batch.BatchSummary;
import org.imagefactory.core.batch.SourceFailure;
import org.imagefactory.core.batch.SourceSelector;
import org.imagefactory.core.batch.VariantBatch;

/**
 * Pre-generates the configured variants of every source image into {@code outputDirectory}, at the paths the
 * servlet filter looks up, and writes the variant manifest ({@code imagefactory-manifest.txt}) there. Incremental:
 * a second build with nothing changed does no image work.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

    /** The folder of source images; each variant is named after its path relative to this folder. */
    @Parameter(defaultValue = "${project.basedir}/src/main/webapp/pictures", required = true)
    private File sourceDirectory;

    /**
     * Ant-style patterns, relative to {@code sourceDirectory}, of the files to use, matched ignoring letter case.
     * Default: every jpg, jpeg, png, gif, bmp and webp file.
     */
    @Parameter
    private List<String> includes;

    /** Ant-style patterns of files to leave out, matched ignoring letter case. */
    @Parameter
    private List<String> excludes;

    /**
     * Where the variants and the manifest go. The default is the pre-generated root the servlet filter reads, inside
     * the exploded war, so a war project needs nothing else.
     */
    @Parameter(defaultValue = "${project.build.directory}/${project.build.finalName}/WEB-INF/imagefactory",
            required = true)
    private File outputDirectory;

    // Parameter descriptions name elements without angle brackets: mvn help:describe reads them as HTML and drops
    // <variant> as an unknown tag.
    /**
     * The variants to make of every source, each a {@code variant} element with any of the elements {@code scalex},
     * {@code scaley}, {@code encoding} and {@code quality}: the names, values and meanings of the filter's URL
     * arguments.
     */
    @Parameter
    private List<Variant> variants;

    /** Worker threads. Default: the number of available processors. */
    @Parameter(property = "imagefactory.threads")
    private Integer threads;

    /** Whether a source that cannot be read fails the build; otherwise it is reported as a warning. */
    @Parameter(property = "imagefactory.failOnError", defaultValue = "true")
    private boolean failOnError;

    /** Skips the goal. */
    @Parameter(property = "imagefactory.skip", defaultValue = "false")
    private boolean skip;

    /** Sources with more pixels (width × height, read from the header) are refused before decoding. */
    @Parameter(defaultValue = "50000000")
    private long maxSourcePixels;

    /** Where the incremental state is kept: under the build folder, never inside the war. */
    @Parameter(defaultValue = "${project.build.directory}/imagefactory-state", readonly = true, required = true)
    private File stateDirectory;

    /** Part of the state file's name, so each {@code execution} element keeps its own state. */
    @Parameter(defaultValue = "${mojoExecution.executionId}", readonly = true, required = true)
    private String executionId;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info(BuildLog.PREFIX + "skipped (imagefactory.skip)");
            return;
        }
        if (variants == null || variants.isEmpty()) {
            getLog().info(BuildLog.PREFIX + "no <variants> configured: nothing to generate");
            return;
        }
        // ImageIO's registry is JVM-wide and may have been filled before this plugin's class realm existed; Maven
        // makes the realm the context class loader now, so a scan registers the TwelveMonkeys and WebP plugins.
        ImageIO.scanForPlugins();
        BatchSettings settings = settings();
        BatchSummary summary;
        try {
            summary = new VariantBatch(settings).run(new BuildLog(getLog(), failOnError));
        } catch (IOException e) {
            throw new MojoExecutionException("imagefactory: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("imagefactory: interrupted", e);
        }
        getLog().info(BuildLog.PREFIX + summary);
        List<SourceFailure> failures = summary.failures();
        if (!failures.isEmpty()) {
            String list = failures.stream().map(f -> "  " + f).collect(Collectors.joining("\n"));
            String counted = failures.size() + " of " + summary.sources() + " source images could not be processed";
            if (failOnError) {
                throw new MojoFailureException("imagefactory: " + counted + ":\n" + list
                        + "\nFix or exclude them (<excludes>), or set <failOnError>false</failOnError>"
                        + " (-Dimagefactory.failOnError=false) to only warn.");
            }
            getLog().warn(BuildLog.PREFIX + counted + " (failOnError is false)");
        }
    }

    private BatchSettings settings() throws MojoExecutionException {
        List<VariantRequest> requests = ConfiguredVariants.parse(variants);
        Path sources = sourceDirectory.toPath().toAbsolutePath().normalize();
        if (!Files.isDirectory(sources)) {
            throw new MojoExecutionException("<sourceDirectory> " + sources + " is not a folder: expected the folder"
                    + " of source images (default src/main/webapp/pictures), since <variants> are configured");
        }
        Path output = outputDirectory.toPath().toAbsolutePath().normalize();
        Path realSources = RealPaths.of(sources);
        Path realOutput = RealPaths.of(output);
        if (realOutput.startsWith(realSources)) {
            throw new MojoExecutionException("<outputDirectory> " + output + " is inside <sourceDirectory> " + sources
                    + ": expected a folder outside it, such as ${project.build.directory}/imagefactory");
        }
        if (realSources.startsWith(realOutput)) {
            throw new MojoExecutionException("<sourceDirectory> " + sources + " is inside <outputDirectory> " + output
                    + ": expected the sources outside the folder of generated files, such as src/main/webapp/pictures"
                    + " with an <outputDirectory> under ${project.build.directory}");
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new MojoExecutionException("<threads> is " + workers + ": expected a whole number of at least 1");
        }
        if (maxSourcePixels < 1) {
            throw new MojoExecutionException("<maxSourcePixels> is " + maxSourcePixels
                    + ": expected a positive number of pixels, such as 50000000");
        }
        PipelineOptions options = PipelineOptions.DEFAULTS.withMaxSourcePixels(maxSourcePixels);
        Path stateFile = stateDirectory.toPath()
                .resolve("state-" + shortHash(output + "\n" + executionId + "\n" + sources) + ".txt");
        return new BatchSettings(sources, SourceSelector.of(includes, excludes), output, requests, options, workers,
                stateFile, pluginVersion(), PROGRESS_INTERVAL);
    }

    /**
     * One state file per execution, source and output folder, so two executions writing to one folder never take
     * each other's files for their own outdated ones.
     */
    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String pluginVersion() throws MojoExecutionException {
        try (InputStream in = GenerateMojo.class.getResourceAsStream("plugin.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version");
            if (version == null) {
                throw new MojoExecutionException("imagefactory: the plugin jar is incomplete (no plugin.properties)");
            }
            return version;
        } catch (IOException e) {
            throw new MojoExecutionException("imagefactory: the plugin jar cannot be read", e);
        }
    }
}
