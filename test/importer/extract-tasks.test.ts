// An administrator pastes a directive and reviews the tasks the importer proposes: which clauses hand out duties,
// who leads and who coordinates, by when, towards what targets, and to whom each reports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { dakNongPlan19 } from '../../server/demo/dak-nong-19-kh-ubnd';
import { AgencyLevel } from '../../server/modules/agency/agency.enums';
import { ClauseKind } from '../../server/modules/clause/clause.enums';
import { type KnownAgency, matchAgencyName } from '../../server/modules/importer/agency-names';
import type { DocumentDraft, DraftClause, DraftTask } from '../../server/modules/importer/draft';
import { extractTasks } from '../../server/modules/importer/extract-tasks';
import { parseDocument } from '../../server/modules/importer/parse-document';
import { readTargets } from '../../server/modules/importer/parse-targets';
import { type Seed, SEEDS, seedText } from './accuracy';

// Hand-built trees, shaped as the parser emits them.
const preamble = (text: string): DraftClause => ({
  path: 'preamble',
  label: '',
  kind: ClauseKind.PARAGRAPH,
  heading: null,
  text,
  children: [],
});
const part = (path: string, heading: string, children: DraftClause[], text = ''): DraftClause => ({
  path,
  label: path,
  kind: ClauseKind.PART,
  heading,
  text,
  children,
});
const clause = (
  path: string,
  text: string,
  options: { heading?: string; kind?: ClauseKind; label?: string; children?: DraftClause[] } = {},
): DraftClause => ({
  path,
  label: options.label ?? path.split('.').at(-1)!,
  kind: options.kind ?? ClauseKind.SECTION,
  heading: options.heading ?? null,
  text,
  children: options.children ?? [],
});
const bullet = (path: string, text: string) => clause(path, text, { kind: ClauseKind.BULLET, label: '-' });
const duties = (...children: DraftClause[]) => part('II', 'NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP', children);

const extract = (clauses: DraftClause[], issuedOn: string | null = '2025-01-13') => extractTasks(clauses, { issuedOn });
const at = (tasks: DraftTask[], path: string) => tasks.filter((task) => task.clausePath === path);
const only = (tasks: DraftTask[], path: string) => {
  const found = at(tasks, path);
  expect(found, `tasks at ${path}`).toHaveLength(1);
  return found[0];
};

const MEMBERS = 'các thành viên Ban Chỉ đạo 138 tỉnh';
const DISTRICTS = 'Ban Chỉ đạo 138 huyện, thành phố';

describe('which clauses hand out tasks', () => {
  it('reads the duty parts and skips purpose, situation and objectives', () => {
    const { tasks } = extract([
      preamble('Thực hiện Kế hoạch số 197-KH/TU ngày 27/11/2024 của Tỉnh ủy; Ủy ban nhân dân tỉnh xây dựng Kế hoạch như sau:'),
      part('I', 'MỤC ĐÍCH, YÊU CẦU', [clause('I.1', 'Tổ chức nghiên cứu, phổ biến, quán triệt Quy định số 183-QĐ/TW.')]),
      part('II', 'ĐÁNH GIÁ TÌNH HÌNH', [clause('II.1', 'Công an tỉnh đã chủ trì nhiều đợt cao điểm.')]),
      part('III', 'MỤC TIÊU', [clause('III.1', 'Kéo giảm ít nhất 5% số vụ phạm tội.')]),
      part('IV', 'NHIỆM VỤ TRỌNG TÂM VÀ PHÂN CÔNG THỰC HIỆN', [clause('IV.1', 'Sở Tư pháp rà soát các văn bản pháp luật.')]),
      part('V', 'TỔ CHỨC THỰC HIỆN', [clause('V.1', 'Giao Công an tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch này.')]),
    ]);
    expect(tasks.map((task) => task.clausePath)).toEqual(['IV.1', 'V.1']);
  });

  it('reads every numbered clause of a directive without parts', () => {
    const { tasks } = extract([
      preamble('Ban Thường vụ Thành ủy yêu cầu các cấp ủy đảng, chính quyền thực hiện tốt một số nhiệm vụ sau:'),
      clause('1', 'Quán triệt, tuyên truyền Quy định số 183-QĐ/TW.', { label: '1' }),
      clause('2', 'Ban Tuyên giáo Thành ủy chủ trì xây dựng chuyên mục tuyên truyền.', { label: '2' }),
    ]);
    expect(tasks.map((task) => task.clausePath)).toEqual(['1', '2']);
  });

  it('takes only clauses that name a body in a part about funding', () => {
    const { tasks } = extract([
      part('IV', 'KINH PHÍ THỰC HIỆN', [
        clause('IV.1', 'Kinh phí thực hiện Kế hoạch được bảo đảm từ nguồn ngân sách nhà nước.'),
        clause('IV.2', 'Giao Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch.'),
      ]),
    ]);
    expect(tasks.map((task) => [task.clausePath, task.leads])).toEqual([['IV.2', ['Sở Tài chính']]]);
  });

  it('makes the sub-clauses the tasks when a parent only leads in to them', () => {
    const { tasks } = extract([
      duties(
        clause('II.2', 'Tập trung thực hiện tốt các nội dung sau:', {
          children: [
            clause('II.2.1', 'Rà soát quy chế làm việc.', { kind: ClauseKind.ITEM }),
            clause('II.2.2', 'Kiện toàn bộ máy.', { kind: ClauseKind.ITEM }),
          ],
        }),
        clause('II.3', '', {
          heading: 'Công tác tuyên truyền',
          children: [clause('II.3.a', 'Đổi mới nội dung tuyên truyền.', { kind: ClauseKind.POINT })],
        }),
      ),
    ]);
    expect(tasks.map((task) => task.clausePath)).toEqual(['II.2.1', 'II.2.2', 'II.3.a']);
  });

  it('leaves out the formulas of the decision that issues a plan', () => {
    const { tasks } = extract([
      clause('1', 'Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chỉ thị số 39/CT-TTg.', { label: 'Điều 1' }),
      clause('2', 'Quyết định này có hiệu lực kể từ ngày ký.', { label: 'Điều 2' }),
      clause('3', 'Chánh Văn phòng UBND tỉnh, Giám đốc Công an tỉnh chịu trách nhiệm thi hành Quyết định này.', { label: 'Điều 3' }),
    ]);
    expect(tasks).toEqual([]);
  });
});

