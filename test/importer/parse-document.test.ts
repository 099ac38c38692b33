// The parser on the five seed documents: what each header, preamble and tree holds, read by hand from the text,
// and that nothing of a document is lost on the way to its draft.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { dakNongPlan19 } from '../../server/demo/dak-nong-19-kh-ubnd';
import type { DemoClause } from '../../server/demo/demo.types';
import type { DocumentDraft, DraftClause } from '../../server/modules/importer/draft';
import { wordsOf } from '../../server/modules/importer/normalise-text';
import { flattenClauses } from '../../server/modules/importer/parse-clauses';
import { BOILERPLATE, parseDocument } from '../../server/modules/importer/parse-document';
import { type Seed, SEEDS, seedText } from './accuracy';

const textOf = seedText;
const drafts = new Map<Seed, DocumentDraft>(SEEDS.map((seed) => [seed, parseDocument(textOf(seed))]));
const draft = (seed: Seed) => drafts.get(seed)!;
const clause = (seed: Seed, path: string) => flattenClauses(draft(seed).clauses).find((candidate) => candidate.path === path);
const references = (seed: Seed) =>
  draft(seed).references.map((r) => `${r.relation} ${r.symbol}${r.citedBySymbol ? ` from ${r.citedBySymbol}` : ''}`);

describe('the header', () => {
  it('reads symbol, date, place, issuer, kind and title where the header has them', () => {
    expect(draft('dak-nong-kh-19-2025-quy-dinh-183')).toMatchObject({
      kind: 'PLAN',
      symbol: '19/KH-UBND',
      issuedOn: '2025-01-13',
      place: 'Đăk Nông',
      issuer: { name: 'Ủy ban nhân dân tỉnh Đắk Nông' },
      title:
        'Triển khai thực hiện Quy định số 183-QĐ/TW ngày 18/9/2024 của Bộ Chính trị về bảo vệ cơ quan, tổ chức, người thi hành công vụ trong hoạt động điều tra, truy tố, xét xử, thi hành án',
      signer: { name: 'Hồ Văn Mười', title: 'Chủ tịch' },
    });
    expect(draft('tuyen-quang-kh-bcd138-2024')).toMatchObject({
      kind: 'PLAN',
      symbol: '/KH-BCĐ',
      issuedOn: '2024-02-21',
      place: 'Tuyên Quang',
      title: 'Công tác phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2024',
      signer: { name: 'Hoàng Việt Phương', title: 'Trưởng ban, Phó Chủ tịch UBND tỉnh' },
    });
    expect(draft('tuyen-quang-kh-bcd138-2024').warnings).toContain('The symbol "/KH-BCĐ" has no number: the copy was not yet numbered');
  });

  it('takes what the body reveals when there is no header, and says so', () => {
    const giaLai = draft('gia-lai-kh-2025-quy-dinh-183');
    expect(giaLai).toMatchObject({ kind: 'PLAN', symbol: null, issuedOn: null, issuer: { name: 'Ủy ban nhân dân tỉnh Gia Lai' } });
    expect(giaLai.signer).toEqual({ name: 'Nguyễn Tuấn Thanh', title: 'TM. Ủy ban nhân dân, KT. Chủ tịch, Phó Chủ tịch' });
    expect(giaLai.warnings.join('\n')).toMatch(/no symbol[\s\S]*no date of issue/);
    expect(giaLai.warnings.join('\n')).toMatch(/province was read as Gia Lai/);

    const cityDirective = draft('thanh-uy-chi-thi-quy-dinh-183');
    expect(cityDirective).toMatchObject({ kind: 'DIRECTIVE', issuer: { name: 'Ban Thường vụ Thành ủy' } });
    expect(cityDirective.title).toMatch(/^về tăng cường sự lãnh đạo của Đảng .* trên địa bàn thành phố$/);
    expect(cityDirective.signer).toEqual({ name: 'Phạm Văn Hiếu', title: 'T/M Ban Thường vụ, Phó Bí thư' });
    expect(cityDirective.warnings.join('\n')).toMatch(/does not say which province or city/);

    const vinhPhuc = draft('vinh-phuc-kh-chi-thi-39-ttg');
    expect(vinhPhuc).toMatchObject({ kind: 'PLAN', issuer: { name: 'UBND tỉnh Vĩnh Phúc' }, signer: null });
    expect(vinhPhuc.title).toMatch(/^TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 39\/CT-TTG NGÀY 24\/10\/2017/);
    expect(vinhPhuc.warnings).toContain('No signer block was found after the text');
  });
});

