/**
 * Fitting and reporting the answerability decision of issue 13: cases from ObliQA gold removal and
 * Egretta's own PDF question set ({@link dev.egretta.eval.answerability.AnswerabilityFit}), and the
 * per-question report of the engine's answers with the added latency
 * ({@link dev.egretta.eval.answerability.AnswerReport}).
 */
package dev.egretta.eval.answerability;
