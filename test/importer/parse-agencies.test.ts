// Who a clause names and in what role, in the forms the seed documents and their genre use.
import { describe, expect, it } from 'vitest';

import {
  readAddressees,
  readAssignment,
  readHeadingAssignment,
  readSentenceAssignment,
  splitAgencyNames,
} from '../../server/modules/importer/parse-agencies';

const parenthetical = (text: string) => {
  const reading = readAssignment(text, 0, 'parenthetical');
  return reading && { leads: reading.leads, coordinators: reading.coordinators, requested: reading.requested };
};
const sentence = (text: string) => {
  const reading = readSentenceAssignment(text);
  return (
    reading && {
      leads: reading.leads,
      coordinators: reading.coordinators,
      requested: reading.requested,
      rest: text.slice(reading.end).trim(),
    }
  );
};

const MEMBERS = 'các thành viên Ban Chỉ đạo 138 tỉnh';
const DISTRICTS = 'Ban Chỉ đạo 138 huyện, thành phố';

describe('the parenthetical after a clause', () => {
  it('reads who leads and who coordinates', () => {
    expect(parenthetical(`Công an tỉnh chủ trì; ${MEMBERS}, ${DISTRICTS} phối hợp thực hiện`)).toEqual({
      leads: ['Công an tỉnh'],
      coordinators: [MEMBERS, DISTRICTS],
      requested: [],
    });
    expect(parenthetical(`Sở Y tế chủ trì, ${MEMBERS}, ${DISTRICTS} phối hợp thực hiện`)).toMatchObject({
      leads: ['Sở Y tế'],
      coordinators: [MEMBERS, DISTRICTS],
    });
  });

  it('gives every co-lead of "đồng chủ trì" the lead', () => {
    expect(
      parenthetical(`Công an tỉnh, Sở Lao động - Thương binh và Xã hội, Sở Y tế đồng chủ trì; ${DISTRICTS} phối hợp thực hiện`),
    ).toMatchObject({
      leads: ['Công an tỉnh', 'Sở Lao động - Thương binh và Xã hội', 'Sở Y tế'],
      coordinators: [DISTRICTS],
    });
  });

  it('expands a head printed once for several departments', () => {
    expect(
      parenthetical(
        `Các sở: Thông tin và Truyền thông, Giáo dục và Đào tạo, Tư pháp; Liên đoàn Lao động tỉnh theo chức năng, nhiệm vụ chủ trì; ${MEMBERS} phối hợp thực hiện`,
      ),
    ).toMatchObject({
      leads: ['Sở Thông tin và Truyền thông', 'Sở Giáo dục và Đào tạo', 'Sở Tư pháp', 'Liên đoàn Lao động tỉnh'],
      coordinators: [MEMBERS],
    });
  });

  it('takes the bodies that carry it out as leads when nobody is said to lead', () => {
    expect(
      parenthetical(`Các thành viên Ban Chỉ đạo 138 tỉnh; ${DISTRICTS} theo chức năng, nhiệm vụ và phân công, phân cấp chủ động thực hiện`),
    ).toMatchObject({
      leads: ['Các thành viên Ban Chỉ đạo 138 tỉnh', DISTRICTS],
      coordinators: [],
    });
    expect(parenthetical('Công an tỉnh, Bộ Chỉ huy quân sự tỉnh, Chi cục Hải quan Tuyên Quang chủ động thực hiện')).toMatchObject({
      leads: ['Công an tỉnh', 'Bộ Chỉ huy quân sự tỉnh', 'Chi cục Hải quan Tuyên Quang'],
    });
  });

  it('marks the bodies asked with "Đề nghị", and only those', () => {
    expect(parenthetical('Đề nghị Viện Kiểm sát nhân dân, Tòa án nhân dân tỉnh; Sở Tư pháp, Công an tỉnh chủ động thực hiện')).toEqual({
      leads: ['Viện Kiểm sát nhân dân', 'Tòa án nhân dân tỉnh', 'Sở Tư pháp', 'Công an tỉnh'],
      coordinators: [],
      requested: ['Viện Kiểm sát nhân dân', 'Tòa án nhân dân tỉnh'],
    });
  });

  it('reads "X phối hợp với Y chủ trì" as two leads and "chủ trì; phối hợp Y" as a coordinator', () => {
    expect(parenthetical(`Sở Nội vụ phối hợp với Công an tỉnh chủ trì, hướng dẫn; ${MEMBERS} phối hợp thực hiện`)).toMatchObject({
      leads: ['Công an tỉnh', 'Sở Nội vụ'],
      coordinators: [MEMBERS],
    });
    expect(parenthetical(`Các thành viên Ban Chỉ đạo 138 tỉnh, ${DISTRICTS} chủ trì; phối hợp Công an tỉnh thực hiện`)).toMatchObject({
      leads: ['Các thành viên Ban Chỉ đạo 138 tỉnh', DISTRICTS],
      coordinators: ['Công an tỉnh'],
    });
  });
});

