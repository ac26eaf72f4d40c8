package io.modelcompose.shared.config.load;

import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.ConfigException;
import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.shared.config.bind.ComposeBinder;
import io.modelcompose.shared.config.tree.Problems;
import io.modelcompose.shared.config.tree.YMap;
import java.util.List;
import java.util.Map;

/**
 * Loads model-compose.yml: finds the files, parses them with line numbers, merges them, resolves
 * {@code ${env.*}} and validates everything. Problems are collected, never thrown one by one.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * Loads, merges, resolves {@code ${env.*}} and validates.
     *
     * @throws ConfigException with every problem found, each as {@code <file>:<line>: <path>: <message>}
     */
    public static ComposeConfig load(LoadRequest request) {
        Problems problems = new Problems();
        Map<String, String> env = EnvironmentLoader.load(request, problems);
        List<ConfigSource> sources = ConfigFiles.discover(request, problems);
        List<String> names = sources.stream().map(ConfigSource::name).toList();
        ConfigFiles.Merged merged = ConfigFiles.readMerged(sources, problems);
        if (!merged.complete()) {
            throw new ConfigException(problems.sorted(names));
        }
        YMap resolved = (YMap) EnvResolver.resolve(merged.tree(), env, problems);
        TemplateChecks.check(resolved, problems);
        ComposeConfig config = ComposeBinder.bind(resolved, env, names, request.projectDir(), problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.sorted(names));
        }
        return config;
    }

    /**
     * The merged YAML tree (maps, lists and scalars) before {@code ${env.*}} resolution, with shorthands normalised
     * ({@code component:} is {@code components:}, {@code runtime: docker} is {@code runtime: {type: docker}}). The
     * docker runtime writes it back out with {@code runtime: native} and the env references unresolved.
     *
     * @throws ConfigException when a file is missing or is not valid YAML
     */
    public static Map<String, Object> loadMergedTree(LoadRequest request) {
        Problems problems = new Problems();
        List<ConfigSource> sources = ConfigFiles.discover(request, problems);
        YMap merged = ConfigFiles.readMerged(sources, problems).tree();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.sorted(sources.stream().map(ConfigSource::name).toList()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) merged.toPlain();
        return tree;
    }
}