describe('the references', () => {
  it('reads the chain of one sentence: the plan implements 197-KH/TU, which implements 183-QĐ/TW', () => {
    expect(references('dak-nong-kh-19-2025-quy-dinh-183').sort()).toEqual(
      ['IMPLEMENTS 197-KH/TU', 'IMPLEMENTS 183-QĐ/TW from 197-KH/TU', 'CITES 183-QĐ/TW'].sort(),
    );
    const link = draft('dak-nong-kh-19-2025-quy-dinh-183').references.find((r) => r.symbol === '197-KH/TU');
    expect(link).toMatchObject({ kind: 'PLAN', issuedOn: '2024-11-27', issuer: 'Tỉnh ủy', clausePath: 'preamble' });
    expect(references('gia-lai-kh-2025-quy-dinh-183').sort()).toEqual(
      ['IMPLEMENTS 28-KH/TU', 'IMPLEMENTS 183-QĐ/TW from 28-KH/TU', 'CITES 183-QĐ/TW'].sort(),
    );
  });

  it('dates a citation announced before it ("Ngày 18/9/2024, Bộ Chính trị ban hành Quy định số 183-QĐ/TW")', () => {
    expect(draft('thanh-uy-chi-thi-quy-dinh-183').references).toEqual([
      expect.objectContaining({
        relation: 'IMPLEMENTS',
        symbol: '183-QĐ/TW',
        kind: 'REGULATION',
        issuedOn: '2024-09-18',
        issuer: 'Bộ Chính trị',
      }),
    ]);
  });

  it('tells căn cứ (BASED_ON) from thực hiện (IMPLEMENTS) in the preamble, and cites what the body names', () => {
    const tuyenQuang = draft('tuyen-quang-kh-bcd138-2024');
    const preamble = tuyenQuang.references.filter((r) => r.clausePath === 'preamble');
    expect(preamble.map((r) => `${r.relation} ${r.symbol} ${r.issuedOn} ${r.issuer}`)).toEqual([
      'BASED_ON 18/KH-BCĐ138/CP 2024-01-15 Ban Chỉ đạo phòng, chống tội phạm Chính phủ',
      'BASED_ON 19/KH-BCĐ138/CP 2024-01-15 Ban Chỉ đạo phòng, chống tội phạm Chính phủ',
      'BASED_ON 02CTr-BCA-V05 2024-01-16 Bộ Công an',
      'IMPLEMENTS 113-NQ/TU 2023-12-26 Ban Thường vụ Tỉnh ủy',
    ]);
    expect(references('tuyen-quang-kh-bcd138-2024')).toEqual(
      expect.arrayContaining(['CITES 15-KL/TW', 'IMPLEMENTS 46-CT/TW from 15-KL/TW', 'CITES 49/2020/NĐ-CP', 'CITES 40/2023/TT-BTC']),
    );
    expect(tuyenQuang.references.find((r) => r.symbol === '49/2020/NĐ-CP')).toMatchObject({
      kind: 'DECREE',
      issuedOn: '2020-04-17',
      issuer: 'Chính phủ',
    });
    expect(references('vinh-phuc-kh-chi-thi-39-ttg')[0]).toBe('IMPLEMENTS 39/CT-TTg');
  });
});

