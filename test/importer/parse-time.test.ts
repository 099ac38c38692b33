// Deadlines and recurrences as Vietnamese directives write them, read the way an administrator would.
import { describe, expect, it } from 'vitest';

import { readContinuity, readDeadlines, readRecurrence, readTime } from '../../server/modules/importer/parse-time';

describe('deadlines', () => {
  it.each([
    ['Kế hoạch gửi về Cơ quan thường trực trước ngày 28/02/2024 để tổng hợp.', 'trước ngày 28/02/2024', '2024-02-28'],
    ['hoàn thành trước ngày 15 tháng 3 năm 2024', 'trước ngày 15 tháng 3 năm 2024', '2024-03-15'],
    ['(hoàn thành xong trong tháng 01/2024)', 'trong tháng 01/2024', '2024-01-31'],
    ['tổ chức tuyên truyền trong quý II/2024', 'trong quý II/2024', '2024-06-30'],
    ['sơ kết trong quý 4 năm 2024', 'trong quý 4 năm 2024', '2024-12-31'],
    ['sơ kết 6 tháng đầu năm 2024', '6 tháng đầu năm 2024', '2024-06-30'],
    ['hoàn thành trong năm 2025', 'trong năm 2025', '2025-12-31'],
    ['chậm nhất ngày 30-6-2025', 'chậm nhất ngày 30-6-2025', '2025-06-30'],
    ['trước tháng 6/2024', 'trước tháng 6/2024', '2024-05-31'],
    ['trước quý III/2024', 'trước quý III/2024', '2024-06-30'],
  ])('reads "%s" as due %s (%s)', (text, phrase, date) => {
    expect(readTime(text, '2024-01-10').due).toEqual({ text: phrase, date });
  });

  it('takes the year a phrase leaves out from the date of issue, or the next year when the date has passed', () => {
    expect(readTime('báo cáo trước ngày 15/3', '2024-02-21').due).toEqual({ text: 'trước ngày 15/3', date: '2024-03-15' });
    expect(readTime('báo cáo trước ngày 15/01', '2024-12-20').due).toEqual({ text: 'trước ngày 15/01', date: '2025-01-15' });
    expect(readTime('hoàn thành trong quý II', '2025-03-05').due.date).toBe('2025-06-30');
    expect(readTime('báo cáo trước ngày 15/3', null).due).toEqual({ text: 'trước ngày 15/3', date: null });
  });

  it('counts days from the signing when the plan says so', () => {
    expect(readTime('trong thời hạn 30 ngày kể từ ngày ký', '2025-03-05').due).toEqual({
      text: 'trong thời hạn 30 ngày kể từ ngày ký',
      date: '2025-04-04',
    });
  });

  it('does not take the dates of cited documents, commemorations or starts as deadlines', () => {
    const cited =
      'Căn cứ Kế hoạch số 18/KH-BCĐ138/CP ngày 15/01/2024 của Ban Chỉ đạo phòng, chống tội phạm Chính phủ; Nghị định số 49/2020/NĐ-CP ngày 17/4/2020';
    expect(readDeadlines(cited, '2024-02-21')).toEqual([]);
    expect(
      readDeadlines('“Ngày toàn dân phòng, chống ma túy - 26/6”; “Tháng hành động phòng, chống ma túy - Tháng 6”', '2024-02-21'),
    ).toEqual([]);
    expect(readDeadlines('khi Luật có hiệu lực từ 01/7/2024', '2024-02-21')).toEqual([]);
    expect(readDeadlines('số liệu tính đến ngày 31/12/2023', '2024-02-21')).toEqual([]);
    expect(readDeadlines('giai đoạn 2022 – 2025, tầm nhìn đến năm 2030', '2024-02-21')).toEqual([]);
    expect(readDeadlines('theo Nghị quyết Đại hội năm 2020', '2024-02-21')).toEqual([]);
  });

  it('prefers the earliest deadline a clause fixes over the year it happens in', () => {
    const text =
      'Năm 2024, phấn đấu xây dựng 50% xã điển hình; các xã không đăng ký trong năm 2024 vẫn phải tổ chức Hội nghị triển khai (hoàn thành xong trong tháng 01/2024).';
    expect(readTime(text, '2024-02-21').due).toEqual({ text: 'trong tháng 01/2024', date: '2024-01-31' });
    expect(readTime('tổ chức “Ngày hội toàn dân bảo vệ ANTT” năm 2024', '2024-02-21').due).toEqual({
      text: 'năm 2024',
      date: '2024-12-31',
    });
  });

  it('reads a table cell given over to time without a keyword', () => {
    expect(readTime('Quý I/2025', null, { cell: true }).due).toEqual({ text: 'Quý I/2025', date: '2025-03-31' });
    expect(readTime('30/4/2025', null, { cell: true }).due).toEqual({ text: '30/4/2025', date: '2025-04-30' });
    expect(readTime('Tháng 9/2025', null, { cell: true }).due).toEqual({ text: 'Tháng 9/2025', date: '2025-09-30' });
    expect(readTime('2025', null, { cell: true }).due).toEqual({ text: '2025', date: '2025-12-31' });
    expect(readTime('Năm 2024 - 2025', null, { cell: true }).due.date).toBe('2025-12-31');
    expect(readTime('Thường xuyên', null, { cell: true })).toEqual({ due: { text: 'Thường xuyên', date: null }, recurrence: 'NONE' });
  });
});

