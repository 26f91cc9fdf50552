package io.invoke4j.domain.field;

import java.util.List;

/** InvokeAI's scheduler names (frontend {@code zSchedulerField} in {@code features/nodes/types/common.ts}). */
final class Schedulers {
  private Schedulers() {}

  static final List<String> NAMES = List.of(
      "euler", "deis", "ddim", "ddpm", "dpmpp_2s", "dpmpp_2m", "dpmpp_3m", "dpmpp_2m_sde", "dpmpp_sde",
      "er_sde", "heun", "kdpm_2", "lms", "pndm", "unipc", "euler_k", "deis_k", "dpmpp_2s_k", "dpmpp_2m_k",
      "dpmpp_3m_k", "dpmpp_2m_sde_k", "dpmpp_sde_k", "heun_k", "kdpm_2_k", "kdpm_2_a_k", "lms_k", "unipc_k",
      "euler_a", "kdpm_2_a", "lcm", "tcd");
}
