// Matching the bodies a text names ("CA tỉnh", "Viện kiểm sát nhân dân tỉnh") to registry agencies, and guessing
// what a new one is. Names in a provincial document are relative to its province; the registry's are qualified.
import { AgencyKind, AgencyLevel } from '../agency/agency.enums';

/** Abbreviations documents use, expanded before comparing (on accent-free lower-case text). */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bubmttq\b/g, 'uy ban mat tran to quoc viet nam'],
  [/\bmttq\b/g, 'mat tran to quoc'],
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bvksnd\b/g, 'vien kiem sat nhan dan'],
  [/\btand\b/g, 'toa an nhan dan'],
  [/\bthads\b/g, 'thi hanh an dan su'],
  [/\bbcd\b/g, 'ban chi dao'],
  [/\bpt ?& ?th\b|\bptth\b/g, 'phat thanh va truyen hinh'],
  [/\bca\b/g, 'cong an'],
  [/\bvp\b/g, 'van phong'],
  [/\bcp\b/g, 'chinh phu'],
];

/** Accent-free, lower-case, abbreviations expanded, punctuation and leading "các" dropped: the form names are compared in. */
export function nameKey(name: string): string {
  let key = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[.,;:()"“”]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [pattern, expansion] of ABBREVIATIONS) key = key.replace(pattern, expansion);
  return key.replace(/^cac /, '').replace(/\s+/g, ' ').trim();
}

/** The province or city a document's issuer belongs to ("Ủy ban nhân dân tỉnh Đắk Nông" → "Đắk Nông"). */
export function localityOf(issuerName: string | null | undefined): string | null {
  if (!issuerName) return null;
  const match = /(?:tỉnh|thành phố|TỈNH|THÀNH PHỐ)\s+(.+)$/u.exec(issuerName.replace(/\s+/g, ' ').trim());
  if (!match) return null;
  // Headers are printed in capitals: "ĐẮK NÔNG" reads "Đắk Nông".
  return match[1]
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((word) => word.charAt(0).toLocaleUpperCase('vi') + word.slice(1))
    .join(' ');
}

export interface KnownAgency {
  uuid: string;
  name: string;
  shortName?: string | null;
  aliases: string[];
  level: AgencyLevel;
}

export interface NameMatch {
  agency: KnownAgency | null;
  candidates: KnownAgency[];
  /** The name a new agency would get when nothing matches for sure. */
  proposedName: string | null;
}

/** A relative name ("Công an tỉnh") qualified with the document's locality ("Công an tỉnh Đắk Nông"). */
export function qualifiedName(name: string, locality: string | null): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  if (!locality || nameKey(trimmed).includes(nameKey(locality))) return trimmed;
  return /\b(tỉnh|thành phố|huyện)\s*$/iu.test(trimmed) ? `${trimmed} ${locality}` : trimmed;
}

/**
 * The agency a name means: the qualified name or the name itself exactly; else an alias or short name held by
 * exactly one agency of the same locality (or a central one). Anything less certain is a candidate, never a match.
 */
export function matchAgencyName(name: string, locality: string | null, agencies: KnownAgency[]): NameMatch {
  const qualified = qualifiedName(name, locality);
  const byName = agencies.filter((agency) => nameKey(agency.name) === nameKey(qualified) || nameKey(agency.name) === nameKey(name));
  if (byName.length === 1) return { agency: byName[0], candidates: [], proposedName: null };
  const key = nameKey(name);
  const sameLocality = (agency: KnownAgency) =>
    agency.level === AgencyLevel.CENTRAL || !locality || nameKey(agency.name).includes(nameKey(locality));
  const byAlias = agencies.filter((agency) => [agency.shortName, ...agency.aliases].some((alias) => alias && nameKey(alias) === key));
  const local = byAlias.filter(sameLocality);
  if (local.length === 1 && locality) return { agency: local[0], candidates: [], proposedName: null };
  return { agency: null, candidates: byName.length > 1 ? byName : byAlias, proposedName: qualified };
}

/** What a new agency probably is, from its name; an administrator corrects it afterwards if need be. */
export function guessAgency(name: string): { kind: AgencyKind; level: AgencyLevel; isGroup: boolean } {
  const key = nameKey(name);
  const isGroup =
    /^(cac|nhung)\b/.test(
      name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .trim(),
    ) || /\bcac (so|ban|nganh|co quan|don vi|thanh vien|huyen|xa)\b/.test(key);
  const kinds: [RegExp, AgencyKind][] = [
    [/cong an/, AgencyKind.POLICE],
    [/vien kiem sat/, AgencyKind.PROCURACY],
    [/toa an/, AgencyKind.COURT],
    [/thi hanh an/, AgencyKind.JUDGMENT_ENFORCEMENT],
    [/ban chi dao/, AgencyKind.STEERING_COMMITTEE],
    [
      /bo chinh tri|ban bi thu|tinh uy|thanh uy|huyen uy|dang uy|ban thuong vu|ban noi chinh|ban tuyen giao|ban to chuc|uy ban kiem tra/,
      AgencyKind.PARTY_BODY,
    ],
    [/uy ban nhan dan/, AgencyKind.PEOPLES_COMMITTEE],
    [/thu tuong|chinh phu/, AgencyKind.GOVERNMENT],
    [/quan su|bo doi bien phong|quan doi/, AgencyKind.MILITARY],
    [/^bao |\bbao\b.*\b(tinh|thanh pho)|dai phat thanh|truyen hinh|thong tin dai chung/, AgencyKind.MEDIA],
    [/mat tran|doan thanh nien|hoi lien hiep|hoi nong dan|hoi cuu chien binh|cong doan|doan the/, AgencyKind.MASS_ORGANISATION],
    [/van phong/, AgencyKind.OFFICE],
    [/^so |\bso\b|\bnganh\b/, AgencyKind.DEPARTMENT],
  ];
  const kind = kinds.find(([pattern]) => pattern.test(key))?.[1] ?? AgencyKind.OTHER;
  const level = /bo chinh tri|ban bi thu|trung uong|chinh phu|thu tuong|^bo |quoc hoi/.test(key)
    ? AgencyLevel.CENTRAL
    : /\bxa\b|phuong|thi tran/.test(key)
      ? AgencyLevel.COMMUNE
      : /huyen|thi xa|quan\b/.test(key) && !/tinh/.test(key)
        ? AgencyLevel.DISTRICT
        : AgencyLevel.PROVINCE;
  return { kind, level, isGroup };
}
