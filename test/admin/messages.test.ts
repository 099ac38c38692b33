// The console's Vietnamese covers every react-admin key (ra-language-vietnamese covers 96 of 164), and both languages
// have the same keys.
import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';

import { en } from '../../admin/src/i18n/en';
import { vi } from '../../admin/src/i18n/vi';

function keysOf(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("the console's messages", () => {
  it('translate every react-admin key into Vietnamese', () => {
    const reactAdminKeys = keysOf(englishMessages);
    expect(reactAdminKeys.length).toBeGreaterThanOrEqual(164);
    expect(reactAdminKeys.filter((key) => !keysOf(vi).includes(key))).toEqual([]);
  });

  it('have the same keys in English and Vietnamese, none of them empty', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(vi).sort());
    const empty = (messages: object) =>
      keysOf(messages).filter((key) => key.split('.').reduce<any>((value, part) => value[part], messages) === '');
    expect(empty(vi)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
