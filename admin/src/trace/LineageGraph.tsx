// A graph of documents, higher ones above: where a document stands in its chain of IMPLEMENTS / BASED_ON references.
import '@xyflow/react/dist/style.css';

import { Background, Controls, type Edge, MarkerType, type Node, ReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';

import { useDocumentName, useEnumLabel } from '../common/fields';
import type { DocumentRef, LineageStep } from '../documents/document-queries';

const COLUMN_WIDTH = 210;
const ROW_HEIGHT = 90;

export function LineageGraph({
  current,
  up,
  down,
  height = 320,
}: {
  current: DocumentRef;
  up: LineageStep[];
  down: LineageStep[];
  height?: number;
}) {
  const navigate = useNavigate();
  const documentName = useDocumentName();
  const enumLabel = useEnumLabel();
  const { nodes, edges } = useMemo(() => {
    // Rows: documents above get negative levels, those below positive ones; the current document sits at 0.
    const level = new Map<string, number>([[current.id, 0]]);
    const documents = new Map<string, DocumentRef>([[current.id, current]]);
    for (const step of up) {
      documents.set(step.to.id, step.to);
      documents.set(step.from.id, step.from);
      level.set(step.to.id, Math.min(level.get(step.to.id) ?? 0, -step.depth));
      if (!level.has(step.from.id)) level.set(step.from.id, -(step.depth - 1));
    }
    for (const step of down) {
      documents.set(step.to.id, step.to);
      documents.set(step.from.id, step.from);
      level.set(step.from.id, Math.max(level.get(step.from.id) ?? 0, step.depth));
      if (!level.has(step.to.id)) level.set(step.to.id, step.depth - 1);
    }
    const rows = new Map<number, string[]>();
    for (const [id, row] of level) rows.set(row, [...(rows.get(row) ?? []), id]);
    const nodes: Node[] = [];
    for (const [row, ids] of rows) {
      ids.forEach((id, index) => {
        const document = documents.get(id)!;
        nodes.push({
          id,
          position: { x: (index - (ids.length - 1) / 2) * COLUMN_WIDTH, y: row * ROW_HEIGHT },
          data: { label: documentName(document) || document.title.slice(0, 40) },
          style: {
            width: 180,
            fontSize: 12,
            borderColor: id === current.id ? '#a4161a' : '#1a3d6d',
            borderWidth: id === current.id ? 2 : 1,
            background: document.referenced ? '#f7f7f7' : '#fff',
          },
        });
      });
    }
    const seen = new Set<string>();
    const edges: Edge[] = [];
    for (const step of [...up, ...down]) {
      const id = `${step.from.id}->${step.to.id}`;
      if (seen.has(id)) continue;
      seen.add(id);
      edges.push({
        id,
        source: step.to.id,
        target: step.from.id,
        label: step.type === 'IMPLEMENTS' ? undefined : enumLabel('RelationType', step.type),
        markerEnd: { type: MarkerType.ArrowClosed },
        style: { stroke: '#1a3d6d' },
      });
    }
    return { nodes, edges };
  }, [current, up, down, documentName, enumLabel]);
  return (
    <div style={{ height }} className="lineage-graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        fitView
        nodesDraggable={false}
        nodesConnectable={false}
        proOptions={{ hideAttribution: true }}
        onNodeClick={(_, node) => navigate(`/documents/${encodeURIComponent(node.id)}/show`)}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
