import polyglotI18nProvider from 'ra-i18n-polyglot';

import { en } from './en';
import { vi } from './vi';

export const LOCALES = [
  { locale: 'vi', name: 'Tiếng Việt' },
  { locale: 'en', name: 'English' },
];

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? en : vi), 'vi', LOCALES);
