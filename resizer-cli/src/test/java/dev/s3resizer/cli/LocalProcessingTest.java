package dev.s3resizer.cli;

import dev.s3resizer.service.EventLog;
import dev.s3resizer.service.EventResult;
import dev.s3resizer.service.Outcome;
import dev.s3resizer.service.event.ObjectEvent;
import dev.s3resizer.service.storage.ObjectRef;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code serve} prints each handled event for people. */
class LocalProcessingTest {

    @Test
    void printsOneLinePerObjectForPeople() {
        StringWriter text = new StringWriter();
        EventLog log = LocalProcessing.printingTo(new PrintWriter(text));
        ObjectEvent event = new ObjectEvent(ObjectEvent.Kind.REMOVED, ObjectRef.of("incoming", "a b.jpg"),
                "ObjectRemoved:Delete");

        log.record(new EventResult.Handled(event, new Outcome(Outcome.Status.REMOVED, event.ref(),
                "0 renditions removed", List.of(), 0, Map.of()), 7));

        assertThat(text.toString()).matches("\\d\\d:\\d\\d:\\d\\d removed incoming/a b.jpg: 0 renditions removed in 7 ms\\R");
    }
}
