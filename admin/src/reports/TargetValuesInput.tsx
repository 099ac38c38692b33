// The values a report gives against its task's targets ("kéo giảm ít nhất 5%" → 6.2), one per target chosen.
import { ArrayInput, NumberInput, required, SelectInput, SimpleFormIterator, TextInput, useGetOne, useRecordContext } from 'react-admin';
import { useWatch } from 'react-hook-form';

interface Target {
  text: string;
}

export function TargetValuesInput() {
  const record = useRecordContext<{ id: string; task?: { id: string; targets?: Target[] } }>();
  const taskId = (useWatch({ name: 'taskId' }) as string | undefined) ?? record?.task?.id;
  const { data: task } = useGetOne<{ id: string; targets: Target[] }>(
    'tasks',
    { id: taskId ?? '' },
    { enabled: !!taskId && !record?.task?.targets },
  );
  const targets = record?.task?.targets ?? task?.targets ?? [];
  if (!targets.length) return null;
  const choices = targets.map((target, index) => ({ id: index, name: target.text }));
  return (
    <ArrayInput source="targetValues">
      <SimpleFormIterator inline disableReordering>
        <SelectInput source="targetIndex" choices={choices} validate={required()} sx={{ minWidth: 320 }} />
        <NumberInput source="value" validate={required()} sx={{ width: 140 }} />
        <TextInput source="text" sx={{ minWidth: 240 }} />
      </SimpleFormIterator>
    </ArrayInput>
  );
}
