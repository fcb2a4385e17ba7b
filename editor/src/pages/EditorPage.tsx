import { ReactFlowProvider, useReactFlow, type XYPosition } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../app/hash-route';
import { Canvas } from '../canvas/Canvas';
import { CanvasContext, type CanvasContextValue } from '../canvas/canvas-context';
import { readClipboard, writeClipboard } from '../canvas/clipboard-access';
import { Palette } from '../canvas/Palette';
import { Toolbar, type ToolbarAction } from '../canvas/Toolbar';
import { useCanvasKeys } from '../canvas/use-canvas-keys';
import { NodePanel } from '../panels/NodePanel';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { VersionsPanel } from '../panels/VersionsPanel';
import { ExecutionsPanel } from '../run/ExecutionsPanel';
import { RunPanel } from '../run/RunPanel';
import { problemsByNode, runOverlay } from '../run/run-overlay';
import { loadSample, parseItems, saveSample } from '../run/sample-input';
import { initialParams } from '../schema-form/defaults';
import { selectionToDocument } from '../workflow/clipboard';
import type { FlowEdge, FlowNode } from '../workflow/flow-graph';
import { parseGraph } from '../workflow/graph-shape';
import { uniqueName } from '../workflow/ids';
import { localize } from '../workflow/node-catalog';
import { type EditorSession, useEditorSession } from './use-editor-session';

type SideTab = 'node' | 'run' | 'executions' | 'versions' | 'problems';

export function EditorPage({
  workflowId,
  executionId,
}: {
  workflowId: string;
  executionId: string | undefined;
}) {
  const session = useEditorSession(workflowId, executionId);
  return (
    <ReactFlowProvider>
      <EditorBody session={session} workflowId={workflowId} />
    </ReactFlowProvider>
  );
}

