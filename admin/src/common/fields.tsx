// Fields shared by every resource: enum values and dates in the chosen language, deadline chips.
import { Chip, type ChipProps } from '@mui/material';
import { type FieldProps, useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { type Messages, vi } from '../i18n/vi';
import { formatDateTime, formatLocalDate } from './format';

export type EnumName = keyof Messages['enums'];

/** The values of each enum, read from the Vietnamese messages (the one place that lists them all). */
const ENUM_VALUES = vi.enums as Record<EnumName, Record<string, string>>;

/** The choices of an enum for SelectInput and friends, labelled in the chosen language. */
export function enumChoices(name: EnumName) {
  return Object.keys(ENUM_VALUES[name]).map((id) => ({ id, name: `enums.${name}.${id}` }));
}

function get(record: unknown, source: string): unknown {
  return source
    .split('.')
    .reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), record);
}

export function useEnumLabel() {
  const translate = useTranslate();
  return (name: EnumName, value: unknown) => (value ? translate(`enums.${name}.${String(value)}`, { _: String(value) }) : '');
}

export function EnumField({ source, enumName }: FieldProps & { source: string; enumName: EnumName }) {
  const record = useRecordContext();
  const label = useEnumLabel();
  return <span>{label(enumName, get(record, source))}</span>;
}

export function LocalDateField({ source }: FieldProps & { source: string }) {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  return <span>{formatLocalDate(get(record, source), locale)}</span>;
}

export function DateTimeField({ source }: FieldProps & { source: string }) {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  return <span>{formatDateTime(get(record, source), locale)}</span>;
}

export const DEADLINE_COLOURS: Record<string, ChipProps['color']> = {
  ON_TRACK: 'info',
  DUE_SOON: 'warning',
  OVERDUE: 'error',
  DONE_ON_TIME: 'success',
  DONE_LATE: 'secondary',
};

/** Hex colours of the same statuses, for charts. */
export const DEADLINE_HEX: Record<string, string> = {
  ON_TRACK: '#0288d1',
  DUE_SOON: '#ed6c02',
  OVERDUE: '#d32f2f',
  DONE_ON_TIME: '#2e7d32',
  DONE_LATE: '#9c27b0',
};

export function DeadlineChip({ status }: { status: string | undefined | null }) {
  const label = useEnumLabel();
  if (!status) return null;
  return <Chip size="small" color={DEADLINE_COLOURS[status] ?? 'default'} label={label('DeadlineStatus', status)} data-status={status} />;
}

export function DeadlineStatusField(_: { label?: string; source?: string; sortable?: boolean }) {
  const record = useRecordContext();
  return <DeadlineChip status={record?.deadlineStatus as string | undefined} />;
}

const REPORT_COLOURS: Record<string, ChipProps['color']> = {
  DRAFT: 'default',
  SUBMITTED: 'info',
  ACCEPTED: 'success',
  RETURNED: 'warning',
};

export function ReportStatusChip({ status }: { status: string | undefined | null }) {
  const label = useEnumLabel();
  if (!status) return null;
  return <Chip size="small" variant="outlined" color={REPORT_COLOURS[status] ?? 'default'} label={label('ReportStatus', status)} />;
}

/** A document as people name it: "Kế hoạch 19/KH-UBND". */
export function useDocumentName() {
  const label = useEnumLabel();
  return (document: { kind?: string; symbol?: string | null; title?: string } | null | undefined) =>
    document ? [label('DocumentKind', document.kind), document.symbol].filter(Boolean).join(' ') || document.title || '' : '';
}
