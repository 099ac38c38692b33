// Reads the bodies a clause names and the role each is given: agency lists ("Công an tỉnh, Viện kiểm sát nhân dân tỉnh và
// Tòa án nhân dân tỉnh"), groups ("Các Sở, Ban, ngành, đoàn thể"), and the assignment phrases around them ("X chủ trì;
// Y phối hợp thực hiện", "Giao X chủ trì, phối hợp Y …", "Đề nghị X …"). Names are kept as written.

/** Letters and digits: JavaScript's \b does not know Vietnamese letters. */
const WORD_CHAR = /[A-Za-z0-9À-ÖØ-öø-ɏḀ-ỿ]/u;

/** Whether `phrase` stands at `at` in `text` as whole words. */
export function wordsAt(text: string, at: number, phrase: string): boolean {
  if (!text.startsWith(phrase, at)) return false;
  if (at > 0 && WORD_CHAR.test(text[at - 1])) return false;
  const after = text[at + phrase.length];
  return after === undefined || !WORD_CHAR.test(after);
}

// Phrase lists by first character, so that a position is compared only with the phrases that can stand there.
const byFirstChar = new WeakMap<readonly string[], Map<string, string[]>>();

/** The first of `phrases` that stands at `at`, longest first. */
function phraseAt(text: string, at: number, phrases: readonly string[]): string | null {
  let index = byFirstChar.get(phrases);
  if (!index) {
    index = new Map();
    for (const phrase of phrases) index.set(phrase[0], [...(index.get(phrase[0]) ?? []), phrase]);
    byFirstChar.set(phrases, index);
  }
  for (const phrase of index.get(text[at]) ?? []) if (wordsAt(text, at, phrase)) return phrase;
  return null;
}

const DECOMPOSED = /[\u0300-\u036f]/u;
const UNFLAT = /[*\u00a0\u2002-\u200b\t\n\r\f\v]| {2}|^ | $/u;

/**
 * The text in lower case with every character where it was: patterns written in lower case are (cheaper to
 * compile than case-insensitive ones) and their matches point into the original text.
 */
export function lowerCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  return Array.from(text, (char) => (char.toLowerCase().length === char.length ? char.toLowerCase() : char)).join('');
}

