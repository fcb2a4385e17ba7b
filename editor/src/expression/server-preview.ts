import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { ExpressionPreviewRequest, Item, JsonValue } from '../api/contract';
import type { Preview, PreviewScope } from './evaluate';

/** Items of each upstream node sent along; the server's schema takes no more. */
const maxItems = 1_000;
const debounceMs = 250;

/** The sample as the server's preview takes it, or undefined when the sample item is no object. */
export function previewRequest(template: string, scope: PreviewScope): ExpressionPreviewRequest | undefined {
  const json = scope.$json;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const nodes: Record<string, { items: Item[] }> = {};
  const paired: Record<string, number> = {};
  for (const [name, node] of Object.entries(scope.$node ?? {})) {
    const items = node.items.slice(0, maxItems) as Item[];
    nodes[name] = { items };
    if ('paired' in node) paired[name] = items.indexOf(node.paired as Item);
  }
  return {
    template,
    scope: {
      json: json as Record<string, JsonValue>,
      nodes,
      paired,
      vars: (scope.$vars ?? {}) as Record<string, JsonValue>,
      ...(scope.$now ? { now: scope.$now } : {}),
      ...(scope.$workflow ? { workflow: scope.$workflow } : {}),
    },
  };
}

/**
 * The preview to show: the editor's own when it can evaluate the expression, else, shortly after
 * typing stops, the server's, which evaluates it as a run would (arrow functions, the `$str`,
 * `$num` and `$date` helpers, anything the editor's walker leaves out). Until the server answers
 * for this text, or when it cannot be reached, the editor's own message stays.
 */
export function useServerPreview(
  template: string,
  scope: PreviewScope | undefined,
  local: Preview | undefined,
): Preview | undefined {
  const [answer, setAnswer] = useState<{ template: string; preview: Preview }>();
  const needed = local !== undefined && !local.ok && scope !== undefined;
  useEffect(() => {
    if (!needed || !scope) return;
    const request = previewRequest(template, scope);
    if (!request) return;
    let current = true;
    const timer = setTimeout(() => {
      api
        .previewExpression(request)
        .then((preview) => current && setAnswer({ template, preview }))
        .catch(() => undefined);
    }, debounceMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [needed, template, scope]);
  if (!needed) return local;
  // An answer for an earlier sample stays until the new one comes: the sample rarely changes it.
  return answer?.template === template ? answer.preview : local;
}
