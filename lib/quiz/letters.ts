/**
 * Options carry letters by position (A, B, C…), so an explanation that says "(b)" or "b is false" points
 * at something the learner can see. Validation checks each such reference names the option it means.
 */

export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/**
 * Letters an explanation refers options by: "(a)", "(b is false)", "(ip mode, b)". Lowercase, in order
 * of first mention. Only the forms the quiz explanations use are recognised, so ordinary words are not.
 */
export function letterReferences(explanation: string): string[] {
  const found = [...explanation.matchAll(/[(,]\s*([a-hA-H])(?=\)|\s+is\b)/g)].map((m) => m[1]!.toLowerCase());
  return [...new Set(found)];
}