describe('the assignment opening a sentence', () => {
  it('reads "Giao X chủ trì, phối hợp Y …" and stops at the duty', () => {
    expect(
      sentence(
        'Giao Công an tỉnh chủ trì, phối hợp Văn phòng UBND tỉnh, các cơ quan, đơn vị liên quan theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này',
      ),
    ).toEqual({
      leads: ['Công an tỉnh'],
      coordinators: ['Văn phòng UBND tỉnh', 'các cơ quan, đơn vị liên quan'],
      requested: [],
      rest: 'theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này',
    });
  });

  it('reads "X phối hợp Y nghiên cứu …" as X leading with Y', () => {
    expect(sentence('Sở Tư pháp phối hợp Công an tỉnh nghiên cứu, rà soát, làm rõ những bất cập')).toMatchObject({
      leads: ['Sở Tư pháp'],
      coordinators: ['Công an tỉnh'],
      rest: 'nghiên cứu, rà soát, làm rõ những bất cập',
    });
  });

  it('reads "Đề nghị …" as a request', () => {
    expect(
      sentence('Đề nghị Viện Kiểm sát nhân dân, Tòa án nhân dân tỉnh phối hợp chặt chẽ với lực lượng Công an trong hoạt động điều tra'),
    ).toEqual({
      leads: ['Viện Kiểm sát nhân dân', 'Tòa án nhân dân tỉnh'],
      coordinators: ['lực lượng Công an'],
      requested: ['Viện Kiểm sát nhân dân', 'Tòa án nhân dân tỉnh'],
      rest: 'trong hoạt động điều tra',
    });
  });

  it('reads a bare subject, also after an opening "Căn cứ …,"', () => {
    expect(sentence('Công an tỉnh chủ động nghiên cứu, tham mưu triển khai các giải pháp')).toMatchObject({ leads: ['Công an tỉnh'] });
    expect(
      sentence('Căn cứ chức năng, nhiệm vụ và nội dung Kế hoạch này, Thủ trưởng các cơ quan, đơn vị, địa phương khẩn trương chỉ đạo'),
    ).toMatchObject({
      leads: ['Thủ trưởng các cơ quan, đơn vị, địa phương'],
      rest: 'khẩn trương chỉ đạo',
    });
    expect(
      sentence('Sở Thông tin và truyền thông, Báo Vĩnh Phúc, Đài Phát thanh và Truyền hình tỉnh tăng cường công tác thông tin'),
    ).toMatchObject({
      leads: ['Sở Thông tin và truyền thông', 'Báo Vĩnh Phúc', 'Đài Phát thanh và Truyền hình tỉnh'],
    });
    expect(sentence('Báo và Phát thanh truyền hình Gia Lai thực hiện các biện pháp tổ chức phổ biến')).toMatchObject({
      leads: ['Báo và Phát thanh truyền hình Gia Lai'],
    });
  });

  it('keeps the words that say which heads are meant, up to "căn cứ chức năng"', () => {
    expect(
      sentence(
        'Người đứng đầu cơ quan, tổ chức, đơn vị thực hiện hoạt động điều tra, truy tố, xét xử, thi hành án và các hoạt động khác có liên quan căn cứ chức năng, nhiệm vụ và quyền hạn được giao, tập trung lãnh đạo',
      ),
    ).toMatchObject({
      leads: [
        'Người đứng đầu cơ quan, tổ chức, đơn vị thực hiện hoạt động điều tra, truy tố, xét xử, thi hành án và các hoạt động khác có liên quan',
      ],
    });
    expect(sentence('Các cấp ủy đảng, chính quyền căn cứ chức năng, nhiệm vụ, quyền hạn được giao, lãnh đạo')).toMatchObject({
      leads: ['Các cấp ủy đảng', 'chính quyền'],
    });
  });

  it('reads no body where a sentence opens with a duty', () => {
    expect(sentence('Tổ chức quán triệt, tuyên truyền, giáo dục')).toBeNull();
    expect(sentence('Phối hợp triển khai các biện pháp bảo vệ cần thiết')).toBeNull();
    expect(sentence('Ban hành Kế hoạch thực hiện')).toBeNull();
    expect(sentence('Phòng, chống tội phạm trên không gian mạng')).toBeNull();
  });
});