describe('the clause tree', () => {
  it.each([
    ['dak-nong-kh-19-2025-quy-dinh-183', ['preamble', 'I', 'II', 'III']],
    ['gia-lai-kh-2025-quy-dinh-183', ['preamble', 'I', 'II', 'III']],
    ['thanh-uy-chi-thi-quy-dinh-183', ['preamble', '1', '2', '3', '4', '5', '6']],
    ['tuyen-quang-kh-bcd138-2024', ['preamble', 'I', 'II', 'III']],
    ['vinh-phuc-kh-chi-thi-39-ttg', ['preamble', 'I', 'II', 'III', 'IV']],
  ] as const)('%s has the top-level clauses %j', (seed, paths) => {
    expect(draft(seed).clauses.map((root) => root.path)).toEqual(paths);
  });

  it('nests numbered items and bullets at any depth (Tuyên Quang II.2.1.1 holds ten bullets)', () => {
    const socialPrevention = clause('tuyen-quang-kh-bcd138-2024', 'II.2.1.1')!;
    expect(socialPrevention).toMatchObject({ label: '2.1.1', kind: 'ITEM', heading: 'Công tác phòng ngừa xã hội', text: '' });
    expect(socialPrevention.children.map((bullet) => bullet.path)).toEqual(Array.from({ length: 10 }, (_, i) => `II.2.1.1.b${i + 1}`));
    // The assignment printed under a bullet stays with it.
    expect(clause('tuyen-quang-kh-bcd138-2024', 'II.2.1.1.b7')!.text).toMatch(
      /\n\n\(Công an tỉnh chủ trì, các thành viên Ban Chỉ đạo 138 tỉnh, Ban Chỉ đạo 138 huyện, thành phố phối hợp thực hiện\)$/,
    );
  });

  it('joins hard-wrapped PDF lines back into paragraphs and keeps headings apart from text', () => {
    const giaLai = clause('gia-lai-kh-2025-quy-dinh-183', 'II.3')!;
    expect(giaLai.heading).toBe('Công an tỉnh, Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh, Thi hành án dân sự tỉnh');
    expect(clause('gia-lai-kh-2025-quy-dinh-183', 'I.1')!.text).toBe(
      'Nhằm nâng cao nhận thức, trách nhiệm của các cơ quan, ban ngành, đoàn thể, tổ chức chính trị - xã hội, chính quyền cấp xã và cán bộ, đảng viên, công chức, viên chức, người lao động và Nhân dân về tầm quan trọng trong bảo vệ cơ quan, tổ chức, người thi hành công vụ trong hoạt động tố tụng, thi hành án.',
    );
    expect(clause('vinh-phuc-kh-chi-thi-39-ttg', 'III.1')!.heading).toBe(
      'Các sở, ban, ngành của tỉnh, UBND các huyện, thành phố, thị xã có trách nhiệm',
    );
    expect(clause('thanh-uy-chi-thi-quy-dinh-183', '2.1')).toMatchObject({ label: '2.1', kind: 'ITEM' });
  });

  it('reads the hand-entered Kế hoạch 19/KH-UBND clause by clause', () => {
    const [document] = dakNongPlan19.documents;
    const expected = [
      { path: 'preamble', label: '', heading: null, text: document.preamble!, children: [] },
      ...document.clauses!.map(function toExpected(demo: DemoClause): unknown {
        return {
          label: demo.label,
          kind: demo.kind,
          heading: demo.heading ?? null,
          text: demo.text,
          children: (demo.children ?? []).map(toExpected),
        };
      }),
    ];
    const comparable = (clauses: DraftClause[]): unknown[] =>
      clauses.map((c) =>
        c.path === 'preamble'
          ? { path: c.path, label: c.label, heading: c.heading, text: c.text, children: [] }
          : { label: c.label, kind: c.kind, heading: c.heading, text: c.text, children: comparable(c.children) },
      );
    expect(comparable(draft('dak-nong-kh-19-2025-quy-dinh-183').clauses)).toEqual(expected);
  });
});

describe('the closing', () => {
  it('reads the recipients with their purposes, and keeps a purpose it cannot attach', () => {
    const tuyenQuang = draft('tuyen-quang-kh-bcd138-2024');
    expect(tuyenQuang.recipients).toContainEqual({ name: 'BCD 138 huyện, thành phố', purpose: 'thực hiện' });
    expect(tuyenQuang.recipients.at(-1)).toEqual({ name: 'Lưu: VT, NC(Ng)', purpose: null });
    expect(tuyenQuang.unplaced).toEqual(['(báo cáo);']);
    // Vĩnh Phúc prints no "Nơi nhận:": the list after "./." is still read as one.
    expect(draft('vinh-phuc-kh-chi-thi-39-ttg').recipients.map((r) => r.name)).toEqual([
      'Văn phòng Chính phủ',
      'TTTU, HĐND, UBND tỉnh',
      'Chủ tịch, Các PCT. UBND tỉnh',
      'Công an tỉnh, TAND, Viện KSD tỉnh',
      'Các sở, ngành, đoàn thể của tỉnh',
      'UBMTTQ tỉnh và các tổ chức thành viên',
      'UBND các huyện, thành, thị',
      'Lưu: VT, NC1',
    ]);
    expect(draft('dak-nong-kh-19-2025-quy-dinh-183').recipients).toHaveLength(13);
  });
});

