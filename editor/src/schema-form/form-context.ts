import { createContext, useContext } from 'react';
import type { CredentialSummary } from '../api/contract';
import type { CompletionSource } from '../expression/completion';
import type { PreviewScope } from '../expression/evaluate';

/** What is wrong with a field: a message, already translated, and where in the value, when known. */
export interface FieldProblem {
  message: string;
  /** The value with a caret under the fault, as a query error gives it. */
  pointer?: string;
  /** The problem is the expression's own, shown while the field is in expression mode too. */
  expression?: boolean;
  /** A likely mistake that still runs, such as lower-case `and` in a query. */
  warning?: boolean;
}

/** What every field of a node's form may need besides its own value. */
export interface FormContextValue {
  completion: CompletionSource;
  /** Undefined when there is no sample item to preview expressions on. */
  scope: PreviewScope | undefined;
  credentials: CredentialSummary[];
  /** Credential types the node accepts, for pickers whose schema names none. */
  credentialTypes: string[];
  /** What is wrong, by field path (`a.b.0`). */
  errors: ReadonlyMap<string, FieldProblem>;
}

export const FormContext = createContext<FormContextValue>({
  completion: { json: {}, nodes: {} },
  scope: undefined,
  credentials: [],
  credentialTypes: [],
  errors: new Map(),
});

export const useFormContext = () => useContext(FormContext);