describe('recurrence', () => {
  it.each([
    ['Hằng năm có báo cáo kết quả thực hiện Kế hoạch về UBND tỉnh', 'ANNUAL', 'Hằng năm'],
    ['bố trí trong dự toán ngân sách hàng năm', 'ANNUAL', 'hàng năm'],
    ['báo cáo định kỳ 6 tháng', 'SEMIANNUAL', 'định kỳ 6 tháng'],
    ['báo cáo định kỳ 6 tháng, hằng năm', 'SEMIANNUAL', 'định kỳ 6 tháng'],
    ['báo cáo hằng quý', 'QUARTERLY', 'hằng quý'],
    ['gửi báo cáo hằng tháng', 'MONTHLY', 'hằng tháng'],
  ])('"%s" recurs %s', (text, recurrence, phrase) => {
    expect(readRecurrence(text)).toEqual({ recurrence, text: phrase });
    expect(readTime(text, null)).toEqual({ due: { text: phrase, date: null }, recurrence });
  });

  it('keeps the recurrence beside a deadline', () => {
    expect(readTime('báo cáo hằng năm trước ngày 15/12', '2025-01-13')).toEqual({
      due: { text: 'trước ngày 15/12', date: '2025-12-15' },
      recurrence: 'ANNUAL',
    });
  });

  it('does not read "6 tháng đầu năm" as a recurrence', () => {
    expect(readRecurrence('sơ kết 6 tháng đầu năm 2024')).toBeNull();
  });
});

describe('ongoing and urgent duties', () => {
  it('keeps "thường xuyên", "khẩn trương" and a bare "định kỳ" as the due phrase, with no date', () => {
    expect(readTime('Thường xuyên rà soát, nghiên cứu, đề xuất', null)).toEqual({
      due: { text: 'Thường xuyên', date: null },
      recurrence: 'NONE',
    });
    expect(readTime('Thủ trưởng các cơ quan khẩn trương chỉ đạo xây dựng văn bản', null).due.text).toBe('khẩn trương');
    expect(readTime('định kỳ tham mưu sơ kết, tổng kết, báo cáo Ủy ban nhân dân tỉnh', null)).toEqual({
      due: { text: 'định kỳ', date: null },
      recurrence: 'NONE',
    });
  });

  it('ignores "thường xuyên" that describes something else, and slogans in quotes', () => {
    expect(readContinuity('tập trung vào các địa bàn thường xuyên xảy ra tội phạm')).toBeNull();
    expect(readContinuity('các nhóm tội phạm chưa xuất hiện, ít xuất hiện hoặc xuất hiện thường xuyên')).toBeNull();
    expect(readContinuity('với tinh thần “tích cực, khẩn trương, hiệu quả”; Thường xuyên mở các đợt cao điểm')).toBe('Thường xuyên');
    expect(readContinuity('kịp thời, nhanh chóng')).toBeNull();
  });
});
