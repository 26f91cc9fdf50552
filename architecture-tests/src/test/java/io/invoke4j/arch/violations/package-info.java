/**
 * A miniature invoke4j that breaks the architecture rules on purpose, one class per broken rule, next
 * to classes that use exactly what the rules allow. {@code RulesBiteTest} runs the rules here to show
 * that each one reports the offenders and only them. Test sources only: never part of the real check.
 */
package io.invoke4j.arch.violations;