function EditorBody({ session, workflowId }: { session: EditorSession; workflowId: string }) {
  const { t, i18n } = useTranslation();
  const { store, catalog, meta, execution } = session;
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const pointer = useRef<XYPosition | undefined>(undefined);
  const [openNode, setOpenNode] = useState<string>();
  const [tab, setTab] = useState<SideTab>('run');
  const [sample, setSample] = useState(() => loadSample(workflowId));

  const context: CanvasContextValue = useMemo(
    () => ({ store, catalog, run: runOverlay(execution), problems: problemsByNode(session.problems) }),
    [store, catalog, execution, session.problems],
  );
  // Expression previews read `$workflow`; a new object per render would rebuild their sample.
  const [savedId, savedName, savedVersion] = [meta?.id, meta?.name, meta?.version];
  const workflow = useMemo(
    () =>
      savedId !== undefined && savedName !== undefined && savedVersion !== undefined
        ? { id: savedId, name: savedName, version: savedVersion }
        : undefined,
    [savedId, savedName, savedVersion],
  );

  const showNode = useCallback((id: string) => {
    setOpenNode(id);
    setTab('node');
  }, []);

  const addType = useCallback(
    (type: string, position?: XYPosition) => {
      const nodeType = catalog.get(type);
      if (!nodeType) return;
      const names = new Set(
        store.getState().nodes.map((n) => (n.type === 'workflow' ? (n.data.spec.name ?? n.id) : n.id)),
      );
      const at =
        position ??
        pointer.current ??
        flow.screenToFlowPosition({ x: window.innerWidth / 2, y: window.innerHeight / 2 });
      const id = store.addNode(
        {
          type,
          name: uniqueName(localize(nodeType.title, i18n.language), names),
          params: initialParams(nodeType.params),
        },
        at,
      );
      showNode(id);
    },
    [catalog, store, flow, i18n.language, showNode],
  );

  const onAction = useCallback(
    (action: ToolbarAction) => {
      switch (action) {
        case 'undo':
          return store.undo();
        case 'redo':
          return store.redo();
        case 'selectAll':
          return store.selectAll();
        case 'delete':
          return store.removeSelected();
        case 'toggleDisabled':
          return store.toggleDisabled();
        case 'layout':
          store.layout();
          return void setTimeout(() => flow.fitView({ duration: 200, maxZoom: 1 }), 0);
        case 'fitView':
          return void flow.fitView({ duration: 200, maxZoom: 1 });
        case 'save':
          return void session.save();
        case 'run': {
          const parsed = parseItems(sample);
          if (parsed.ok) void session.run(parsed.items);
          return;
        }
        case 'addSticky':
          return void store.addSticky(pointer.current ?? { x: 0, y: 0 }, '');
        case 'copy': {
          const { nodes, edges } = store.getState();
          return void writeClipboard(JSON.stringify(selectionToDocument(nodes, edges), null, 2));
        }
        case 'paste':
          return void readClipboard().then((text) => {
            const doc = parseGraph(text);
            if (doc) store.paste(doc, pointer.current ?? { x: 40, y: 40 });
          });
      }
    },
    [store, flow, session, sample],
  );

  useCanvasKeys({ store, pointer, onAction, enabled: !session.viewing });

  const selected = openNode ? store.getState().nodes.find((n) => n.id === openNode) : undefined;
  const selectedInfo =
    selected?.type === 'workflow'
      ? { id: selected.id, name: selected.data.spec.name ?? selected.id }
      : undefined;
  const nodeProblems = openNode ? session.problems.filter((p) => p.nodeId === openNode) : [];
  const pinned = parseItems(sample);
  const triggerStep = execution?.steps.find(
    (step) => catalog.get(nodeTypeOf(store.getState().nodes, step.nodeId) ?? '')?.trigger,
  );
  const startItems = triggerStep ? Object.values(triggerStep.output ?? {}).flat() : undefined;
  const tabs: SideTab[] = openNode
    ? ['node', 'run', 'executions', 'versions', 'problems']
    : ['run', 'executions', 'versions', 'problems'];

  return (
    <CanvasContext.Provider value={context}>
      <div className="editor" data-testid="editor-page" data-workflow-id={workflowId}>
        <Toolbar
          name={meta?.name ?? ''}
          version={meta?.version}
          active={meta?.active ?? false}
          busy={session.busy}
          readOnly={session.viewing !== undefined}
          onRename={session.rename}
          onAction={onAction}
          onToggleActive={() => void session.toggleActive()}
        />
        {session.viewing ? (
          <div className="banner" data-testid="version-banner">
            {t('versions.viewing', { version: session.viewing.version })}
            <button
              type="button"
              data-testid="version-banner-restore"
              onClick={() => session.viewing && session.restore(session.viewing)}
            >
              {t('versions.restore')}
            </button>
            <button type="button" data-testid="version-banner-back" onClick={session.leaveView}>
              {t('versions.back')}
            </button>
          </div>
        ) : null}
        {execution ? (
          <div className="banner info" data-testid="execution-banner">
            {t('executions.showing', { id: execution.id, version: execution.version })}
            <button type="button" data-testid="execution-banner-clear" onClick={session.clearExecution}>
              {t('executions.clear')}
            </button>
          </div>
        ) : null}
        <div className="editor-body">
          <Palette types={session.types} onAdd={(type) => addType(type)} />
          <Canvas onAddType={addType} onOpenNode={showNode} pointer={pointer} />
          <aside className="side">
            <div className="tabs">
              {tabs.map((name) => (
                <button
                  key={name}
                  type="button"
                  className={tab === name ? 'on' : ''}
                  data-testid={`side-tab-${name}`}
                  onClick={() => setTab(name)}
                >
                  {t(`editor.tab.${name}`)}
                  {name === 'problems' && session.problems.length ? ` (${session.problems.length})` : ''}
                </button>
              ))}
            </div>
            {tab === 'node' && openNode ? (
              <NodePanel
                key={openNode}
                nodeId={openNode}
                credentials={session.credentials}
                vars={session.vars}
                functions={session.functions}
                workflow={workflow}
                execution={execution}
                problems={nodeProblems}
                pinned={pinned.ok && pinned.items.length ? pinned.items : undefined}
                active={meta?.active ?? false}
                listeningTo={session.listeningTo}
                onListen={(nodeId) => void session.listen(nodeId)}
                onStopListening={session.stopListening}
                onClose={() => {
                  setOpenNode(undefined);
                  setTab('run');
                }}
              />
            ) : null}
            {tab === 'run' ? (
              <RunPanel
                sample={sample}
                onSample={(text) => {
                  setSample(text);
                  saveSample(workflowId, text);
                }}
                onRun={(items, stopAfter) => void session.run(items, stopAfter)}
                running={session.busy === 'running'}
                selected={selectedInfo}
                execution={execution}
                startItems={startItems}
                output={session.output}
              />
            ) : null}
            {tab === 'executions' ? (
              <ExecutionsPanel
                workflowId={workflowId}
                openedId={execution?.id}
                refreshKey={session.runs}
                onOpen={(id) => navigate({ page: 'editor', workflowId, executionId: id })}
              />
            ) : null}
            {tab === 'versions' && meta ? (
              <VersionsPanel
                workflowId={workflowId}
                current={meta.version}
                onView={session.view}
                onRestore={session.restore}
              />
            ) : null}
            {tab === 'problems' ? <ProblemsPanel problems={session.problems} onShow={showNode} /> : null}
          </aside>
        </div>
      </div>
    </CanvasContext.Provider>
  );
}

function nodeTypeOf(nodes: readonly FlowNode[], id: string): string | undefined {
  const node = nodes.find((n) => n.id === id);
  return node?.type === 'workflow' ? node.data.spec.type : undefined;
}
