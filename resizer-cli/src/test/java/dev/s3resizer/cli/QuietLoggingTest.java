package dev.s3resizer.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** Logback finds the CLI's configuration in code, not by parsing XML, and keeps libraries quiet. */
class QuietLoggingTest {

    @Test
    void isTheConfiguratorLogbackLoadsAndSetsWarnOnStderrWithPekkoAtError() {
        assertThat(ServiceLoader.load(Configurator.class)).anyMatch(c -> c instanceof QuietLogging);
        LoggerContext context = new LoggerContext();

        Configurator.ExecutionStatus status = new QuietLogging().configure(context);

        assertThat(status).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(root.getAppender("STDERR")).isNotNull().satisfies(a -> assertThat(a.isStarted()).isTrue());
        assertThat(context.getLogger("org.apache.pekko").getLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("software.amazon.awssdk").getEffectiveLevel()).isEqualTo(Level.WARN);
    }
}
