import type { Workflow, WorkflowInput } from '../api/contract';
import { readTemplateFile, type TemplateChoice } from '../templates/template-file';
import { readGraph } from '../workflow/graph-shape';

/** Workflow files: what export writes and import reads (the model's JSON, without server ids). */

export function toInput(
  workflow: Pick<Workflow, 'name' | 'nodes' | 'edges' | 'stickyNotes' | 'settings'> & {
    description?: string;
  },
): WorkflowInput {
  const input: WorkflowInput = {
    name: workflow.name,
    nodes: workflow.nodes,
    edges: workflow.edges ?? [],
    stickyNotes: workflow.stickyNotes ?? [],
    settings: workflow.settings ?? {},
  };
  if (workflow.description) input.description = workflow.description;
  return input;
}

export function exportText(workflow: Workflow): string {
  return `${JSON.stringify(toInput(workflow), null, 2)}\n`;
}

/** An imported file: a workflow to create, or a template to install after its parameter form. */
export type ImportedFile =
  | { kind: 'workflow'; input: WorkflowInput }
  | { kind: 'template'; choice: TemplateChoice };

/** Reads an imported file; throws with a short reason when it is neither a workflow nor a template. */
export function readImportFile(text: string, fallbackName: string): ImportedFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('not JSON');
  }
  const choice = readTemplateFile(value, fallbackName);
  if (choice) return { kind: 'template', choice };
  const graph = readGraph(value);
  if (!graph) throw new Error('no "nodes" list');
  const settings =
    typeof value === 'object' &&
    value !== null &&
    'settings' in value &&
    typeof value.settings === 'object' &&
    value.settings
      ? (value.settings as WorkflowInput['settings'])
      : {};
  return { kind: 'workflow', input: toInput({ ...graph, name: graph.name ?? fallbackName, settings }) };
}

export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

export function fileNameFor(name: string): string {
  const safe = name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '');
  return `${safe || 'workflow'}.json`;
}
