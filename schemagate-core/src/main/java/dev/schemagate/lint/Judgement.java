package dev.schemagate.lint;

import dev.schemagate.check.Finding;

import java.util.List;

/**
 * What the judge decided: the findings that stand and the suspicions the evidence cleared.
 *
 * @param findings the findings
 * @param cleared  the suspicions that did not stand
 */
record Judgement(List<Finding> findings, List<Suspicion> cleared) {
}
