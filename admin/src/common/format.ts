// Dates as a Vietnamese office writes them (dd/mm/yyyy), in the registry's time zone.
export const REGISTRY_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A LocalDate ("2025-01-13") as 13/01/2025 in Vietnamese, 13 Jan 2025 in English; never shifted by time zones. */
export function formatLocalDate(value: unknown, locale: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return '';
  const [year, month, day] = value.slice(0, 10).split('-');
  if (locale === 'vi') return `${day}/${month}/${year}`;
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A DateTime as 13/01/2025 08:30 in the registry's time zone. */
export function formatDateTime(value: unknown, locale: string): string {
  if (typeof value !== 'string') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: REGISTRY_TIME_ZONE,
  });
}
