import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import type { Extension } from '@codemirror/state';
import {
  Decoration,
  type DecorationSet,
  EditorView,
  MatchDecorator,
  ViewPlugin,
  type ViewUpdate,
} from '@codemirror/view';
import { type CompletionSource, completeAt } from './completion';

/** CodeMirror glue for `{{ }}` fields: completion from `completeAt`, and marks on expressions. */

export function expressionCompletion(source: () => CompletionSource): Extension {
  return autocompletion({
    activateOnTyping: true,
    override: [
      (context: CompletionContext): CompletionResult | null => {
        const text = context.state.doc.toString();
        const result = completeAt(text, context.pos, source());
        if (!result || (result.options.length === 0 && !context.explicit)) return null;
        return {
          from: result.from,
          options: result.options.map((o) => ({
            label: o.label,
            apply: o.apply ?? o.label,
            type: o.type,
            detail: o.detail,
          })),
          validFor: /^[\w$]*$/,
        };
      },
    ],
  });
}

const marker = new MatchDecorator({
  regexp: /\{\{[\s\S]*?\}\}/g,
  decoration: Decoration.mark({ class: 'cm-expression' }),
});

export const expressionMarks: Extension = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = marker.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = marker.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

export const lineWrapping = EditorView.lineWrapping;
