import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type {
  CredentialSummary,
  Execution,
  ExpressionFunctions,
  Item,
  JsonValue,
  NodeTypeInfo,
  PortItems,
  Workflow,
  WorkflowInput,
} from '../api/contract';
import { navigate } from '../app/hash-route';
import { notify, notifyError } from '../app/notices';
import { createCanvasStore } from '../canvas/canvas-store';
import { toDocument } from '../workflow/flow-graph';
import { toCatalog } from '../workflow/node-catalog';
import { graphForExecution } from './execution-graph';
import { useValidation } from './use-validation';

type Meta = Omit<Workflow, 'nodes' | 'edges' | 'stickyNotes'>;

const finished = new Set(['succeeded', 'failed', 'cancelled']);
const pollMs = 500;
const pollLimit = 240;

/** Everything the editor page works with: the workflow, its canvas, the run on screen. */
export function useEditorSession(workflowId: string, executionId: string | undefined) {
  const { t } = useTranslation();
  const [store] = useState(() => createCanvasStore());
  const [meta, setMeta] = useState<Meta>();
  const [types, setTypes] = useState<NodeTypeInfo[]>([]);
  const [credentials, setCredentials] = useState<CredentialSummary[]>([]);
  const [vars, setVars] = useState<Record<string, JsonValue>>({});
  const [functions, setFunctions] = useState<ExpressionFunctions>();
  const [execution, setExecution] = useState<Execution>();
  const [output, setOutput] = useState<PortItems>();
  const [busy, setBusy] = useState<'saving' | 'running'>();
  const [runs, setRuns] = useState(0);
  const [viewing, setViewing] = useState<Workflow>();
  const metaRef = useRef(meta);
  metaRef.current = meta;
  const viewingRef = useRef(viewing);
  viewingRef.current = viewing;
  /** The workflow's own load, which an execution's graph must not be overwritten by. */
  const loading = useRef<Promise<unknown>>(Promise.resolve());

  const catalog = useMemo(() => toCatalog(types), [types]);
  const baseForValidation = useCallback(() => {
    const m = metaRef.current;
    return m ? { name: m.name, settings: m.settings ?? {} } : undefined;
  }, []);
  const problems = useValidation(store, baseForValidation);

  const loadWorkflow = useCallback(() => {
    const pending = api.getWorkflow(workflowId).then((workflow) => {
      const { nodes, edges, stickyNotes, ...rest } = workflow;
      metaRef.current = rest;
      setMeta(rest);
      store.load({ nodes, edges, stickyNotes });
    });
    loading.current = pending.catch(() => undefined);
    return pending;
  }, [workflowId, store]);

  useEffect(() => {
    Promise.all([loadWorkflow(), api.nodeTypes().then(setTypes)]).catch(notifyError);
    api
      .listCredentials()
      .then((list) => setCredentials(list.items))
      .catch(() => setCredentials([]));
    api
      .listVariables()
      .then((list) => setVars(Object.fromEntries(list.items.map((item) => [item.key, item.value]))))
      .catch(() => setVars({}));
    api
      .expressionFunctions()
      .then(setFunctions)
      .catch(() => setFunctions(undefined));
  }, [loadWorkflow]);

  useEffect(() => {
    if (!executionId) return;
    let stale = false;
    const paint = async () => {
      const found = await api.getExecution(executionId);
      await loading.current;
      const current = metaRef.current?.version;
      const graph =
        current === undefined
          ? undefined
          : graphForExecution(found.version, current, viewingRef.current?.version);
      if (stale) return;
      if (graph === 'current') {
        setViewing(undefined);
        await loadWorkflow();
      } else if (graph !== undefined) {
        const ran = await api.getVersion(workflowId, graph);
        if (stale) return;
        setViewing(ran);
        store.load(ran);
      }
      setExecution(found);
    };
    paint().catch(notifyError);
    return () => {
      stale = true;
    };
  }, [executionId, workflowId, store, loadWorkflow]);

  const input = useCallback((): WorkflowInput | undefined => {
    const m = metaRef.current;
    if (!m) return undefined;
    const doc = toDocument(store.getState().nodes, store.getState().edges);
    const value: WorkflowInput = { name: m.name, settings: m.settings ?? {}, ...doc };
    if (m.description) value.description = m.description;
    return value;
  }, [store]);

  const save = useCallback(async (): Promise<boolean> => {
    const value = input();
    if (!value || viewing) return false;
    setBusy('saving');
    try {
      const saved = await api.updateWorkflow(workflowId, value);
      setMeta((m) => (m ? { ...m, version: saved.version } : m));
      store.markSaved();
      notify('info', t('editor.saved', { version: saved.version }));
      return true;
    } catch (error) {
      notifyError(error);
      return false;
    } finally {
      setBusy(undefined);
    }
  }, [input, viewing, workflowId, store, t]);

  const follow = useCallback(async (id: string): Promise<Execution> => {
    let current = await api.getExecution(id);
    for (let i = 0; i < pollLimit && !finished.has(current.status); i += 1) {
      setExecution(current);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      current = await api.getExecution(id);
    }
    return current;
  }, []);

  /** Follows a run to its end, then paints it and puts it in the address. */
  const show = useCallback(
    async (executionId: string) => {
      const done = await follow(executionId);
      setExecution(done);
      setRuns((n) => n + 1);
      navigate({ page: 'editor', workflowId, executionId: done.id });
    },
    [follow, workflowId],
  );

  const run = useCallback(
    async (items: Item[], stopAfter?: string) => {
      if (store.getState().dirty && !(await save())) return;
      setBusy('running');
      try {
        const request = stopAfter ? { items, wait: true, stopAfter } : { items, wait: true };
        const result = await api.run(workflowId, request);
        setOutput(result.output);
        await show(result.executionId);
      } catch (error) {
        notifyError(error);
      } finally {
        setBusy(undefined);
      }
    },
    [store, save, workflowId, show],
  );

  const listener = useRef<AbortController>(undefined);
  const [listeningTo, setListeningTo] = useState<string>();

  /** n8n's "listen for test event": saves, then waits for one call to the trigger's test URL. */
  const listen = useCallback(
    async (nodeId: string) => {
      if (store.getState().dirty && !(await save())) return;
      listener.current?.abort();
      const controller = new AbortController();
      listener.current = controller;
      setListeningTo(nodeId);
      try {
        const { executionId } = await api.listen(workflowId, nodeId, controller.signal);
        if (executionId === null) {
          notify('info', t('webhook.nothingCame'));
          return;
        }
        setOutput(undefined);
        await show(executionId);
      } catch (error) {
        if (!controller.signal.aborted) notifyError(error);
      } finally {
        if (listener.current === controller) {
          listener.current = undefined;
          setListeningTo(undefined);
        }
      }
    },
    [store, save, workflowId, show, t],
  );
  const stopListening = useCallback(() => listener.current?.abort(), []);
  useEffect(() => () => listener.current?.abort(), []);

  const rename = useCallback(
    (name: string) => {
      setMeta((m) => (m && name.trim() ? { ...m, name: name.trim() } : m));
      store.markDirty();
    },
    [store],
  );

  const view = useCallback(
    (workflow: Workflow) => {
      setViewing(workflow);
      store.load(workflow);
    },
    [store],
  );

  // A run painted on the version it executed is shown and left together with that version.
  const ranOnViewed = execution !== undefined && viewing?.version === execution.version;

  const clearExecution = useCallback(() => {
    setExecution(undefined);
    setOutput(undefined);
    navigate({ page: 'editor', workflowId });
    if (ranOnViewed) {
      setViewing(undefined);
      loadWorkflow().catch(notifyError);
    }
  }, [workflowId, ranOnViewed, loadWorkflow]);

  const leaveView = useCallback(() => {
    if (ranOnViewed) return clearExecution();
    setViewing(undefined);
    loadWorkflow().catch(notifyError);
  }, [ranOnViewed, clearExecution, loadWorkflow]);

  const restore = useCallback(
    (workflow: Workflow) => {
      setViewing(undefined);
      store.replace(workflow);
      notify('info', t('versions.restored', { version: workflow.version }));
    },
    [store, t],
  );

  const toggleActive = useCallback(async () => {
    const m = metaRef.current;
    if (!m) return;
    try {
      if (m.active) await api.deactivate(workflowId);
      else await api.activate(workflowId);
      setMeta({ ...m, active: !m.active });
    } catch (error) {
      notifyError(error);
    }
  }, [workflowId]);

  return {
    store,
    meta,
    types,
    catalog,
    credentials,
    vars,
    functions,
    execution,
    output,
    problems,
    busy,
    runs,
    viewing,
    save,
    run,
    listen,
    listeningTo,
    stopListening,
    rename,
    view,
    leaveView,
    restore,
    toggleActive,
    clearExecution,
  };
}

export type EditorSession = ReturnType<typeof useEditorSession>;
