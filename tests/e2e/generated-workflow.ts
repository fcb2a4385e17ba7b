import type { WorkflowJson } from './workflow-api.js';

const columns = 20;
const spacing = { x: 260, y: 140 };

/**
 * A workflow of `size` nodes for load tests: a webhook feeding rows of Set and If nodes laid out
 * on a grid, each row a chain, each If also feeding the next row, so the canvas has about as many
 * edges as nodes and edges that cross rows.
 */
export function generatedWorkflow(size: number): WorkflowJson {
  const nodes: WorkflowJson['nodes'] = [];
  const edges: WorkflowJson['edges'] = [];
  for (let index = 0; index < size; index += 1) {
    const id = `n${index}`;
    const position = { x: (index % columns) * spacing.x, y: Math.floor(index / columns) * spacing.y };
    if (index === 0) {
      nodes.push({ id, type: 'core/webhook@1', name: 'Mentions in', params: { path: 'load' }, position });
      continue;
    }
    const isIf = index % 3 === 0;
    nodes.push(
      isIf
        ? {
            id,
            type: 'core/if@1',
            name: `Check ${index}`,
            params: { condition: '{{ $json.score > 0 }}' },
            position,
          }
        : { id, type: 'core/set@1', name: `Score ${index}`, params: { fields: { score: index } }, position },
    );
    const previous = index - 1;
    edges.push({
      source: `n${previous}`,
      sourcePort: previous % 3 === 0 && previous > 0 ? 'true' : 'main',
      target: id,
      targetPort: 'main',
    });
    const above = index - columns;
    if (above > 0 && above % 3 === 0)
      edges.push({ source: `n${above}`, sourcePort: 'false', target: id, targetPort: 'main' });
  }
  return { name: `Generated ${size}-node workflow`, nodes, edges };
}
