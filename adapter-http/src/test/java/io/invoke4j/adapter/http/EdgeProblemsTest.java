package io.invoke4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoke4j.domain.EnqueueProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * InvokeAI 6.14.2 reports a bad edge with {@code loc [body, batch, graph]} and the node and field
 * only in the message; the messages below were recorded from that server's 422s.
 */
class EdgeProblemsTest {
  private static EnqueueProblem problem(String message) {
    String detail = "{\"detail\":[{\"type\":\"value_error\",\"loc\":[\"body\",\"batch\",\"graph\"],"
        + "\"msg\":\"" + message + "\"}]}";
    List<EnqueueProblem> problems = QueueMapper.toProblems(Fixtures.parse(detail));
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  @Test
  void namesTheNodeAndFieldOfAnEdgeToAMissingField() {
    EnqueueProblem problem = problem("Value error, Edge destination field nope does not exist in node b");

    assertThat(problem.nodeId()).contains("b");
    assertThat(problem.field()).contains("nope");
    assertThat(problem.loc()).containsExactly("body", "batch", "graph");
  }

  @Test
  void namesTheMissingNodeOfAnEdge() {
    EnqueueProblem problem = problem("Value error, Edge source node zz does not exist in the graph");

    assertThat(problem.nodeId()).contains("zz");
    assertThat(problem.field()).isEmpty();
  }

  @Test
  void namesTheInputThatCannotTakeAnEdgeOfAnotherType() {
    EnqueueProblem problem =
        problem("Value error, Edge source and target types do not match (a.value -> b.a)");

    assertThat(problem.nodeId()).contains("b");
    assertThat(problem.field()).contains("a");
  }
}
