import CodeMirror from '@uiw/react-codemirror';
import { useMemo, useRef } from 'react';
import { expressionCompletion, expressionMarks, lineWrapping } from './codemirror-expression';
import type { CompletionSource } from './completion';

export interface ExpressionInputProps {
  value: string;
  onChange: (value: string) => void;
  completion: CompletionSource;
  testId: string;
}

/** The CodeMirror part of the expression editor, loaded on first use as its own chunk. */
export function ExpressionInput({ value, onChange, completion, testId }: ExpressionInputProps) {
  // CodeMirror keeps its extensions; a ref lets completion see the latest sample without rebuilding them.
  const source = useRef(completion);
  source.current = completion;
  const extensions = useMemo(
    () => [expressionCompletion(() => source.current), expressionMarks, lineWrapping],
    [],
  );
  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      extensions={extensions}
      basicSetup={{
        lineNumbers: false,
        foldGutter: false,
        highlightActiveLine: false,
        autocompletion: false,
      }}
      placeholder="{{ $json.field }}"
      data-testid={testId}
    />
  );
}