describe('headings and preambles', () => {
  it('reads a heading that names the bodies its sub-clauses are handed to', () => {
    expect(
      readHeadingAssignment('Công an tỉnh, Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh, Cục Thi hành án dân sự tỉnh')?.leads,
    ).toEqual(['Công an tỉnh', 'Viện kiểm sát nhân dân tỉnh', 'Tòa án nhân dân tỉnh', 'Cục Thi hành án dân sự tỉnh']);
    expect(readHeadingAssignment('Các Sở, Ban, ngành, đoàn thể, UBND các huyện, thành phố')?.leads).toEqual([
      'Các Sở, Ban, ngành, đoàn thể',
      'UBND các huyện, thành phố',
    ]);
    expect(readHeadingAssignment('Các sở, ban, ngành của tỉnh, UBND các huyện, thành phố, thị xã có trách nhiệm')?.leads).toEqual([
      'Các sở, ban, ngành của tỉnh',
      'UBND các huyện, thành phố, thị xã',
    ]);
    expect(readHeadingAssignment('Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh')).toMatchObject({
      leads: ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh'],
      requested: ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh'],
    });
    expect(readHeadingAssignment('Trách nhiệm của Sở Y tế')?.leads).toEqual(['Sở Y tế']);
  });

  it('reads no body in a heading that names a topic', () => {
    expect(readHeadingAssignment('Công tác phòng, chống tội phạm, tệ nạn xã hội')).toBeNull();
    expect(readHeadingAssignment('Tổ chức thực hiện có hiệu quả các chủ trương của Đảng, Nhà nước và Bộ Công an')).toBeNull();
  });

  it('reads the bodies a preamble addresses', () => {
    const preamble =
      'Để triển khai thực hiện Quy định số 183-QĐ/TW nghiêm túc và đạt hiệu quả, Ban Thường vụ Thành ủy yêu cầu các cấp ủy đảng, chính quyền, các cơ quan, ban, ngành, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội thành phố chỉ đạo thực hiện tốt một số nhiệm vụ trọng tâm sau:';
    expect(readAddressees(preamble)).toEqual({
      names: ['các cấp ủy đảng', 'chính quyền', 'các cơ quan, ban, ngành', 'Mặt trận Tổ quốc', 'các tổ chức chính trị - xã hội thành phố'],
      requested: false,
    });
    expect(readAddressees('Ủy ban nhân dân tỉnh xây dựng Kế hoạch triển khai thực hiện trên địa bàn tỉnh như sau:')).toBeNull();
  });

  it('splits a list of names where a new body begins, not inside a name', () => {
    expect(splitAgencyNames('UBND các huyện, thành phố, thị xã; Công an tỉnh (Cơ quan thường trực)')).toEqual([
      'UBND các huyện, thành phố, thị xã',
      'Công an tỉnh',
    ]);
    expect(splitAgencyNames('Viện kiểm sát nhân dân và Tòa án nhân dân tỉnh')).toEqual(['Viện kiểm sát nhân dân', 'Tòa án nhân dân tỉnh']);
    expect(splitAgencyNames('Sở Văn hóa, Thể thao và Du lịch')).toEqual(['Sở Văn hóa, Thể thao và Du lịch']);
  });
});
