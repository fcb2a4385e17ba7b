/**
 * An execution records the workflow version it ran, and its steps name that version's nodes, so
 * it is painted on that version's graph. Returns the version to load, `'current'` to go back to
 * the workflow's own graph, or undefined when the canvas already shows the right one.
 */
export function graphForExecution(
  ran: number,
  current: number,
  viewing: number | undefined,
): number | 'current' | undefined {
  if (ran === (viewing ?? current)) return undefined;
  return ran === current ? 'current' : ran;
}
