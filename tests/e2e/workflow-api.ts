export interface WorkflowJson {
  name: string;
  nodes: {
    id: string;
    type: string;
    name?: string;
    params: Record<string, unknown>;
    position: { x: number; y: number };
  }[];
  edges: { source: string; sourcePort: string; target: string; targetPort: string }[];
}

/** A manual trigger wired to one node: the smallest workflow a scenario about that node needs. */
export function afterManualTrigger(
  name: string,
  node: Omit<WorkflowJson['nodes'][number], 'position'>,
): WorkflowJson {
  return {
    name,
    nodes: [
      { id: 'start', type: 'core/manual@1', params: {}, position: { x: 0, y: 0 } },
      { ...node, position: { x: 260, y: 0 } },
    ],
    edges: [{ source: 'start', sourcePort: 'main', target: node.id, targetPort: 'main' }],
  };
}

/** A JSON request to the public API; throws with the server's answer unless it succeeds. */
export async function callApi<T>(url: string, method: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Sets up a workflow through the public API, for scenarios that start from an existing one. */
export async function postWorkflow(serverUrl: string, workflow: WorkflowJson): Promise<string> {
  const created = await callApi<{ id: string }>(`${serverUrl}/api/v1/workflows`, 'POST', workflow);
  return created.id;
}

export function getWorkflow(serverUrl: string, id: string): Promise<WorkflowJson & { version: number }> {
  return callApi(`${serverUrl}/api/v1/workflows/${id}`, 'GET');
}