/** Words the format uses as field labels ("Số:", "ngày … tháng … năm", "Nơi nhận") that the draft holds as fields. */
const FIELD_WORDS = new Set(['số', 'ngày', 'tháng', 'năm', 'nơi', 'noi', 'nhận']);
const TITLE_WORDS = /^(?:KẾ HOẠCH|CHỈ THỊ|QUYẾT ĐỊNH|QUY ĐỊNH|NGHỊ QUYẾT)/u;

function counts(words: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const word of words) {
    const key = word.toLocaleLowerCase('vi');
    if (!FIELD_WORDS.has(key)) map.set(key, (map.get(key) ?? 0) + 1);
  }
  return map;
}

describe('nothing is lost', () => {
  it.each(SEEDS)('every word of %s is in its draft (header, clauses, recipients, signer or unplaced)', (seed) => {
    let source = textOf(seed);
    for (const pattern of BOILERPLATE) source = source.replace(pattern, ' ');
    // The title word becomes the draft's kind.
    source = source.replace(new RegExp(`^(\\s|\\*)*${TITLE_WORDS.source.slice(1)}`, 'mu'), ' ');
    const d = draft(seed);
    const held = [
      d.symbol,
      d.place,
      d.title,
      d.issuer?.name,
      d.signer?.title,
      d.signer?.name,
      ...flattenClauses(d.clauses).flatMap((c) => [c.label, c.heading, c.text]),
      ...d.recipients.flatMap((r) => [r.name, r.purpose]),
      ...d.unplaced,
    ].join(' ');
    const have = counts(wordsOf(held));
    const missing = [...counts(wordsOf(source))]
      .filter(([word, count]) => (have.get(word) ?? 0) < count)
      .map(([word, count]) => `${word} ×${count - (have.get(word) ?? 0)}`);
    expect(missing).toEqual([]);
  });
});

