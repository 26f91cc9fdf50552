package io.invoke4j.ports;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoke4j.domain.models.ModelKey;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ModelGateway} shares with InvokeAI 6.14's model manager, on a server
 * <em>without models</em> (the test server and a fresh in-memory adapter).
 */
public abstract class ModelGatewayContract {
  /** The models under test; the server must have none installed. */
  protected abstract ModelGateway models();

  /** Called after each test: close what the subclass opened. */
  protected void afterContract() {}

  @AfterEach
  final void close() {
    afterContract();
  }

  @Test
  public void modelLessServerListsNoModels() {
    assertThat(models().list(Optional.empty(), Optional.empty())).isEmpty();
  }

  @Test
  public void filteredListOfAModelLessServerIsEmpty() {
    assertThat(models().list(Optional.of("sdxl"), Optional.of("main"))).isEmpty();
  }

  @Test
  public void findOfAnUnknownKeyIsEmpty() {
    assertThat(models().find(ModelKey.of("invoke4j-no-such-model"))).isEmpty();
  }
}
