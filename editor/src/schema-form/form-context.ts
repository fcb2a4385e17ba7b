import { createContext, useContext } from 'react';
import type { CredentialSummary } from '../api/contract';
import type { CompletionSource } from '../expression/completion';
import type { PreviewScope } from '../expression/evaluate';

/** What every field of a node's form may need besides its own value. */
export interface FormContextValue {
  completion: CompletionSource;
  /** Undefined when there is no sample item to preview expressions on. */
  scope: PreviewScope | undefined;
  credentials: CredentialSummary[];
  /** Credential types the node accepts, for pickers whose schema names none. */
  credentialTypes: string[];
  /** Error messages by field path (`a.b.0`), already translated. */
  errors: ReadonlyMap<string, string>;
}

export const FormContext = createContext<FormContextValue>({
  completion: { json: {}, nodes: {} },
  scope: undefined,
  credentials: [],
  credentialTypes: [],
  errors: new Map(),
});

export const useFormContext = () => useContext(FormContext);