describe('the genre beyond the seeds', () => {
  // A decision that issues a plan with an appendix task table, written in the Decree 30 layout.
  const decision = parseDocument(readFileSync(join(__dirname, 'samples', 'quyet-dinh-ban-hanh-ke-hoach.txt'), 'utf8'));
  const decisionClause = (path: string) => flattenClauses(decision.clauses).find((candidate) => candidate.path === path);

  it('reads a decision with its articles, then the plan it issues, as one document', () => {
    expect(decision).toMatchObject({
      kind: 'DECISION',
      symbol: '215/QĐ-UBND',
      issuedOn: '2025-03-05',
      place: 'Bình Minh',
      issuer: { name: 'Ủy ban nhân dân tỉnh Bình Minh' },
      title: 'Ban hành Kế hoạch thực hiện Chỉ thị số 39/CT-TTg ngày 24/10/2017 của Thủ tướng Chính phủ trên địa bàn tỉnh năm 2025',
      signer: { name: 'Trần Văn An', title: 'TM. Ủy ban nhân dân, KT. Chủ tịch, Phó Chủ tịch' },
      warnings: [],
    });
    expect(decision.clauses.map((root) => `${root.path}:${root.label}`)).toEqual(['preamble:', '1:Điều 1', '2:Điều 2', '3:Điều 3', 'p1:']);
    expect(decision.clauses[4]).toMatchObject({ kind: 'PART', heading: 'KẾ HOẠCH' });
    expect(decision.clauses[4].children.map((part) => part.path)).toEqual(['p1.I', 'p1.II', 'p1.III', 'p1.PL']);
    expect(decisionClause('p1.II.1')?.children.map((point) => `${point.path} ${point.kind}`)).toEqual([
      'p1.II.1.a POINT',
      'p1.II.1.b POINT',
    ]);
    expect(decisionClause('p1.II.2')?.children.map((bullet) => `${bullet.path} ${bullet.label}`)).toEqual(['p1.II.2.b1 +', 'p1.II.2.b2 +']);
    expect(decision.references.map((r) => `${r.relation} ${r.symbol}`)).toEqual([
      'IMPLEMENTS 39/CT-TTg',
      'BASED_ON 30/2020/NĐ-CP',
      'CITES 12/TTr-CAT',
    ]);
  });

  it('keeps an appendix table as rows with their cells', () => {
    const rows = decisionClause('p1.PL.p1')!.children;
    expect(rows.map((row) => row.path)).toEqual(['p1.PL.p1.1', 'p1.PL.p1.2']);
    expect(rows[1].table).toEqual({
      columns: ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành'],
      cells: ['2', 'Xây dựng tài liệu tuyên truyền', 'Sở Thông tin và Truyền thông', 'Công an tỉnh; Sở Tư pháp', 'Trước ngày 30/4/2025'],
    });
  });

  it('reads purposes written short ("(b/c)") in the list of recipients', () => {
    expect(decision.recipients).toEqual([
      { name: 'Như Điều 3', purpose: null },
      { name: 'Văn phòng Chính phủ', purpose: 'báo cáo' },
      { name: 'Thường trực Tỉnh ủy', purpose: 'báo cáo' },
      { name: 'Lưu: VT, NC', purpose: null },
    ]);
  });

  it('reads a Party header with its superior body, a blank-numbered symbol, chapters and articles', () => {
    const text = [
      'ĐẢNG BỘ TỈNH BÌNH MINH',
      'TỈNH ỦY',
      '*',
      'Số 45-QĐ/TU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Bình Minh, ngày 02 tháng 12 năm 2024',
      '',
      'QUY ĐỊNH',
      'về trách nhiệm của người đứng đầu trong công tác bảo vệ người thi hành công vụ',
      '',
      'Căn cứ Điều lệ Đảng; căn cứ Quy định số 183-QĐ/TW ngày 18/9/2024 của Bộ Chính trị,',
      'Ban Thường vụ Tỉnh ủy quy định như sau:',
      '',
      'Chương I',
      'QUY ĐỊNH CHUNG',
      'Điều 1. Phạm vi điều chỉnh',
      'Quy định này quy định trách nhiệm của người đứng đầu.',
      'Điều 2. Đối tượng áp dụng',
      '1- Cấp ủy, tổ chức đảng các cấp.',
      '2- Người đứng đầu cơ quan, đơn vị.',
      'Chương II',
      'TRÁCH NHIỆM CỤ THỂ',
      'Điều 3. Trách nhiệm',
      'a) Lãnh đạo, chỉ đạo việc bảo vệ.',
      'b) Kiểm tra, giám sát định kỳ hằng năm.',
    ].join('\n');
    const regulation = parseDocument(text);
    expect(regulation).toMatchObject({
      kind: 'REGULATION',
      symbol: '45-QĐ/TU',
      issuer: { name: 'Tỉnh ủy Bình Minh' },
      issuedOn: '2024-12-02',
    });
    expect(regulation.unplaced).toContain('Đảng bộ tỉnh Bình Minh');
    expect(regulation.clauses.map((root) => root.path)).toEqual(['preamble', 'I', 'II']);
    const articles = flattenClauses(regulation.clauses).filter((c) => c.label.startsWith('Điều'));
    expect(articles.map((article) => `${article.path} ${article.heading}`)).toEqual([
      'I.1 Phạm vi điều chỉnh',
      'I.2 Đối tượng áp dụng',
      'II.3 Trách nhiệm',
    ]);
    expect(
      flattenClauses(regulation.clauses)
        .find((c) => c.path === 'I.2')
        ?.children.map((c) => c.path),
    ).toEqual(['I.2.1', 'I.2.2']);
    expect(regulation.references).toContainEqual(
      expect.objectContaining({ relation: 'BASED_ON', symbol: '183-QĐ/TW', kind: 'REGULATION' }),
    );
  });
});
