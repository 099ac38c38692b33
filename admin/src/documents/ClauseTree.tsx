// The clause tree of a document with each clause's tasks; in edit mode, add, edit, move and delete a subtree.
import AddIcon from '@mui/icons-material/Add';
import AddTaskIcon from '@mui/icons-material/AddTask';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import DriveFileMoveIcon from '@mui/icons-material/DriveFileMove';
import EditIcon from '@mui/icons-material/Edit';
import {
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  MenuItem,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { Confirm, Link, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';

import { DeadlineChip, useEnumLabel } from '../common/fields';
import { useGraphQLMutation } from '../common/use-graphql';
import { ClauseDialog, type ClauseValues } from './ClauseDialog';
import type { ClauseRow } from './document-queries';

interface TreeNode extends ClauseRow {
  children: TreeNode[];
}

function buildTree(rows: ClauseRow[]): TreeNode[] {
  const nodes = new Map(rows.map((row) => [row.id, { ...row, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parent && nodes.get(row.parent.id);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: TreeNode[]) => {
    list.sort((a, b) => a.position - b.position);
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
  return roots;
}

const ADD = `mutation($input: AddClauseInput!) { addClause(input: $input) { id } }`;
const UPDATE = `mutation($input: UpdateClauseInput!) { updateClause(input: $input) { id version text } }`;
const MOVE = `mutation($input: MoveClauseInput!) { moveClause(input: $input) { id } }`;
const DELETE = `mutation($input: DeleteInput!) { deleteClause(input: $input) { id } }`;

type Editing =
  | { mode: 'edit'; clause: ClauseRow }
  | { mode: 'add'; parent: ClauseRow | null }
  | { mode: 'move'; clause: ClauseRow }
  | { mode: 'delete'; clause: ClauseRow };

export function ClauseTree({ documentId, clauses, editable }: { documentId: string; clauses: ClauseRow[]; editable: boolean }) {
  const translate = useTranslate();
  const tree = useMemo(() => buildTree(clauses), [clauses]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const close = () => setEditing(null);
  const add = useGraphQLMutation(ADD, { success: 'app.clause.saved' });
  const update = useGraphQLMutation(UPDATE, { success: 'app.clause.saved' });
  const move = useGraphQLMutation(MOVE, { success: 'app.clause.moved' });
  const remove = useGraphQLMutation(DELETE, { success: 'app.clause.deleted' });

  const moveBy = (node: TreeNode, siblings: TreeNode[], step: number) => {
    const index = siblings.indexOf(node);
    const position = index + step;
    if (position < 0 || position >= siblings.length) return;
    move.mutate({ input: { id: node.id, version: node.version, parentId: node.parent?.id ?? null, position } });
  };

  const renderNodes = (nodes: TreeNode[]) =>
    nodes.map((node) => (
      <ClauseItem
        key={node.id}
        node={node}
        documentId={documentId}
        editable={editable}
        onEdit={() => setEditing({ mode: 'edit', clause: node })}
        onAdd={() => setEditing({ mode: 'add', parent: node })}
        onMove={() => setEditing({ mode: 'move', clause: node })}
        onDelete={() => setEditing({ mode: 'delete', clause: node })}
        onUp={() => moveBy(node, nodes, -1)}
        onDown={() => moveBy(node, nodes, 1)}
      >
        {renderNodes(node.children)}
      </ClauseItem>
    ));

  return (
    <Box className="clause-tree">
      {renderNodes(tree)}
      {editable ? (
        <Button startIcon={<AddIcon />} onClick={() => setEditing({ mode: 'add', parent: null })} sx={{ mt: 1 }}>
          {translate('app.clause.add_top')}
        </Button>
      ) : null}
      {editing?.mode === 'edit' ? (
        <ClauseDialog
          title={`${translate('app.clause.edit')} ${editing.clause.path}`}
          initial={{
            label: editing.clause.label,
            kind: editing.clause.kind,
            heading: editing.clause.heading ?? '',
            text: editing.clause.text,
          }}
          saving={update.isPending}
          onCancel={close}
          onSave={(values: ClauseValues) =>
            update.mutate(
              { input: { id: editing.clause.id, version: editing.clause.version, ...values, heading: values.heading || null } },
              { onSuccess: close },
            )
          }
        />
      ) : null}
      {editing?.mode === 'add' ? (
        <ClauseDialog
          title={editing.parent ? `${translate('app.clause.add_child')} ${editing.parent.path}` : translate('app.clause.add_top')}
          initial={{ label: '', kind: editing.parent ? childKind(editing.parent.kind) : 'PART', heading: '', text: '' }}
          saving={add.isPending}
          onCancel={close}
          onSave={(values) =>
            add.mutate(
              { input: { documentId, parentId: editing.parent?.id ?? null, ...values, heading: values.heading || null } },
              { onSuccess: close },
            )
          }
        />
      ) : null}
      {editing?.mode === 'move' ? (
        <MoveDialog
          clause={editing.clause}
          clauses={clauses}
          saving={move.isPending}
          onCancel={close}
          onMove={(parentId, position) =>
            move.mutate({ input: { id: editing.clause.id, version: editing.clause.version, parentId, position } }, { onSuccess: close })
          }
        />
      ) : null}
      <Confirm
        isOpen={editing?.mode === 'delete'}
        title="app.clause.delete"
        content="app.clause.delete_confirm"
        translateOptions={{ path: editing?.mode === 'delete' ? editing.clause.path : '' }}
        loading={remove.isPending}
        onConfirm={() =>
          editing?.mode === 'delete' &&
          remove.mutate({ input: { id: editing.clause.id, version: editing.clause.version } }, { onSettled: close })
        }
        onClose={close}
      />
    </Box>
  );
}

/** A long agency name wraps inside its chip instead of widening the whole page. */
const WRAPPING_CHIP = { height: 'auto', maxWidth: '100%', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } };

const CHILD_KIND: Record<string, string> = { PART: 'SECTION', SECTION: 'ITEM', ITEM: 'POINT', POINT: 'BULLET' };
const childKind = (kind: string) => CHILD_KIND[kind] ?? 'BULLET';

function ClauseItem({
  node,
  documentId,
  editable,
  children,
  onEdit,
  onAdd,
  onMove,
  onDelete,
  onUp,
  onDown,
}: {
  node: TreeNode;
  documentId: string;
  editable: boolean;
  children: React.ReactNode;
  onEdit: () => void;
  onAdd: () => void;
  onMove: () => void;
  onDelete: () => void;
  onUp: () => void;
  onDown: () => void;
}) {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const label = node.path === 'preamble' ? translate('app.clause.preamble') : node.label;
  return (
    <Box
      className="clause"
      data-path={node.path}
      sx={{ borderLeft: node.depth > 0 ? '2px solid #dde3ea' : 'none', pl: node.depth > 0 ? 2 : 0, mt: 1 }}
    >
      <Stack direction="row" spacing={1} alignItems="flex-start">
        <Typography
          component="span"
          sx={{ fontWeight: 700, minWidth: 40, color: 'primary.main' }}
          title={`${enumLabel('ClauseKind', node.kind)} · ${node.path}`}
        >
          {label}
        </Typography>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          {node.heading ? (
            <Typography component="div" sx={{ fontWeight: 600 }}>
              {node.heading}
            </Typography>
          ) : null}
          {node.text ? (
            <Typography component="div" className="clause-text" variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {node.text}
            </Typography>
          ) : null}
          {node.tasks.map((task) => (
            <Box key={task.id} sx={{ mt: 0.5, p: 1, bgcolor: '#f1f6fb', borderRadius: 1 }} className="clause-task">
              <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
                <DeadlineChip status={task.deadlineStatus} />
                <Link to={`/tasks/${encodeURIComponent(task.id)}/show`}>{task.title}</Link>
                <Link to={`/trace/task/${encodeURIComponent(task.id)}`} sx={{ fontSize: 13 }}>
                  {translate('app.task.trace')}
                </Link>
              </Stack>
              <Stack direction="row" spacing={0.5} sx={{ mt: 0.5 }} flexWrap="wrap" useFlexGap>
                {task.assignments.map((assignment) => (
                  <Chip
                    key={`${assignment.role}-${assignment.agency.id}`}
                    size="small"
                    variant={assignment.role === 'LEAD' ? 'filled' : 'outlined'}
                    sx={WRAPPING_CHIP}
                    label={`${enumLabel('AssignmentRole', assignment.role)}: ${assignment.agency.shortName || assignment.agency.name}${assignment.requested ? ` (${translate('app.task.requested')})` : ''}`}
                  />
                ))}
              </Stack>
            </Box>
          ))}
        </Box>
        <Stack direction="row" sx={{ flexShrink: 0 }}>
          <Tooltip title={translate('app.clause.trace')}>
            <Link to={`/trace/clause/${encodeURIComponent(node.id)}`} sx={{ fontSize: 12, pt: 0.5, pr: 1, whiteSpace: 'nowrap' }}>
              {translate('app.clause.trace')}
            </Link>
          </Tooltip>
          {editable ? (
            <>
              <IconButton size="small" onClick={onEdit} aria-label={`${translate('app.clause.edit')} ${node.path}`}>
                <EditIcon fontSize="small" />
              </IconButton>
              <IconButton size="small" onClick={onAdd} aria-label={`${translate('app.clause.add_child')} ${node.path}`}>
                <AddIcon fontSize="small" />
              </IconButton>
              <IconButton
                size="small"
                component={RouterLink}
                to={`/tasks/create?${new URLSearchParams({ documentId, sourceClauseId: node.id })}`}
                aria-label={`${translate('app.clause.add_task')} ${node.path}`}
              >
                <AddTaskIcon fontSize="small" />
              </IconButton>
              <IconButton size="small" onClick={onUp} aria-label={`${translate('app.clause.move_up')} ${node.path}`}>
                <ArrowUpwardIcon fontSize="small" />
              </IconButton>
              <IconButton size="small" onClick={onDown} aria-label={`${translate('app.clause.move_down')} ${node.path}`}>
                <ArrowDownwardIcon fontSize="small" />
              </IconButton>
              <IconButton size="small" onClick={onMove} aria-label={`${translate('app.clause.move')} ${node.path}`}>
                <DriveFileMoveIcon fontSize="small" />
              </IconButton>
              <IconButton size="small" color="error" onClick={onDelete} aria-label={`${translate('app.clause.delete')} ${node.path}`}>
                <DeleteIcon fontSize="small" />
              </IconButton>
            </>
          ) : null}
        </Stack>
      </Stack>
      {children}
    </Box>
  );
}

function MoveDialog({
  clause,
  clauses,
  saving,
  onCancel,
  onMove,
}: {
  clause: ClauseRow;
  clauses: ClauseRow[];
  saving: boolean;
  onCancel: () => void;
  onMove: (parentId: string | null, position: number | null) => void;
}) {
  const translate = useTranslate();
  const [parentId, setParentId] = useState<string>(clause.parent?.id ?? '');
  const [position, setPosition] = useState('');
  // A clause cannot move under itself or its own subtree.
  const inSubtree = (row: ClauseRow): boolean => row.id === clause.id || (row.path + '.').startsWith(clause.path + '.');
  const parents = clauses.filter((row) => !inSubtree(row));
  return (
    <Dialog open onClose={onCancel} fullWidth maxWidth="sm">
      <DialogTitle>
        {translate('app.clause.move')} {clause.path}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            select
            label={translate('app.clause.new_parent')}
            value={parentId}
            onChange={(event) => setParentId(event.target.value)}
          >
            <MenuItem value="">{translate('app.clause.top_level')}</MenuItem>
            {parents.map((row) => (
              <MenuItem key={row.id} value={row.id}>
                {row.path} {row.heading ?? row.text.slice(0, 60)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={translate('app.clause.position')}
            value={position}
            onChange={(event) => setPosition(event.target.value)}
            type="number"
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={saving} onClick={() => onMove(parentId || null, position === '' ? null : Number(position))}>
          {translate('app.clause.move')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