/** Text as the readers expect it: composed Unicode, no markdown emphasis, one space between words. */
export function flatten(text: string): string {
  // Most text reaches here already flat: checking is much cheaper than normalising a long paragraph again.
  if (!DECOMPOSED.test(text) && !UNFLAT.test(text)) return text;
  return text
    .normalize('NFC')
    .replace(/\*+/g, '')
    .replace(/[\u00a0\u2002-\u200b]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Words that begin an agency name only when a proper name follows ("Sở Y tế", but "Ban hành", "Phòng, chống",
// "Hội nghị", "Trường hợp", "Báo cáo" are not bodies).
const HEADS_BEFORE_NAME = [
  'Tổng công ty',
  'Bệnh viện',
  'Học viện',
  'Kho bạc',
  'Ngân hàng',
  'Bảo hiểm',
  'Thanh tra',
  'Hải quan',
  'Kiểm toán',
  'Quân khu',
  'Chi nhánh',
  'Công ty',
  'Tập đoàn',
  'Lãnh đạo',
  'Thường trực',
  'Thường vụ',
  'Đảng đoàn',
  'Ban cán sự',
  'Cảnh sát',
  'Bộ đội',
  'Lực lượng',
  'Hội đồng',
  'Liên đoàn',
  'Mặt trận',
  'Trung tâm',
  'Đại học',
  'Liên minh',
  'Liên hiệp',
  'Điện lực',
  'Bưu điện',
  'Tạp chí',
  'Đội',
  'Sở',
  'Bộ',
  'Ban',
  'Cục',
  'Viện',
  'Tòa',
  'Toà',
  'Đài',
  'Báo',
  'Hội',
  'Đoàn',
  'Phòng',
  'Trường',
  'Vụ',
  'Hạt',
  'Đồn',
  'Trại',
];

// Words that begin an agency name whatever follows.
const HEADS = [
  // "Bộ Chỉ huy quân sự tỉnh" is printed in lower case as often as not.
  'Bộ Chỉ huy',
  'Bộ chỉ huy',
  'Bộ Tư lệnh',
  'Ủy ban nhân dân',
  'Uỷ ban nhân dân',
  'Viện kiểm sát',
  'Viện Kiểm sát',
  'Tòa án',
  'Toà án',
  'Ban chỉ đạo',
  'Ban Chỉ đạo',
  'Người đứng đầu',
  'Thủ trưởng',
  'Công an',
  'Cơ quan',
  'Văn phòng',
  'Ủy ban',
  'Uỷ ban',
  'Chi cục',
  'Tổng cục',
  'Thi hành án',
  'Tổ công tác',
  'Cổng thông tin',
  'Cấp ủy',
  'Cấp uỷ',
  'Tỉnh ủy',
  'Tỉnh uỷ',
  'Thành ủy',
  'Thành uỷ',
  'Huyện ủy',
  'Huyện uỷ',
  'Quận ủy',
  'Quận uỷ',
  'Đảng ủy',
  'Đảng uỷ',
  'Tỉnh đoàn',
  'Thành đoàn',
  'Huyện đoàn',
  'Chủ tịch',
  'Giám đốc',
  // "các cấp ủy đảng, chính quyền": the authorities of each level, a body of its own in a list.
  'chính quyền',
  'Chính quyền',
  'Thủ tướng',
  'Chính phủ',
  // Abbreviations as documents print them.
  'UBND',
  'UBMTTQ',
  'UBMTTQVN',
  'MTTQ',
  'HĐND',
  'VKSND',
  'TAND',
  'THADS',
  'BCĐ',
  'BCD',
  'BCH',
  'BHXH',
  'KBNN',
  'LĐLĐ',
  'CA',
  'VP',
];

// "các …" / "những …" stands for a group only before these nouns ("các thành viên", not "các biện pháp").
const GROUP_NOUNS = [
  'thành viên',
  'sở',
  'Sở',
  'ban',
  'Ban',
  'bộ',
  'Bộ',
  'ngành',
  'cơ quan',
  'đơn vị',
  'tổ chức',
  'cấp ủy',
  'cấp uỷ',
  'cấp',
  'huyện',
  'xã',
  'phường',
  'quận',
  'địa phương',
  'doanh nghiệp',
  'lực lượng',
  'đoàn thể',
  'hội',
  'Hội',
  'UBND',
  'Ủy ban',
  'Uỷ ban',
  'trường',
  'cơ sở',
  'Cục',
  'Vụ',
  'Viện',
  'đảng ủy',
  'đảng uỷ',
  'Đảng ủy',
  'chi bộ',
  'Công an',
  'Ban Chỉ đạo',
  'Ban chỉ đạo',
  'Bộ, ngành',
];

const GROUP_STARTS = ['Các', 'các', 'Những', 'những', 'Toàn thể', 'toàn thể'];

/** Whether an agency name begins at `at`: a known head word, an abbreviation, or a group ("các sở, ban, ngành"). */
export function agencyStartsAt(text: string, at: number): boolean {
  if (phraseAt(text, at, HEADS)) return true;
  const head = phraseAt(text, at, HEADS_BEFORE_NAME);
  if (head) {
    const rest = text.slice(at + head.length);
    // "Sở Y tế", "Ban Chỉ đạo", "Công an tỉnh"; a comma ("Các Sở, Ban, ngành") or nothing does not make a name. A merged
    // body is named with "và" ("Báo và Phát thanh, truyền hình Gia Lai").
    const next = /^ (?:và )?(.)/u.exec(rest)?.[1];
    return next !== undefined && (/\d/.test(next) || next !== next.toLowerCase());
  }
  const group = phraseAt(text, at, GROUP_STARTS);
  if (group) {
    const next = at + group.length + 1;
    return text[at + group.length] === ' ' && phraseAt(text, next, GROUP_NOUNS) !== null;
  }
  return false;
}

// Words after which an agency name has ended: the verbs and adverbs of duties. Lower case only: inside names the
// same words are capitalised ("Ban Chỉ đạo", "Phòng Tham mưu").
const STOP_WORDS = [
  'đồng chủ trì',
  'chủ trì',
  'phối hợp',
  'thực hiện',
  'chủ động',
  'có trách nhiệm',
  'chịu trách nhiệm',
  'theo dõi',
  'đôn đốc',
  'kiểm tra',
  'giám sát',
  'hướng dẫn',
  'triển khai',
  'xây dựng',
  'nghiên cứu',
  'tham mưu',
  'rà soát',
  'chỉ đạo',
  'lãnh đạo',
  'báo cáo',
  'tuyên truyền',
  'đề xuất',
  'ban hành',
  'tăng cường',
  'đẩy mạnh',
  'căn cứ',
  'theo',
  'để',
  'nhằm',
  'khẩn trương',
  'thường xuyên',
  'định kỳ',
  'tập trung',
  'tiếp tục',
  'nâng cao',
  'phổ biến',
  'quán triệt',
  'bố trí',
  'kịp thời',
  'tích cực',
  'phát huy',
  'quản lý',
  'giải quyết',
  'đảm bảo',
  'bảo đảm',
  'hằng năm',
  'hàng năm',
  'cần',
  'phải',
  'được',
  'là',
  'gửi',
  'trình',
  'sớm',
  'nắm',
  'làm',
  'trong',
  'phấn đấu',
  'duy trì',
  'vận động',
  'thống nhất',
  'hoàn thành',
  'hoàn thiện',
  'xử lý',
  'phát hiện',
  'bám sát',
  'quan tâm',
  'gương mẫu',
  'tiến hành',
  'khi',
  'nếu',
  'thì',
  'đã',
  'sẽ',
  'đang',
  'tham gia',
  'chuẩn bị',
  'tổng hợp',
  'cung cấp',
  'thẩm định',
  'đánh giá',
  'sơ kết',
  'tổng kết',
  'với',
  'cùng',
  'việc',
  'về',
  'tại',
  'như',
  'sau',
  'qua',
  'cho',
  'bằng',
  'đối với',
  'tổ chức',
  'có',
];

/** "tổ chức" is a verb unless it names bodies ("các tổ chức thành viên", "cơ quan, tổ chức, đơn vị"). */
function isStop(text: string, at: number, previous: string): boolean {
  const stop = phraseAt(text, at, STOP_WORDS);
  if (!stop) return false;
  const rest = text.slice(at + stop.length);
  if (stop === 'tổ chức') {
    if (['các', 'những', 'và', ','].includes(previous)) return false;
    return !/^( thành viên| chính trị| đoàn thể| xã hội| có liên quan| liên quan|,)/u.test(rest);
  }
  if (stop === 'có') return !/^ (liên quan|thẩm quyền)/u.test(rest);
  if (stop === 'trong') return !/^ (khối|ngành|lực lượng)/u.test(rest);
  return true;
}

export interface AgencyList {
  /** The names, split and kept as written. */
  names: string[];
  /** Where the list ends in the text read. */
  end: number;
}

/** The expansion of "Các sở: Tư pháp, Y tế" into "Sở Tư pháp", "Sở Y tế" (the head is printed once for all). */
function expandSharedHead(list: string): string {
  return list.replace(
    /(^|[;,]\s*)(?:Các|các)\s+(sở|Sở|ban|Ban|bộ|Bộ|cục|Cục)\s*:\s*([^;]+)/gu,
    (_all, lead: string, head: string, items: string) =>
      lead +
      items
        .split(/\s*,\s*/)
        .filter((item) => item.trim())
        .map((item) => `${head.charAt(0).toUpperCase()}${head.slice(1)} ${item.trim()}`)
        .join('; '),
  );
}

/** Names in a list as written: a piece that does not begin a name continues the one before ("UBND các huyện, thành phố"). */
export function splitAgencyNames(list: string): string[] {
  const text = expandSharedHead(
    flatten(list)
      .replace(/\([^()]*\)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const names: string[] = [];
  // Separators and the pieces between them; "và" joins two names only when a name follows it.
  const pieces = text.split(/(\s*[,;]\s*|\s+và\s+)/u);
  let separator = '';
  for (const [index, piece] of pieces.entries()) {
    if (index % 2 === 1) {
      separator = piece;
      continue;
    }
    const trimmed = piece.replace(/^[\s.:–-]+|[\s.:–-]+$/gu, '');
    if (!trimmed) continue;
    const last = names.length - 1;
    const joiner = /và/.test(separator) ? ' và ' : ', ';
    // After ";" a new name always begins: the separator of whole lists.
    if (last >= 0 && !separator.includes(';') && !agencyStartsAt(trimmed, 0)) names[last] += joiner + trimmed;
    else names.push(trimmed);
  }
  return names.map((name) => name.replace(/\s+/g, ' ').trim()).filter((name) => name.length > 0);
}

/**
 * Reads an agency list starting at `start`. `relaxed` accepts a list that does not begin with a known head word (after
 * "phối hợp với", where a body must follow). The list ends at the first duty verb, at ":", "." or ";", or before
 * "(qua …)"; a parenthetical qualifier inside it ("Công an tỉnh (Cơ quan thường trực …)") is kept and dropped from the names.
 */
export function readAgencyList(text: string, start: number, options: { relaxed?: boolean } = {}): AgencyList | null {
  let at = start;
  while (text[at] === ' ') at++;
  if (!options.relaxed && !agencyStartsAt(text, at)) return null;
  if (options.relaxed && (isStop(text, at, '') || !WORD_CHAR.test(text[at] ?? ''))) return null;
  const listStart = at;
  let end = at;
  let words = 0;
  let previous = '';
  let afterHead = true;
  // "Các sở: Tư pháp, Y tế; …": the colon belongs to the list.
  SHARED_HEAD.lastIndex = at;
  const shared = SHARED_HEAD.exec(text);
  if (shared) {
    at += shared[0].length;
    end = at;
    afterHead = true;
  }
  while (at < text.length) {
    const char = text[at];
    if (char === ' ') {
      at++;
      continue;
    }
    if (char === ',') {
      previous = ',';
      at++;
      continue;
    }
    if (char === '(') {
      VIA.lastIndex = at;
      if (VIA.test(text)) break;
      const close = text.indexOf(')', at);
      if (close < 0) break;
      at = close + 1;
      end = at;
      continue;
    }
    if (char === '-' || char === '–' || char === '&') {
      at++;
      continue;
    }
    if (!WORD_CHAR.test(char)) break;
    if (!afterHead && isStop(text, at, previous)) break;
    NAME_WORD.lastIndex = at;
    const word = NAME_WORD.exec(text)?.[0] ?? char;
    // A full stop ends the sentence, not a name ("tỉnh." but keep "TP." rare enough to ignore).
    const bare = word.replace(/\.+$/, '');
    at += bare.length;
    end = at;
    previous = bare;
    afterHead = false;
    if (++words > 40) return null;
    if (bare.length < word.length) break;
  }
  const raw = text.slice(listStart, end);
  const names = splitAgencyNames(raw);
  if (names.length === 0 || names.some((name) => name.length > 300)) return null;
  return { names, end };
}

export interface AssignmentReading {
  leads: string[];
  coordinators: string[];
  /** Names the text asks ("Đề nghị …") rather than orders. */
  requested: string[];
  /** Where the assignment phrase ends in the text read. */
  end: number;
  /** A role word, "Giao" or "Đề nghị" was read, not only a subject. */
  explicit: boolean;
  /** What had to be guessed, for the warnings. */
  guesses: string[];
}

interface Named {
  name: string;
  requested: boolean;
}

const LEAD_MARKERS = ['đồng chủ trì', 'chủ trì', 'chịu trách nhiệm chính'];
// Outside a sentence ("(Công an tỉnh hướng dẫn; …)"), the body that guides leads.
const GUIDANCE_MARKERS = [...LEAD_MARKERS, 'hướng dẫn'];
const PREFIX_COORDINATION = ['phối hợp chặt chẽ với', 'phối hợp chặt chẽ', 'phối hợp với', 'phối hợp cùng'];
const IMPLEMENT_MARKERS = ['chủ động thực hiện', 'triển khai thực hiện', 'tổ chức thực hiện', 'thực hiện'];
const ADVERBS = ['tích cực', 'chủ động', 'thường xuyên', 'kịp thời', 'chặt chẽ'];

// Sticky patterns read at a position without copying the rest of the text.
const SHARED_HEAD = /(?:Các|các)\s+(?:sở|Sở|ban|Ban|bộ|Bộ|cục|Cục)\s*:\s*/uy;
const VIA = /\(\s*qua\s/uy;
const NAME_WORD = /[A-Za-z0-9À-ÖØ-öø-ɏḀ-ỿ&/'’.]+/uy;

const QUALIFIER =
  /(?:theo chức năng,? nhiệm vụ(?:,? quyền hạn)?(?: và phân công, phân cấp)?(?: được giao)?|theo thẩm quyền|theo phân công(?:, phân cấp)?|theo lĩnh vực phụ trách)/uy;

/**
 * Reads who does a duty from an assignment phrase.
 * - `parenthetical`: the whole content of "(Công an tỉnh chủ trì; các thành viên … phối hợp thực hiện)";
 * - `inline`: the start of a sentence ("Giao Công an tỉnh chủ trì, phối hợp Văn phòng UBND tỉnh … theo dõi …",
 *   "Sở Tư pháp phối hợp Công an tỉnh nghiên cứu …"); reading stops at the duty's verb;
 * - `heading`: a heading naming bodies ("Công an tỉnh, Viện kiểm sát nhân dân tỉnh, …", "Đề nghị …").
 * Roles: before "chủ trì" / "đồng chủ trì" / "hướng dẫn" → leads; before "phối hợp (thực hiện)" or after "phối hợp
 * (với)" → coordinators; before a bare "(chủ động) thực hiện" → leads when nobody leads, else coordinators; a subject
 * without a role word → leads.
 */
export function readAssignment(text: string, start: number, mode: 'parenthetical' | 'inline' | 'heading'): AssignmentReading | null {
  let at = start;
  let requestMode = false;
  let explicit = false;
  const pending: Named[] = [];
  const leads: Named[] = [];
  const subjects: Named[] = [];
  const coordinators: Named[] = [];
  const implementers: Named[] = [];
  let lastPrefixCoordinators: Named[] | null = null;
  let readAny = false;
  let stoppedAt = start;

  const take = () => pending.splice(0, pending.length);
  const skipSpaces = () => {
    while (text[at] === ' ') at++;
  };

  skipSpaces();
  const opener = phraseAt(text, at, ['Đề nghị', 'đề nghị', 'Giao', 'giao', 'Yêu cầu', 'yêu cầu']);
  if (opener) {
    explicit = true;
    requestMode = /nghị/.test(opener);
    at += opener.length;
  }

  while (at < text.length) {
    skipSpaces();
    stoppedAt = at;
    const char = text[at];
    if (char === undefined) break;
    if (char === ',') {
      at++;
      continue;
    }
    if (char === ';') {
      if (mode === 'inline') break;
      requestMode = false;
      at++;
      const again = phraseAt(text, at + 1, ['Đề nghị', 'đề nghị']);
      if (again) {
        requestMode = true;
        at += again.length + 1;
      }
      continue;
    }
    if (char === ':' || char === '.' || char === ')' || char === '(') break;
    QUALIFIER.lastIndex = at;
    const qualifier = QUALIFIER.exec(text);
    if (qualifier) {
      at += qualifier[0].length;
      continue;
    }
    const lead = phraseAt(text, at, mode === 'inline' ? LEAD_MARKERS : GUIDANCE_MARKERS);
    if (lead) {
      const named = take();
      if (named.length === 0 && lastPrefixCoordinators) {
        // "Sở Nội vụ phối hợp với Công an tỉnh chủ trì": both lead.
        for (const moved of lastPrefixCoordinators) coordinators.splice(coordinators.indexOf(moved), 1);
        leads.push(...lastPrefixCoordinators);
      }
      leads.push(...named);
      lastPrefixCoordinators = null;
      explicit = true;
      at += lead.length;
      continue;
    }
    const coordination =
      phraseAt(text, at, PREFIX_COORDINATION) ?? phraseAt(text, at, ['phối hợp thực hiện']) ?? phraseAt(text, at, ['phối hợp']);
    if (coordination) {
      explicit = true;
      at += coordination.length;
      const following = coordination === 'phối hợp thực hiện' ? null : readAgencyList(text, at, { relaxed: coordination !== 'phối hợp' });
      if (following) {
        // Prefix form: "X phối hợp (với) Y": X does it, Y supports.
        subjects.push(...take());
        const named = following.names.map((name) => ({ name, requested: false }));
        coordinators.push(...named);
        lastPrefixCoordinators = named;
        at = following.end;
        readAny = true;
      } else {
        coordinators.push(...take());
        lastPrefixCoordinators = null;
      }
      continue;
    }
    if (mode !== 'inline') {
      const implement = phraseAt(text, at, IMPLEMENT_MARKERS);
      if (implement) {
        implementers.push(...take());
        lastPrefixCoordinators = null;
        at += implement.length;
        continue;
      }
    }
    const adverb = phraseAt(text, at, ADVERBS);
    if (adverb && readAny) {
      at += adverb.length;
      continue;
    }
    if (mode === 'inline' && readAny && pending.length === 0) break;
    const list = readAgencyList(text, at);
    if (!list) break;
    pending.push(...list.names.map((name) => ({ name, requested: requestMode })));
    readAny = true;
    at = list.end;
    stoppedAt = at;
  }
  if (!readAny) return null;
  const end = Math.max(stoppedAt, Math.min(at, text.length));
  if (mode === 'parenthetical') implementers.push(...take());
  else subjects.push(...take());

  const guesses: string[] = [];
  let leadNames = unique([...leads, ...subjects]);
  let coordinatorNames = unique(coordinators);
  if (leadNames.length === 0) leadNames = unique(implementers);
  else coordinatorNames = unique([...coordinators, ...implementers]);
  if (leadNames.length === 0 && coordinatorNames.length > 0) {
    // In a sentence the bodies that "phối hợp" are its subject and do the duty; a parenthetical or a heading that
    // only names partners leaves the lead unsaid.
    if (mode !== 'inline') guesses.push('names no lead; the bodies that "phối hợp thực hiện" are taken as leads');
    leadNames = coordinatorNames;
    coordinatorNames = [];
  }
  coordinatorNames = coordinatorNames.filter((name) => !leadNames.includes(name));
  const requested = unique([...leads, ...subjects, ...coordinators, ...implementers].filter((named) => named.requested));
  return { leads: leadNames, coordinators: coordinatorNames, requested, end, explicit, guesses };
}

function unique(named: Named[]): string[] {
  return [...new Set(named.map((entry) => entry.name))];
}

/** Opening words of a sentence that do not belong to its subject ("Căn cứ chức năng, nhiệm vụ …, Thủ trưởng …"). */
const LEAD_IN = /^(?:Căn cứ|Trên cơ sở|Để|Nhằm|Theo|Đồng thời|Ngoài ra|Bên cạnh đó|Trong (?:năm|thời gian|quá trình))[\s,]/u;

/**
 * The assignment at the start of a sentence: "Giao …", "Đề nghị …", "X chủ trì …", "X phối hợp Y …", or a subject
 * ("Thủ trưởng các cơ quan, đơn vị, địa phương khẩn trương chỉ đạo …"), after an opening "Căn cứ …, ". With
 * `explicitOnly`, a bare subject is not enough (used for sentences after the first). A list ending in ":" is the
 * "X: duty" form.
 */
export function readSentenceAssignment(sentence: string, explicitOnly = false): AssignmentReading | null {
  const starts = [0];
  if (LEAD_IN.test(sentence)) {
    for (const match of sentence.matchAll(/, /g)) {
      const at = (match.index ?? 0) + 2;
      if (agencyStartsAt(sentence, at)) {
        starts.push(at);
        break;
      }
    }
  }
  for (const start of starts) {
    const found = readAssignment(sentence, start, 'inline');
    if (!found) continue;
    const reading = withQualifiedSubject(sentence, found);
    const rest = sentence.slice(reading.end).trim();
    if (rest.startsWith(':')) return { ...reading, end: reading.end + sentence.slice(reading.end).indexOf(':') + 1 };
    // A list that is the whole sentence names bodies but gives them nothing to do.
    if (rest.replace(/^[.;,\s/]+/, '').length === 0) continue;
    if (explicitOnly && !reading.explicit) continue;
    return reading;
  }
  return null;
}

// "Người đứng đầu cơ quan, tổ chức, đơn vị thực hiện hoạt động điều tra, … có liên quan căn cứ chức năng, nhiệm vụ …":
// the words before "căn cứ chức năng" still say which bodies are meant, though they begin with a verb.
const SUBJECT_QUALIFIER = /^\s*([^;:.()]{1,200}?)\s+(?=căn cứ (?:vào )?chức năng)/u;
const ROLE_WORDS = /(?<![A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ])(?:chủ trì|phối hợp|đề nghị|giao)(?![A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ])/iu;

/** A bare subject extended to "căn cứ chức năng" when a qualifier stands between the names and it. */
function withQualifiedSubject(sentence: string, reading: AssignmentReading): AssignmentReading {
  if (reading.explicit || reading.leads.length === 0 || reading.coordinators.length > 0) return reading;
  const qualifier = SUBJECT_QUALIFIER.exec(sentence.slice(reading.end));
  if (!qualifier || ROLE_WORDS.test(qualifier[1])) return reading;
  const leads = [...reading.leads];
  leads[leads.length - 1] = `${leads[leads.length - 1]} ${qualifier[1].trim()}`;
  return { ...reading, leads, end: reading.end + qualifier[0].length };
}

/** Filler a heading may end with after the bodies it names. */
const HEADING_TAIL =
  /^(?:có trách nhiệm|thực hiện(?: các| một số)? nhiệm vụ(?: cụ thể)?(?: như)? sau|thực hiện|chủ trì thực hiện|các nhiệm vụ sau|nhiệm vụ)?\s*[:.]?\s*$/u;

/** A heading that names the bodies its sub-clauses are handed to ("3. Công an tỉnh, …", "Trách nhiệm của Sở Y tế"). */
export function readHeadingAssignment(heading: string): AssignmentReading | null {
  const text = flatten(heading).replace(/^(?:Trách nhiệm|Nhiệm vụ) của\s+/u, '');
  const reading = readAssignment(text, 0, 'heading');
  if (!reading) return null;
  return HEADING_TAIL.test(text.slice(reading.end).trim()) ? reading : null;
}

/** The bodies a preamble addresses ("Ban Thường vụ Thành ủy yêu cầu các cấp ủy đảng, chính quyền, … chỉ đạo …"). */
export function readAddressees(preamble: string): { names: string[]; requested: boolean } | null {
  const text = flatten(preamble);
  for (const match of text.matchAll(/(?<![A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ])(yêu cầu|đề nghị|giao)\s+/gu)) {
    const list = readAgencyList(text, (match.index ?? 0) + match[0].length);
    if (list) return { names: list.names, requested: match[1] === 'đề nghị' };
  }
  return null;
}