describe('who is assigned', () => {
  it('reads the parenthetical printed after a clause', () => {
    const { tasks, warnings } = extract([
      duties(
        clause(
          'II.2.5',
          `Tham mưu, bố trí nguồn nhân lực, đào tạo, tập huấn cho cơ sở y tế; tiếp tục duy trì Chương trình Methadone.\n\n(Sở Y tế chủ trì, ${MEMBERS}, ${DISTRICTS} phối hợp thực hiện)`,
          { kind: ClauseKind.ITEM },
        ),
      ),
    ]);
    expect(only(tasks, 'II.2.5')).toMatchObject({
      title: 'Tham mưu, bố trí nguồn nhân lực, đào tạo, tập huấn cho cơ sở y tế',
      leads: ['Sở Y tế'],
      coordinators: [MEMBERS, DISTRICTS],
      requested: false,
      inherited: false,
    });
    expect(warnings).toEqual([]);
  });

  it('gives every co-lead of "đồng chủ trì" the lead', () => {
    const { tasks } = extract([
      duties(
        bullet(
          'II.1.b1',
          'Triển khai các Đề án về phòng, chống ma túy.\n(Công an tỉnh, Sở Y tế đồng chủ trì; Ban Chỉ đạo 138 huyện, thành phố phối hợp thực hiện)',
        ),
      ),
    ]);
    expect(only(tasks, 'II.1.b1')).toMatchObject({ leads: ['Công an tỉnh', 'Sở Y tế'], coordinators: [DISTRICTS] });
  });

  it('reads "Giao X chủ trì, phối hợp Y …" and keeps it out of the title', () => {
    const { tasks } = extract([
      part('III', 'TỔ CHỨC THỰC HIỆN', [
        clause(
          'III.2',
          'Giao Công an tỉnh chủ trì, phối hợp Văn phòng UBND tỉnh, các cơ quan, đơn vị liên quan theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này.',
        ),
      ]),
    ]);
    expect(only(tasks, 'III.2')).toMatchObject({
      title: 'Theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này',
      kind: 'MONITORING',
      leads: ['Công an tỉnh'],
      coordinators: ['Văn phòng UBND tỉnh', 'các cơ quan, đơn vị liên quan'],
    });
  });

  it('reads "X phối hợp Y nghiên cứu …" as X leading and Y coordinating', () => {
    const { tasks } = extract([
      duties(clause('II.2', 'Sở Tư pháp phối hợp Công an tỉnh nghiên cứu, rà soát, làm rõ những bất cập, hạn chế về pháp luật.')),
    ]);
    expect(only(tasks, 'II.2')).toMatchObject({
      title: 'Nghiên cứu, rà soát, làm rõ những bất cập, hạn chế về pháp luật',
      leads: ['Sở Tư pháp'],
      coordinators: ['Công an tỉnh'],
    });
  });

  it('marks "Đề nghị …" as requested, whether in the sentence or in a heading', () => {
    const { tasks } = extract([
      duties(
        clause(
          'II.5',
          'Đề nghị Viện Kiểm sát nhân dân, Tòa án nhân dân tỉnh phối hợp chặt chẽ với lực lượng Công an trong hoạt động điều tra, truy tố, xét xử.',
        ),
        clause('II.6', 'Chỉ đạo, hướng dẫn các tổ chức thành viên thường xuyên tổ chức rà soát công tác giám sát.', {
          heading: 'Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
        }),
      ),
    ]);
    expect(only(tasks, 'II.5')).toMatchObject({
      title: 'Phối hợp chặt chẽ với lực lượng Công an trong hoạt động điều tra, truy tố, xét xử',
      leads: ['Viện Kiểm sát nhân dân', 'Tòa án nhân dân tỉnh'],
      coordinators: ['lực lượng Công an'],
      requested: true,
      inherited: false,
    });
    expect(only(tasks, 'II.6')).toMatchObject({
      title: 'Chỉ đạo, hướng dẫn các tổ chức thành viên thường xuyên tổ chức rà soát công tác giám sát',
      leads: ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh'],
      requested: true,
      inherited: false,
      due: { text: 'thường xuyên', date: null },
    });
  });

  it('hands the bodies a section heading names down to its sub-clauses', () => {
    const bodies = ['Công an tỉnh', 'Viện kiểm sát nhân dân tỉnh', 'Tòa án nhân dân tỉnh', 'Cục Thi hành án dân sự tỉnh'];
    const { tasks } = extract([
      duties(
        clause('II.3', '', {
          heading: bodies.join(', '),
          children: [
            clause('II.3.1', 'Tổ chức quán triệt, phổ biến các biện pháp bảo vệ.', { kind: ClauseKind.ITEM }),
            clause('II.3.2', 'Bố trí lực lượng canh gác, bảo vệ trụ sở.', { kind: ClauseKind.ITEM }),
          ],
        }),
      ),
    ]);
    expect(tasks.map((task) => task.clausePath)).toEqual(['II.3.1', 'II.3.2']);
    for (const task of tasks) expect(task).toMatchObject({ leads: bodies, coordinators: [], inherited: true, requested: false });
  });

  it('hands down the subject of a lead-in ("Người đứng đầu … tập trung vào một số vấn đề trọng tâm sau:")', () => {
    const { tasks } = extract([
      duties(
        clause(
          'II.2',
          'Người đứng đầu cơ quan, đơn vị, địa phương tập trung lãnh đạo, chỉ đạo; trong đó, tập trung vào một số vấn đề trọng tâm sau:',
          {
            children: [clause('II.2.1', 'Chỉ đạo cụ thể hóa các nội dung tại Quy định số 183-QĐ/TW.', { kind: ClauseKind.ITEM })],
          },
        ),
      ),
    ]);
    expect(tasks).toEqual([
      expect.objectContaining({ clausePath: 'II.2.1', leads: ['Người đứng đầu cơ quan, đơn vị, địa phương'], inherited: true }),
    ]);
  });

  it('keeps the bodies of the "Agency list: duty" form on the clause itself', () => {
    const { tasks } = extract([
      duties(
        clause('II.4', 'Phối hợp triển khai các biện pháp tổ chức phổ biến, tuyên truyền Kế hoạch này.', {
          heading: 'Báo Đắc Nông, Đài Phát thanh và Truyền hình tỉnh, các cơ quan thông tin đại chúng trên địa bàn tỉnh',
        }),
      ),
    ]);
    expect(only(tasks, 'II.4')).toMatchObject({
      title: 'Phối hợp triển khai các biện pháp tổ chức phổ biến, tuyên truyền Kế hoạch này',
      leads: ['Báo Đắc Nông', 'Đài Phát thanh và Truyền hình tỉnh', 'các cơ quan thông tin đại chúng trên địa bàn tỉnh'],
      inherited: false,
    });
  });

  it('gives the bodies a preamble addresses to clauses that name none', () => {
    const { tasks, warnings } = extract([
      preamble(
        'Ban Thường vụ Thành ủy yêu cầu các cấp ủy đảng, chính quyền, các cơ quan, ban, ngành, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội thành phố chỉ đạo thực hiện tốt một số nhiệm vụ trọng tâm sau:',
      ),
      clause('1', 'Quán triệt, tuyên truyền và triển khai thực hiện nghiêm túc Quy định số 183-QĐ/TW.', { label: '1' }),
      clause('5', 'Ban Tuyên giáo Thành ủy chủ trì, phối hợp các cơ quan thông tin, truyền thông xây dựng các chuyên trang, chuyên mục.', {
        label: '5',
      }),
    ]);
    expect(only(tasks, '1')).toMatchObject({
      leads: ['các cấp ủy đảng', 'chính quyền', 'các cơ quan, ban, ngành', 'Mặt trận Tổ quốc', 'các tổ chức chính trị - xã hội thành phố'],
      inherited: true,
    });
    expect(only(tasks, '5')).toMatchObject({
      leads: ['Ban Tuyên giáo Thành ủy'],
      coordinators: ['các cơ quan thông tin, truyền thông'],
      inherited: false,
    });
    expect(warnings).toEqual([]);
  });

  it('proposes a task with no lead, and says so, when nothing names a body', () => {
    const { tasks, warnings } = extract([
      duties(clause('II.1', 'Tổ chức quán triệt, tuyên truyền, phổ biến Quy định số 183-QĐ/TW bằng các hình thức phù hợp.')),
    ]);
    expect(only(tasks, 'II.1')).toMatchObject({ leads: [], coordinators: [], inherited: false });
    expect(warnings).toEqual([expect.stringContaining('Clause II.1 names no body')]);
  });

  it('reads one parenthetical after the last of several bullets as the assignment of their parent', () => {
    const { tasks } = extract([
      duties(
        clause('II.3.1', '', {
          kind: ClauseKind.ITEM,
          heading: 'Chủ động tham mưu tổ chức sơ kết, tổng kết các văn bản chỉ đạo về công tác xây dựng phong trào toàn dân bảo vệ ANTQ',
          children: [
            bullet('II.3.1.b1', 'Tổ chức tổng kết 10 năm thực hiện Nghị định số 06/2014/NĐ-CP.'),
            bullet('II.3.1.b2', `Tổ chức các hội nghị chuyên đề.\n\n(Công an tỉnh chủ trì; ${MEMBERS}, ${DISTRICTS} phối hợp thực hiện).`),
          ],
        }),
      ),
    ]);
    expect(tasks).toHaveLength(1);
    expect(only(tasks, 'II.3.1')).toMatchObject({
      title: 'Tham mưu tổ chức sơ kết, tổng kết các văn bản chỉ đạo về công tác xây dựng phong trào toàn dân bảo vệ ANTQ',
      leads: ['Công an tỉnh'],
      coordinators: [MEMBERS, DISTRICTS],
    });
  });

  it('applies the next parenthetical to bullets printed before it without one, and says so', () => {
    const { tasks, warnings } = extract([
      duties(
        clause('II.3.2', '', {
          kind: ClauseKind.ITEM,
          heading: 'Công tác tuyên truyền',
          children: [
            bullet('II.3.2.b1', 'Nâng cao chất lượng công tác lãnh đạo, chỉ đạo của người đứng đầu.'),
            bullet('II.3.2.b2', `Đổi mới nội dung tuyên truyền.\n(Công an tỉnh chủ trì; ${MEMBERS} phối hợp thực hiện)`),
            bullet(
              'II.3.2.b3',
              `Tăng cường tuyên truyền trên báo chí.\n(Sở Thông tin và Truyền thông chủ trì; ${MEMBERS} phối hợp thực hiện)`,
            ),
          ],
        }),
      ),
    ]);
    expect(tasks.map((task) => [task.clausePath, task.leads, task.inherited])).toEqual([
      ['II.3.2.b1', ['Công an tỉnh'], true],
      ['II.3.2.b2', ['Công an tỉnh'], false],
      ['II.3.2.b3', ['Sở Thông tin và Truyền thông'], false],
    ]);
    expect(warnings).toEqual([expect.stringMatching(/^Clause II\.3\.2\.b1 names no body; the assignment printed after II\.3\.2\.b2/)]);
  });

  it('reads labelled lines: in a parenthetical, closing the clause, or printed as bullets under it', () => {
    const { tasks, warnings } = extract([
      duties(
        clause(
          'II.1',
          'Rà soát quy chế phối hợp (Cơ quan chủ trì: Công an tỉnh; cơ quan phối hợp: Sở Tư pháp; thời gian hoàn thành: trước ngày 30/6/2025).',
        ),
        clause(
          'II.2',
          'Tổ chức tuyên truyền trên các phương tiện thông tin đại chúng.\n- Cơ quan chủ trì: Sở Thông tin và Truyền thông.\n- Cơ quan phối hợp: Công an tỉnh; Báo Đắk Nông.\n- Thời gian thực hiện: Quý II/2025.',
        ),
        clause('II.3', '', {
          heading: 'Tổ chức tập huấn nghiệp vụ bảo vệ',
          children: [bullet('II.3.b1', 'Cơ quan chủ trì: Công an tỉnh.'), bullet('II.3.b2', 'Thời gian: Tháng 9/2025.')],
        }),
      ),
    ]);
    expect(tasks.map(({ clausePath, title, leads, coordinators, due }) => ({ clausePath, title, leads, coordinators, due }))).toEqual([
      {
        clausePath: 'II.1',
        title: 'Rà soát quy chế phối hợp',
        leads: ['Công an tỉnh'],
        coordinators: ['Sở Tư pháp'],
        due: { text: 'trước ngày 30/6/2025', date: '2025-06-30' },
      },
      {
        clausePath: 'II.2',
        title: 'Tổ chức tuyên truyền trên các phương tiện thông tin đại chúng',
        leads: ['Sở Thông tin và Truyền thông'],
        coordinators: ['Công an tỉnh', 'Báo Đắk Nông'],
        due: { text: 'Quý II/2025', date: '2025-06-30' },
      },
      {
        clausePath: 'II.3',
        title: 'Tổ chức tập huấn nghiệp vụ bảo vệ',
        leads: ['Công an tỉnh'],
        coordinators: [],
        due: { text: 'Tháng 9/2025', date: '2025-09-30' },
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('adds the partners of "Chủ trì, phối hợp với Y …" to the bodies named above the duty', () => {
    const { tasks } = extract([
      duties(
        clause('II.4', '', {
          heading: 'Sở Tư pháp',
          children: [
            clause('II.4.1', 'Chủ trì, phối hợp với Công an tỉnh, Sở Nội vụ tổ chức rà soát văn bản quy phạm pháp luật.', {
              kind: ClauseKind.ITEM,
            }),
            clause('II.4.2', 'Phối hợp với Sở Y tế hướng dẫn cai nghiện.', { kind: ClauseKind.ITEM }),
          ],
        }),
        clause('II.5', 'Chủ trì, phối hợp với các cơ quan liên quan tham mưu UBND tỉnh ban hành quy chế.', { heading: 'Sở Nội vụ' }),
      ),
    ]);
    expect(
      tasks.map(({ clausePath, title, leads, coordinators, inherited }) => ({ clausePath, title, leads, coordinators, inherited })),
    ).toEqual([
      {
        clausePath: 'II.4.1',
        title: 'Tổ chức rà soát văn bản quy phạm pháp luật',
        leads: ['Sở Tư pháp'],
        coordinators: ['Công an tỉnh', 'Sở Nội vụ'],
        inherited: true,
      },
      {
        clausePath: 'II.4.2',
        title: 'Phối hợp với Sở Y tế hướng dẫn cai nghiện',
        leads: ['Sở Tư pháp'],
        coordinators: ['Sở Y tế'],
        inherited: true,
      },
      {
        clausePath: 'II.5',
        title: 'Tham mưu UBND tỉnh ban hành quy chế',
        leads: ['Sở Nội vụ'],
        coordinators: ['các cơ quan liên quan'],
        inherited: false,
      },
    ]);
  });

  it('reads the subject after a topic label ("Chế độ báo cáo: Các cơ quan, đơn vị báo cáo …")', () => {
    const { tasks } = extract([
      part('III', 'TỔ CHỨC THỰC HIỆN', [
        clause(
          'III.3',
          'Chế độ báo cáo: Các cơ quan, đơn vị báo cáo kết quả thực hiện về UBND tỉnh (qua Công an tỉnh) trước ngày 15/12 hằng năm.',
        ),
      ]),
    ]);
    expect(at(tasks, 'III.3')).toEqual([
      expect.objectContaining({
        kind: 'REPORTING',
        leads: ['Các cơ quan, đơn vị'],
        due: { text: 'trước ngày 15/12', date: '2025-12-15' },
        recurrence: 'ANNUAL',
        reportTo: 'UBND tỉnh',
        reportVia: 'Công an tỉnh',
      }),
    ]);
  });

  it('marks a task requested when "Đề nghị" asks some of its leads, and says which were ordered', () => {
    const { tasks, warnings } = extract([
      duties(
        clause(
          'II.2.6',
          'Rà soát hệ thống văn bản pháp luật.\n(Đề nghị Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh; Sở Tư pháp, Công an tỉnh chủ động thực hiện)',
        ),
      ),
    ]);
    expect(only(tasks, 'II.2.6')).toMatchObject({
      leads: ['Viện Kiểm sát nhân dân tỉnh', 'Tòa án nhân dân tỉnh', 'Sở Tư pháp', 'Công an tỉnh'],
      requested: true,
    });
    expect(warnings).toEqual([expect.stringContaining('but orders Sở Tư pháp, Công an tỉnh')]);
  });
});

describe('titles and kinds', () => {
  it('shortens the duty to its first clause, without adverbs, purposes or asides', () => {
    const { tasks } = extract([
      duties(
        clause(
          'II.1',
          'Thường xuyên tổ chức kiểm tra, giám sát việc triển khai, thực hiện Quy định số 183-QĐ/TW, như: Công tác lãnh đạo, chỉ đạo.',
        ),
        clause(
          'II.2',
          'Chủ động, kịp thời triển khai thực hiện các Chương trình, Đề án của Trung ương về phòng, chống ma túy. Phối hợp thực hiện cai nghiện.',
        ),
        clause(
          'II.3',
          'Phối hợp triển khai các biện pháp bảo vệ cần thiết để ngăn chặn, chấm dứt các hành vi xâm phạm; buộc khắc phục hậu quả.',
        ),
        clause(
          'II.4',
          'Tập thể lãnh đạo chịu trách nhiệm trực tiếp khi để xảy ra hành vi vi phạm pháp luật trong cơ quan, đơn vị được phân công quản lý.',
        ),
        clause('II.5', `Củng cố, kiện toàn tổ chức bộ máy, ${'xây dựng lực lượng bảo vệ chuyên nghiệp, '.repeat(6)}chuyên trách.`),
      ),
    ]);
    expect(only(tasks, 'II.1')).toMatchObject({
      title: 'Tổ chức kiểm tra, giám sát việc triển khai, thực hiện Quy định số 183-QĐ/TW',
      kind: 'MONITORING',
    });
    expect(only(tasks, 'II.2')).toMatchObject({
      title: 'Triển khai thực hiện các Chương trình, Đề án của Trung ương về phòng, chống ma túy',
      kind: 'ACTION',
    });
    expect(only(tasks, 'II.3').title).toBe('Phối hợp triển khai các biện pháp bảo vệ cần thiết');
    // "khi để xảy ra" is no purpose: the title does not stop there.
    expect(only(tasks, 'II.4').title).toBe(
      'Tập thể lãnh đạo chịu trách nhiệm trực tiếp khi để xảy ra hành vi vi phạm pháp luật trong cơ quan, đơn vị được phân công quản lý',
    );
    const long = only(tasks, 'II.5').title;
    expect(long.length).toBeLessThanOrEqual(160);
    expect(long).toMatch(/^Củng cố, kiện toàn tổ chức bộ máy, xây dựng .*[^,\s]$/);
  });

  it('tells monitoring from action by the first verb of the duty', () => {
    const { tasks } = extract([
      duties(
        clause('II.1', 'Hướng dẫn, đôn đốc, kiểm tra việc thực hiện Kế hoạch này.'),
        clause('II.2', 'Tổ chức quản lý, theo dõi, sử dụng Quỹ phòng, chống tội phạm tỉnh.'),
        clause('II.3', 'Tăng cường công tác kiểm tra, giám sát hoạt động công vụ.'),
      ),
    ]);
    expect(tasks.map((task) => task.kind)).toEqual(['MONITORING', 'ACTION', 'MONITORING']);
  });
});

describe('reporting duties', () => {
  it('adds a reporting task for "Hằng năm có báo cáo … về UBND tỉnh (qua Công an tỉnh)"', () => {
    const { tasks } = extract([
      part('IV', 'TỔ CHỨC THỰC HIỆN', [
        clause(
          'IV.1',
          'Căn cứ Kế hoạch này, các đơn vị, địa phương căn cứ chức năng, nhiệm vụ xây dựng Kế hoạch để triển khai thực hiện nghiêm túc. Hằng năm có báo cáo kết quả thực hiện Kế hoạch về UBND tỉnh (qua Công an tỉnh) để tổng hợp, báo cáo Thủ tướng Chính phủ.',
        ),
      ]),
    ]);
    expect(at(tasks, 'IV.1')).toEqual([
      expect.objectContaining({
        kind: 'ACTION',
        title: 'Xây dựng Kế hoạch để triển khai thực hiện nghiêm túc',
        leads: ['các đơn vị, địa phương'],
        recurrence: 'NONE',
        reportTo: null,
      }),
      expect.objectContaining({
        kind: 'REPORTING',
        title: 'Hằng năm có báo cáo kết quả thực hiện Kế hoạch về UBND tỉnh (qua Công an tỉnh)',
        leads: ['các đơn vị, địa phương'],
        coordinators: [],
        due: { text: 'Hằng năm', date: null },
        recurrence: 'ANNUAL',
        reportTo: 'UBND tỉnh',
        reportVia: 'Công an tỉnh',
      }),
    ]);
  });

  it('reads the report of a review and its recipient further on in the clause', () => {
    const { tasks } = extract([
      part('III', 'TỔ CHỨC THỰC HIỆN', [
        clause(
          'III.1',
          'Căn cứ chức năng, nhiệm vụ và nội dung Kế hoạch này, Thủ trưởng các cơ quan, đơn vị, địa phương khẩn trương chỉ đạo xây dựng văn bản triển khai thực hiện Quy định số 183-QĐ/TW. Phân công và có lộ trình cụ thể; đánh giá được kết quả thực hiện và định kỳ tổ chức sơ kết, tổng kết, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Công an tỉnh) để chỉ đạo.',
        ),
      ]),
    ]);
    expect(
      at(tasks, 'III.1').map(({ kind, title, due, reportTo, reportVia }) => ({ kind, title, due: due.text, reportTo, reportVia })),
    ).toEqual([
      {
        kind: 'ACTION',
        title: 'Chỉ đạo xây dựng văn bản triển khai thực hiện Quy định số 183-QĐ/TW',
        due: 'khẩn trương',
        reportTo: null,
        reportVia: null,
      },
      {
        kind: 'REPORTING',
        title: 'Định kỳ tổ chức sơ kết, tổng kết, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Công an tỉnh)',
        due: 'định kỳ',
        reportTo: 'Ủy ban nhân dân tỉnh',
        reportVia: 'Công an tỉnh',
      },
    ]);
  });

  it('makes a clause that only asks for a report one reporting task', () => {
    const { tasks } = extract([
      duties(bullet('II.2.b2', 'UBND các huyện, thành phố báo cáo kết quả định kỳ 6 tháng về UBND tỉnh (qua Công an tỉnh).')),
    ]);
    expect(at(tasks, 'II.2.b2')).toEqual([
      expect.objectContaining({
        kind: 'REPORTING',
        leads: ['UBND các huyện, thành phố'],
        recurrence: 'SEMIANNUAL',
        due: { text: 'định kỳ 6 tháng', date: null },
        reportTo: 'UBND tỉnh',
        reportVia: 'Công an tỉnh',
      }),
    ]);
  });

  it('does not take "báo cáo" in a list of things received for a reporting duty', () => {
    const { tasks } = extract([
      duties(
        clause('II.5', 'Tiếp nhận, giải quyết các khiếu nại, tố cáo, kiến nghị, phản ánh, báo cáo, tố giác của người thi hành công vụ.'),
      ),
    ]);
    expect(tasks.map((task) => task.kind)).toEqual(['ACTION']);
  });
});

describe('deadlines and targets of a task', () => {
  it('reads the deadline of the duty, not the dates of the documents it cites', () => {
    const { tasks } = extract(
      [
        part('III', 'TỔ CHỨC THỰC HIỆN', [
          clause(
            'III.1',
            'Các cơ quan, đơn vị thành viên Ban Chỉ đạo tỉnh xây dựng kế hoạch thực hiện Kế hoạch số 18/KH-BCĐ138/CP ngày 15/01/2024. Kế hoạch gửi về Cơ quan thường trực Ban Chỉ đạo tỉnh trước ngày 28/02/2024 để tổng hợp theo dõi.',
          ),
        ]),
      ],
      '2024-02-21',
    );
    expect(only(tasks, 'III.1').due).toEqual({ text: 'trước ngày 28/02/2024', date: '2024-02-28' });
  });

  it('reads a month, a quarter and a year the duty must be done in', () => {
    const { tasks } = extract(
      [
        duties(
          bullet('II.1.b1', 'Công an tỉnh rà soát địa bàn trọng điểm (hoàn thành xong trong tháng 01/2024).'),
          bullet('II.1.b2', 'Sở Thông tin và Truyền thông tổ chức tuyên truyền trong quý II/2024.'),
          bullet('II.1.b3', 'Công an tỉnh tổ chức chuyển hóa các địa bàn xác định thực hiện trong năm 2024.'),
          bullet('II.1.b4', 'Sở Nội vụ sơ kết 6 tháng đầu năm 2024.'),
        ),
      ],
      '2024-02-21',
    );
    expect(tasks.map((task) => task.due)).toEqual([
      { text: 'trong tháng 01/2024', date: '2024-01-31' },
      { text: 'trong quý II/2024', date: '2024-06-30' },
      { text: 'trong năm 2024', date: '2024-12-31' },
      { text: '6 tháng đầu năm 2024', date: '2024-06-30' },
    ]);
  });

  it('reads the targets a duty sets', () => {
    const { tasks } = extract([
      duties(
        clause(
          'II.2',
          'Công an tỉnh mở các đợt cao điểm, phấn đấu kiềm chế và kéo giảm ít nhất 5% số vụ phạm tội về trật tự xã hội so với năm 2023.',
        ),
        clause('II.3', 'Thực hiện có hiệu quả công tác tái hòa nhập cộng đồng, góp phần hạn chế tỷ lệ tái phạm tội (duy trì dưới 3%).'),
        clause('II.4', 'Năm 2024, phấn đấu xây dựng 50% xã, phường, thị trấn điển hình về phong trào toàn dân bảo vệ an ninh Tổ quốc.'),
      ),
    ]);
    expect(only(tasks, 'II.2').targets).toEqual([
      { text: 'kéo giảm ít nhất 5% số vụ phạm tội', comparator: 'REDUCE_BY_AT_LEAST', value: 5, unit: '%' },
    ]);
    expect(only(tasks, 'II.3').targets).toEqual([{ text: 'duy trì dưới 3%', comparator: 'BELOW', value: 3, unit: '%' }]);
    expect(only(tasks, 'II.4').targets).toEqual([
      { text: '50% xã, phường, thị trấn điển hình', comparator: 'AT_LEAST', value: 50, unit: '%' },
    ]);
  });
});

describe('targets', () => {
  it.each([
    ['kéo giảm ít nhất 5%', 'REDUCE_BY_AT_LEAST', 5],
    ['duy trì dưới 3%', 'BELOW', 3],
    ['trên 90%', 'ABOVE', 90],
    ['không quá 2,5%', 'AT_MOST', 2.5],
    ['tối đa 10%', 'AT_MOST', 10],
    ['tăng ít nhất 10%', 'INCREASE_BY_AT_LEAST', 10],
    ['đạt từ 80% trở lên', 'AT_LEAST', 80],
    ['100%', 'AT_LEAST', 100],
  ])('reads "%s" as %s %s %%', (text, comparator, value) => {
    expect(readTargets(`${text}.`)).toEqual([{ text: expect.stringContaining(text.replace(/^đạt /, '')), comparator, value, unit: '%' }]);
  });

  it('keeps what a bare percentage counts, and reads a count with a comparator', () => {
    expect(readTargets('tại 100% trạm y tế các xã, phường, thị trấn; tiếp tục')).toEqual([
      { text: '100% trạm y tế các xã, phường, thị trấn', comparator: 'AT_LEAST', value: 100, unit: '%' },
    ]);
    expect(readTargets('tổ chức ít nhất 02 lớp tập huấn')).toEqual([
      { text: 'ít nhất 02 lớp', comparator: 'AT_LEAST', value: 2, unit: 'lớp' },
    ]);
  });

  it('does not take "giảm nghèo" or "tăng cường" for the direction of a target', () => {
    expect(readTargets('xóa đói giảm nghèo, 50% hộ gia đình')[0].comparator).toBe('AT_LEAST');
    expect(readTargets('tăng cường tuyên truyền đến 90% hộ gia đình')[0].comparator).toBe('AT_LEAST');
  });
});

describe('task tables of an appendix', () => {
  const columns = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành'];
  const row = (path: string, cells: string[]): DraftClause => ({
    ...clause(path, cells.join(' | '), { kind: ClauseKind.ITEM, label: cells[0] }),
    table: { columns, cells },
  });

  it('reads one task per row, by what the column headers say, and the bodies of merged cells from the row above', () => {
    const { tasks, warnings } = extract([
      part('PL', 'DANH MỤC NHIỆM VỤ', [
        part('PL.p1', '', [
          row('PL.p1.I', ['I', 'Công tác tuyên truyền', '', '', '']),
          row('PL.p1.1', ['1', 'Tổ chức hội nghị quán triệt Chỉ thị số 39/CT-TTg', 'Công an tỉnh', 'Sở Tư pháp', 'Quý I/2025']),
          row('PL.p1.2', [
            '2',
            'Xây dựng tài liệu tuyên truyền',
            'Sở Thông tin và Truyền thông',
            'Công an tỉnh; Sở Tư pháp',
            'Trước ngày 30/4/2025',
          ]),
          row('PL.p1.3', ['3', 'Hướng dẫn, kiểm tra việc tuyên truyền', '', '', 'Thường xuyên']),
        ]),
      ]),
    ]);
    expect(
      tasks.map(({ clausePath, title, kind, leads, coordinators, due, inherited }) => ({
        clausePath,
        title,
        kind,
        leads,
        coordinators,
        due,
        inherited,
      })),
    ).toEqual([
      {
        clausePath: 'PL.p1.1',
        title: 'Tổ chức hội nghị quán triệt Chỉ thị số 39/CT-TTg',
        kind: 'ACTION',
        leads: ['Công an tỉnh'],
        coordinators: ['Sở Tư pháp'],
        due: { text: 'Quý I/2025', date: '2025-03-31' },
        inherited: false,
      },
      {
        clausePath: 'PL.p1.2',
        title: 'Xây dựng tài liệu tuyên truyền',
        kind: 'ACTION',
        leads: ['Sở Thông tin và Truyền thông'],
        coordinators: ['Công an tỉnh', 'Sở Tư pháp'],
        due: { text: 'Trước ngày 30/4/2025', date: '2025-04-30' },
        inherited: false,
      },
      {
        clausePath: 'PL.p1.3',
        title: 'Hướng dẫn, kiểm tra việc tuyên truyền',
        kind: 'MONITORING',
        leads: ['Sở Thông tin và Truyền thông'],
        coordinators: ['Công an tỉnh', 'Sở Tư pháp'],
        due: { text: 'Thường xuyên', date: null },
        inherited: true,
      },
    ]);
    expect(warnings).toEqual([expect.stringContaining('Table row PL.p1.3 has no lead agency')]);
  });
});

describe('the seed documents, read through the parser', () => {
  const textOf = seedText;
  const drafts = new Map<Seed, DocumentDraft>(SEEDS.map((seed) => [seed, parseDocument(textOf(seed))]));
  const tasksOf = (seed: Seed) => drafts.get(seed)!.tasks;
  const paths = (clauses: DraftClause[]): string[] => clauses.flatMap((item) => [item.path, ...paths(item.children)]);

  it('names only clauses the tree has, with titles of at most 160 characters', () => {
    for (const seed of SEEDS) {
      const draft = drafts.get(seed)!;
      const known = new Set(paths(draft.clauses));
      for (const task of draft.tasks) {
        expect(known.has(task.clausePath), `${seed} ${task.clausePath}`).toBe(true);
        expect(task.title.length, `${seed} ${task.clausePath}`).toBeGreaterThan(0);
        expect(task.title.length, `${seed} ${task.clausePath}`).toBeLessThanOrEqual(160);
      }
    }
  });

  it('Tuyên Quang: Sở Y tế leads 2.5; Công an tỉnh leads 3.1 with the members of Ban Chỉ đạo 138 tỉnh', () => {
    const tasks = tasksOf('tuyen-quang-kh-bcd138-2024');
    expect(only(tasks, 'II.2.5')).toMatchObject({ leads: ['Sở Y tế'], coordinators: [MEMBERS, DISTRICTS], requested: false });
    expect(only(tasks, 'II.3.1')).toMatchObject({ leads: ['Công an tỉnh'], coordinators: [MEMBERS, DISTRICTS] });
    expect(only(tasks, 'II.2.1.1.b9').leads).toEqual(['Công an tỉnh', 'Sở Lao động - Thương binh và Xã hội', 'Sở Y tế']);
    expect(at(tasks, 'III.1').map((task) => [task.kind, task.due.date, task.reportTo, task.reportVia])).toEqual([
      ['ACTION', '2024-02-28', null, null],
      ['REPORTING', null, 'Cơ quan thường trực Ban Chỉ đạo tỉnh', 'Phòng Tham mưu, Công an tỉnh'],
    ]);
    expect(only(tasks, 'II.2.1.1.b10').targets).toEqual([{ text: 'duy trì dưới 3%', comparator: 'BELOW', value: 3, unit: '%' }]);
  });

  it('Vĩnh Phúc: Sở Tư pháp leads III.2 with Công an tỉnh; III.5 is asked of the procuracy and the court', () => {
    const tasks = tasksOf('vinh-phuc-kh-chi-thi-39-ttg');
    expect(only(tasks, 'III.2')).toMatchObject({ leads: ['Sở Tư pháp'], coordinators: ['Công an tỉnh'], requested: false });
    expect(only(tasks, 'III.5')).toMatchObject({ leads: ['Viện Kiểm sát nhân dân', 'Tòa án nhân dân tỉnh'], requested: true });
    expect(at(tasks, 'IV.1').find((task) => task.kind === 'REPORTING')).toMatchObject({
      reportTo: 'UBND tỉnh',
      reportVia: 'Công an tỉnh',
      recurrence: 'ANNUAL',
    });
  });

  it('Đắk Nông: the same tasks, leads and coordinators as the hand-entered 19/KH-UBND', () => {
    const known: KnownAgency[] = dakNongPlan19.agencies.map((agency) => ({
      uuid: agency.key,
      name: agency.name,
      shortName: agency.shortName ?? null,
      aliases: agency.aliases ?? [],
      level: agency.level ?? AgencyLevel.PROVINCE,
    }));
    const keyOf = (name: string) => matchAgencyName(name, 'Đắk Nông', known).agency?.uuid ?? `unmatched: ${name}`;
    const summary = (
      task: { clausePath: string; kind: string; requested: boolean; inherited: boolean; due: string | null },
      leads: string[],
      coordinators: string[],
    ) => ({
      ...task,
      leads: [...leads].sort(),
      coordinators: [...coordinators].sort(),
    });
    const reference = dakNongPlan19.tasks.map((task) => {
      const leads = task.assignments.filter((assignment) => assignment.role === 'LEAD');
      return summary(
        {
          clausePath: task.clausePath,
          kind: task.kind,
          requested: leads.some((assignment) => assignment.requested),
          inherited: leads.some((assignment) => assignment.inherited),
          due: task.duePhrase ?? null,
        },
        leads.map((assignment) => assignment.agencyKey),
        task.assignments.filter((assignment) => assignment.role === 'COORDINATOR').map((assignment) => assignment.agencyKey),
      );
    });
    const extracted = tasksOf('dak-nong-kh-19-2025-quy-dinh-183').map((task) =>
      summary(
        { clausePath: task.clausePath, kind: task.kind, requested: task.requested, inherited: task.inherited, due: task.due.text },
        task.leads.map(keyOf),
        task.coordinators.map(keyOf),
      ),
    );
    // II.1 names nobody: the reference gives it to the heads of agencies by inference; the importer leaves it to the reviewer.
    const inferred = reference.find((task) => task.clausePath === 'II.1')!;
    expect(extracted).toEqual(reference.map((task) => (task === inferred ? { ...task, leads: [] } : task)));
    expect(drafts.get('dak-nong-kh-19-2025-quy-dinh-183')!.warnings).toContainEqual(expect.stringContaining('Clause II.1 names no body'));
  });

  it('agrees with the assignments, deadlines and reports read by hand in the fixtures', () => {
    for (const seed of SEEDS.filter((name) => name !== 'tuyen-quang-kh-bcd138-2024')) {
      const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', `${seed}.json`), 'utf8'));
      const tasks = tasksOf(seed);
      for (const expected of fixture.assignments) {
        const { clausePath, leads, coordinators, requested, inherited } = expected;
        expect(
          at(tasks, clausePath).map((task) => ({
            clausePath,
            leads: task.leads,
            coordinators: task.coordinators,
            requested: task.requested,
            inherited: task.inherited,
          })),
          seed,
        ).toContainEqual({
          clausePath,
          leads,
          coordinators,
          requested,
          inherited,
        });
      }
      for (const expected of fixture.deadlines) {
        const phrases = fixture.deadlines
          .filter((other: { clausePath: string }) => other.clausePath === expected.clausePath)
          .map((other: { text: string }) => other.text);
        expect(
          at(tasks, expected.clausePath).some((task) => phrases.includes(task.due.text)),
          `${seed} ${expected.clausePath}`,
        ).toBe(true);
      }
      for (const expected of fixture.reporting) {
        expect(
          at(tasks, expected.clausePath).map((task) => [task.kind, task.reportTo, task.reportVia]),
          seed,
        ).toContainEqual(['REPORTING', expected.to, expected.via]);
      }
    }
  });

  it('reads the largest seed quickly, and a hostile text without runaway patterns', () => {
    const draft = drafts.get('tuyen-quang-kh-bcd138-2024')!;
    extractTasks(draft.clauses, { issuedOn: draft.issuedOn });
    const started = performance.now();
    for (let run = 0; run < 5; run++) extractTasks(draft.clauses, { issuedOn: draft.issuedOn });
    // Generous for a loaded machine; a runaway pattern takes seconds.
    expect((performance.now() - started) / 5).toBeLessThan(100);

    const hostile = `${'trước ngày 1/1 tháng 2 quý I năm 2024 kéo giảm ít nhất 5% '.repeat(400)}${'a, '.repeat(5000)}(${'Công an tỉnh, '.repeat(500)}chủ trì)`;
    const hostileStarted = performance.now();
    extractTasks([duties(clause('II.1', hostile))], { issuedOn: '2024-01-01' });
    expect(performance.now() - hostileStarted).toBeLessThan(1000);
  });
});
