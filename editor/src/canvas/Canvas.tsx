import {
  Background,
  type Connection,
  Controls,
  type FinalConnectionState,
  MiniMap,
  type NodeTypes,
  ReactFlow,
  useReactFlow,
  type XYPosition,
} from '@xyflow/react';
import { type DragEvent, useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../app/notices';
import { edgeFit, judgeConnection } from '../workflow/connection-rules';
import type { FlowEdge, FlowNode } from '../workflow/flow-graph';
import { useCanvasContext, useCanvasState } from './canvas-context';
import { nodeTypeMime } from './Palette';
import { StickyNoteView } from './StickyNoteView';
import { WorkflowNodeView } from './WorkflowNodeView';

const nodeTypes: NodeTypes = { workflow: WorkflowNodeView, sticky: StickyNoteView };

/** About half a new node's size, so a dropped node lands centred under the pointer. */
const dropOffset = { x: 90, y: 20 };

interface CanvasProps {
  onAddType: (type: string, position: XYPosition) => void;
  onOpenNode: (id: string) => void;
  pointer: { current: XYPosition | undefined };
}

/** Node id → type, as one string key so the edge marks recompute only when types change. */
function typeKey(nodes: readonly FlowNode[]): string {
  return nodes.map((n) => `${n.id}=${n.type === 'workflow' ? n.data.spec.type : ''}`).join('\n');
}

export function Canvas({ onAddType, onOpenNode, pointer }: CanvasProps) {
  const { t } = useTranslation();
  const { store, catalog } = useCanvasContext();
  const nodes = useCanvasState((s) => s.nodes);
  const edges = useCanvasState((s) => s.edges);
  const loads = useCanvasState((s) => s.loads);
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const wrapper = useRef<HTMLDivElement>(null);

  // Fit each loaded graph into view; xyflow's own `fitView` would also jump to the first node
  // dropped on an empty canvas, away from where the user dropped it.
  useEffect(() => {
    if (loads > 0 && store.getState().nodes.length > 0) void flow.fitView({ maxZoom: 1 });
  }, [loads, store, flow]);

  const types = typeKey(nodes);
  const shownEdges = useMemo(() => {
    const byId = new Map(types.split('\n').map((line) => line.split('=') as [string, string]));
    return edges.map((edge) => {
      const fit = edgeFit(edge, byId, catalog);
      if (fit.verdict === 'ok') return edge;
      return { ...edge, className: `edge-${fit.verdict}`, label: '?', data: { doubtful: fit.reason } };
    });
  }, [edges, types, catalog]);

  const isValidConnection = useCallback(
    (connection: Connection | FlowEdge) =>
      judgeConnection(connection, store.getState().nodes, store.getState().edges, catalog).verdict !==
      'impossible',
    [store, catalog],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const fit = judgeConnection(connection, store.getState().nodes, store.getState().edges, catalog);
      if (fit.verdict === 'impossible') return;
      if (fit.verdict === 'doubtful')
        notify('info', t(`connection.${fit.reason as 'typeMaybe'}`, { field: fit.field ?? '' }));
      store.connect(connection, fit.verdict === 'doubtful' ? fit.reason : undefined);
    },
    [store, catalog, t],
  );

  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.fromHandle || !state.toHandle) return;
      const from = state.fromHandle.type === 'source' ? state.fromHandle : state.toHandle;
      const to = state.fromHandle.type === 'source' ? state.toHandle : state.fromHandle;
      const connection: Connection = {
        source: from.nodeId,
        sourceHandle: from.id ?? null,
        target: to.nodeId,
        targetHandle: to.id ?? null,
      };
      const fit = judgeConnection(connection, store.getState().nodes, store.getState().edges, catalog);
      if (fit.verdict === 'impossible')
        notify('error', t(`connection.${fit.reason as 'cycle'}`, { field: fit.field ?? '' }));
    },
    [store, catalog, t],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(nodeTypeMime);
      if (!type) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      onAddType(type, { x: at.x - dropOffset.x, y: at.y - dropOffset.y });
    },
    [flow, onAddType],
  );

  // No `onlyRenderVisibleElements`: zoomed to fit, every node is visible anyway, and culling
  // re-renders the node and edge lists on every pan and zoom frame (see tests/bench/editor.ts).
  return (
    <div className="canvas" ref={wrapper} data-testid="canvas">
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        onNodesChange={store.onNodesChange}
        onEdgesChange={store.onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDoubleClick={(_event, node) => onOpenNode(node.id)}
        onNodeClick={(_event, node) => onOpenNode(node.id)}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'move';
        }}
        onDrop={onDrop}
        onPaneMouseMove={(event) => {
          pointer.current = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
        }}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={16} />
        <MiniMap pannable zoomable data-testid="minimap" />
        <Controls data-testid="canvas-controls" />
      </ReactFlow>
    </div>
  );
}
