package cn.tongban.platform.events;

import java.time.Duration;
import org.jspecify.annotations.NullMarked;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries what a module's event listener could not do: every {@code tongban.events.retry-ms} each node resubmits the
 * failed publications of Spring Modulith's event publication registry (table {@code platform.event_publication}).
 * A publication is claimed before it is resubmitted, so two nodes never resubmit the same one at once; listeners are
 * written to be repeatable. Publications whose node stopped before finishing are marked failed by the registry's
 * staleness check ({@code spring.modulith.events.staleness.*}) and so are retried too.
 */
@NullMarked
@Component
public class FailedEventRetry {
  private final FailedEventPublications failed;

  FailedEventRetry(FailedEventPublications failed) {
    this.failed = failed;
  }

  /** Resubmits every failed publication now (the schedule calls it; tests and operators may too). */
  @Scheduled(initialDelayString = "${tongban.events.retry-ms:60000}", fixedDelayString = "${tongban.events.retry-ms:60000}")
  public void resubmitFailed() {
    failed.resubmit(ResubmissionOptions.defaults().withMinAge(Duration.ZERO));
  }
}
