package dev.s3resizer.service.config;

import dev.s3resizer.core.ResizerException;

import java.util.List;

/** The configuration is unusable; lists every problem found, not only the first. */
public class ConfigException extends ResizerException {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("invalid configuration:\n  - " + String.join("\n  - ", problems), false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    @Override
    public String reason() {
        return "config";
    }
}
