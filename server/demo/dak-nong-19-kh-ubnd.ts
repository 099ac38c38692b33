// Hand-entered reference for Kế hoạch 19/KH-UBND (UBND tỉnh Đắk Nông, 13/01/2025): the importer is judged against it.
import { AgencyKind, AgencyLevel } from '../modules/agency/agency.enums';
import { ClauseKind } from '../modules/clause/clause.enums';
import { DocumentKind, DocumentStatus, RelationType } from '../modules/document/document.enums';
import { AssignmentRole, Recurrence, TaskKind } from '../modules/task/task.enums';
import type { DemoDataset } from './demo.types';

const PLAN = 'kh-19-ubnd';

// Groups "Người đứng đầu / Thủ trưởng các cơ quan, đơn vị, địa phương" (II.1, II.2, III.1).
const HEADS = 'co-quan-don-vi-dia-phuong';
const POLICE = 'ca-tinh';
const JUSTICE_BODIES = [POLICE, 'vksnd-tinh', 'tand-tinh', 'thads-tinh'];
const SECTION_6_GROUPS = ['so-ban-nganh-doan-the', 'ubnd-huyen-thanh-pho'];

export const dakNongPlan19: DemoDataset = {
  agencies: [
    {
      key: 'ubnd-tinh',
      name: 'Ủy ban nhân dân tỉnh Đắk Nông',
      shortName: 'UBND tỉnh',
      aliases: ['Ủy ban nhân dân tỉnh', 'UBND tỉnh', 'UBND tỉnh Đắk Nông', 'Ủy ban nhân dân tỉnh Đăk Nông'],
      kind: AgencyKind.PEOPLES_COMMITTEE,
      level: AgencyLevel.PROVINCE,
    },
    {
      key: 'vp-ubnd-tinh',
      name: 'Văn phòng Ủy ban nhân dân tỉnh Đắk Nông',
      shortName: 'VP UBND tỉnh',
      aliases: ['Văn phòng UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh', 'VP UBND tỉnh'],
      kind: AgencyKind.OFFICE,
      level: AgencyLevel.PROVINCE,
      parentKey: 'ubnd-tinh',
    },
    {
      key: POLICE,
      name: 'Công an tỉnh Đắk Nông',
      shortName: 'CA tỉnh',
      aliases: ['Công an tỉnh', 'CA tỉnh'],
      kind: AgencyKind.POLICE,
      level: AgencyLevel.PROVINCE,
    },
    {
      key: 'vksnd-tinh',
      name: 'Viện kiểm sát nhân dân tỉnh Đắk Nông',
      shortName: 'VKSND tỉnh',
      aliases: ['Viện kiểm sát nhân dân tỉnh', 'Viện Kiểm sát nhân dân tỉnh', 'VKSND tỉnh'],
      kind: AgencyKind.PROCURACY,
      level: AgencyLevel.PROVINCE,
    },
    {
      key: 'tand-tinh',
      name: 'Tòa án nhân dân tỉnh Đắk Nông',
      shortName: 'TAND tỉnh',
      aliases: ['Tòa án nhân dân tỉnh', 'Toà án nhân dân tỉnh', 'TAND tỉnh'],
      kind: AgencyKind.COURT,
      level: AgencyLevel.PROVINCE,
    },
    {
      key: 'thads-tinh',
      name: 'Cục Thi hành án dân sự tỉnh Đắk Nông',
      shortName: 'Cục THADS tỉnh',
      aliases: ['Cục Thi hành án dân sự tỉnh', 'Cục THADS tỉnh', 'Thi hành án dân sự tỉnh'],
      kind: AgencyKind.JUDGMENT_ENFORCEMENT,
      level: AgencyLevel.PROVINCE,
    },
    {
      key: 'ubmttq-tinh',
      name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đắk Nông',
      shortName: 'UBMTTQ tỉnh',
      aliases: ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Ủy ban MTTQ Việt Nam tỉnh', 'UBMTTQ tỉnh'],
      kind: AgencyKind.MASS_ORGANISATION,
      level: AgencyLevel.PROVINCE,
    },
    {
      key: 'bao-dak-nong',
      name: 'Báo Đắk Nông',
      // II.4 prints "Báo Đắc Nông" (a slip), the Nơi nhận "Báo Đăk Nông".
      aliases: ['Báo Đắc Nông', 'Báo Đăk Nông'],
      kind: AgencyKind.MEDIA,
      level: AgencyLevel.PROVINCE,
    },
    {
      key: 'dai-ptth-tinh',
      name: 'Đài Phát thanh và Truyền hình tỉnh Đắk Nông',
      shortName: 'Đài PT&TH tỉnh',
      aliases: ['Đài Phát thanh và Truyền hình tỉnh', 'Đài PT&TH tỉnh', 'Đài Phát thanh và Truyền hình Đắk Nông'],
      kind: AgencyKind.MEDIA,
      level: AgencyLevel.PROVINCE,
    },
    {
      key: 'tinh-uy',
      name: 'Tỉnh ủy Đắk Nông',
      shortName: 'Tỉnh ủy',
      aliases: ['Tỉnh ủy', 'Tỉnh uỷ Đắk Nông', 'Tỉnh ủy Đăk Nông'],
      kind: AgencyKind.PARTY_BODY,
      level: AgencyLevel.PROVINCE,
    },
    {
      key: 'bo-chinh-tri',
      name: 'Bộ Chính trị',
      shortName: 'BCT',
      aliases: ['Bộ Chính trị Ban Chấp hành Trung ương Đảng'],
      kind: AgencyKind.PARTY_BODY,
      level: AgencyLevel.CENTRAL,
    },
    {
      key: 'vp-chinh-phu',
      name: 'Văn phòng Chính phủ',
      shortName: 'VPCP',
      kind: AgencyKind.OFFICE,
      level: AgencyLevel.CENTRAL,
    },
    {
      key: 'so-ban-nganh-doan-the',
      name: 'Các Sở, Ban, ngành, đoàn thể tỉnh Đắk Nông',
      shortName: 'Sở, Ban, ngành, đoàn thể tỉnh',
      aliases: ['Các Sở, Ban, ngành, đoàn thể', 'Các Sở, ban, ngành, đoàn thể', 'Sở, Ban, ngành, đoàn thể'],
      kind: AgencyKind.OTHER,
      level: AgencyLevel.PROVINCE,
      isGroup: true,
    },
    {
      key: 'ubnd-huyen-thanh-pho',
      name: 'Ủy ban nhân dân các huyện, thành phố tỉnh Đắk Nông',
      shortName: 'UBND các huyện, thành phố',
      aliases: ['UBND các huyện, thành phố', 'Ủy ban nhân dân các huyện, thành phố'],
      kind: AgencyKind.PEOPLES_COMMITTEE,
      level: AgencyLevel.DISTRICT,
      isGroup: true,
    },
    {
      key: 'co-quan-thong-tin-dai-chung',
      name: 'Các cơ quan thông tin đại chúng trên địa bàn tỉnh Đắk Nông',
      aliases: ['Các cơ quan thông tin đại chúng trên địa bàn tỉnh', 'các cơ quan thông tin đại chúng trên địa bàn tỉnh'],
      kind: AgencyKind.MEDIA,
      level: AgencyLevel.PROVINCE,
      isGroup: true,
      memberKeys: ['bao-dak-nong', 'dai-ptth-tinh'],
    },
    {
      key: HEADS,
      name: 'Các cơ quan, đơn vị, địa phương tỉnh Đắk Nông',
      aliases: [
        'Các cơ quan, đơn vị, địa phương',
        'Thủ trưởng các cơ quan, đơn vị, địa phương',
        'Người đứng đầu cơ quan, đơn vị, địa phương',
      ],
      kind: AgencyKind.OTHER,
      level: AgencyLevel.PROVINCE,
      isGroup: true,
    },
    {
      key: 'co-quan-don-vi-lien-quan',
      name: 'Các cơ quan, đơn vị liên quan tỉnh Đắk Nông',
      aliases: ['Các cơ quan, đơn vị liên quan', 'các cơ quan, đơn vị liên quan'],
      kind: AgencyKind.OTHER,
      level: AgencyLevel.PROVINCE,
      isGroup: true,
    },
  ],

  documents: [
    {
      key: PLAN,
      kind: DocumentKind.PLAN,
      symbol: '19/KH-UBND',
      title:
        'Triển khai thực hiện Quy định số 183-QĐ/TW ngày 18/9/2024 của Bộ Chính trị về bảo vệ cơ quan, tổ chức, người thi hành công vụ trong hoạt động điều tra, truy tố, xét xử, thi hành án',
      issuedOn: '2025-01-13',
      place: 'Đăk Nông',
      issuerKey: 'ubnd-tinh',
      signerTitle: 'Chủ tịch',
      signerName: 'Hồ Văn Mười',
      status: DocumentStatus.IN_EFFECT,
      originalTextFile: 'dak-nong-kh-19-2025-quy-dinh-183.txt',
      recipients: [
        { name: 'Văn phòng Chính phủ', agencyKey: 'vp-chinh-phu' },
        // "TT." = Thường trực (standing board) of the Tỉnh ủy.
        { name: 'TT. Tỉnh ủy', agencyKey: 'tinh-uy' },
        // Chủ tịch and Phó Chủ tịch of the issuer.
        { name: 'CT, các PCT UBND tỉnh', agencyKey: 'ubnd-tinh' },
        { name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', agencyKey: 'ubmttq-tinh' },
        { name: 'Công an tỉnh', agencyKey: POLICE },
        { name: 'Viện Kiểm sát nhân dân tỉnh', agencyKey: 'vksnd-tinh' },
        { name: 'Tòa án nhân dân tỉnh', agencyKey: 'tand-tinh' },
        // Chánh and Phó Chánh Văn phòng UBND tỉnh.
        { name: 'CVP, các PCVP UBND tỉnh', agencyKey: 'vp-ubnd-tinh' },
        { name: 'Các Sở, Ban, ngành, đoàn thể', agencyKey: 'so-ban-nganh-doan-the' },
        { name: 'Cục Thi hành án dân sự tỉnh', agencyKey: 'thads-tinh' },
        // Two bodies on one line: no single agency.
        { name: 'Báo Đăk Nông, Đài PT&TH tỉnh' },
        { name: 'UBND các huyện, thành phố', agencyKey: 'ubnd-huyen-thanh-pho' },
        { name: 'Lưu: VT, NC (Ln)' },
      ],
      preamble:
        'Thực hiện Kế hoạch số 197-KH/TU ngày 27/11/2024 của Tỉnh ủy về thực hiện Quy định số 183-QĐ/TW ngày 18/9/2024 của Bộ Chính trị về bảo vệ cơ quan, tổ chức, người thi hành công vụ trong hoạt động điều tra, truy tố, xét xử, thi hành án (viết tắt là Quy định số 183-QĐ/TW); Ủy ban nhân dân tỉnh xây dựng Kế hoạch triển khai thực hiện trên địa bàn tỉnh Đăk Nông như sau:',
      clauses: [
        {
          label: 'I',
          kind: ClauseKind.PART,
          heading: 'MỤC ĐÍCH, YÊU CẦU',
          text: '',
          children: [
            {
              label: '1',
              kind: ClauseKind.SECTION,
              text: 'Nhằm nâng cao nhận thức, trách nhiệm của các cơ quan, ban ngành, đoàn thể, tổ chức chính trị - xã hội, chính quyền các cấp và cán bộ, đảng viên, công chức, viên chức, người lao động và Nhân dân về tầm quan trọng trong bảo vệ cơ quan, tổ chức, người thi hành công vụ trong hoạt động tố tụng, thi hành án.',
            },
            {
              label: '2',
              kind: ClauseKind.SECTION,
              text: 'Tổ chức nghiên cứu, phổ biến, quán triệt và cụ thể hóa các nội dung tại Quy định số 183-QĐ/TW nhằm tuyên truyền, nâng cao nhận thức, ý thức chấp hành nghiêm các chủ trương, chính sách, quy định của Đảng, pháp luật của Nhà nước; tôn trọng, bảo vệ cơ quan, tổ chức, người thi hành công vụ và tổ chức, cá nhân liên quan trong hoạt động tố tụng, thi hành án.',
            },
            {
              label: '3',
              kind: ClauseKind.SECTION,
              text: 'Quá trình tổ chức thực hiện phải nắm vững và bảo đảm nguyên tắc, phương thức lãnh đạo, chỉ đạo của Đảng, pháp luật của Nhà nước về nêu cao tinh thần trách nhiệm theo Quy định số 183-QĐ/TW để xây dựng chương trình, kế hoạch triển khai thực hiện bảo đảm nghiêm túc, chặt chẽ, thống nhất.',
            },
          ],
        },
        {
          label: 'II',
          kind: ClauseKind.PART,
          heading: 'NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP',
          text: '',
          children: [
            {
              label: '1',
              kind: ClauseKind.SECTION,
              text: 'Tổ chức quán triệt, tuyên truyền, giáo dục, phổ biến và triển khai thực hiện nghiêm Quy định số 183-QĐ/TW bằng các hình thức phù hợp; tạo sự chuyển biến tích cực trong nhận thức, trách nhiệm của cán bộ, đảng viên, công chức, viên chức và Nhân dân về ý thức chấp hành nghiêm các chủ trương, chính sách, quy định của Đảng, pháp luật của Nhà nước; tôn trọng, bảo vệ cơ quan, tổ chức, người thi hành công vụ trong hoạt động tố tụng, thi hành án.',
            },
            {
              label: '2',
              kind: ClauseKind.SECTION,
              text: 'Người đứng đầu cơ quan, đơn vị, địa phương tập trung lãnh đạo, chỉ đạo tổ chức triển khai thực hiện nghiêm túc các nội dung của Quy định số 183-QĐ/TW tại cơ quan, đơn vị, địa phương mình theo chức năng, nhiệm vụ, quyền hạn được giao; trong đó, tập trung vào một số vấn đề trọng tâm sau:',
              children: [
                {
                  label: '2.1',
                  kind: ClauseKind.ITEM,
                  text: 'Chỉ đạo cụ thể hóa và tổ chức thực hiện bảo đảm nghiêm túc, chặt chẽ, thống nhất các nội dung tại Quy định số 183-QĐ/TW phù hợp với tình hình thực tế tại cơ quan, đơn vị, địa phương.',
                },
                {
                  label: '2.2',
                  kind: ClauseKind.ITEM,
                  text: 'Thường xuyên rà soát, nghiên cứu, đề xuất cấp có thẩm quyền sửa đổi, bổ sung quy chế làm việc, các quy định, quy trình nghiệp vụ, chuẩn mực đạo đức, quy tắc ứng xử của cơ quan, tổ chức có thẩm quyền trong hoạt động tố tụng, thi hành án; bảo đảm tính khách quan, công tâm của điều tra viên, kiểm sát viên, thẩm phán, chấp hành viên và người có thẩm quyền khác trong hoạt động tố tụng, thi hành án.',
                },
                {
                  label: '2.3',
                  kind: ClauseKind.ITEM,
                  text: 'Thường xuyên tổ chức kiểm tra, giám sát việc triển khai, thực hiện Quy định số 183-QĐ/TW, như: Công tác lãnh đạo, chỉ đạo, công tác tổ chức thực hiện bảo vệ cơ quan, tổ chức có thẩm quyền, người thi hành công vụ trong hoạt động tố tụng, thi hành án để kịp thời phát hiện, chấn chỉnh, xử lý các vi phạm, khuyết điểm, nâng cao hiệu quả công tác bảo vệ cơ quan, tổ chức có thẩm quyền, người thi hành công vụ trong hoạt động tố tụng, thi hành án.',
                },
                {
                  label: '2.4',
                  kind: ClauseKind.ITEM,
                  text: 'Củng cố, kiện toàn tổ chức bộ máy, xây dựng lực lượng bảo vệ chuyên nghiệp, chuyên trách; tăng cường cơ sở vật chất, trang thiết bị nghiệp vụ, vũ khí, công cụ hỗ trợ phục vụ công tác bảo vệ theo quy định của pháp luật; tổ chức huấn luyện kỹ năng, biện pháp phòng vệ cho lực lượng bảo vệ chuyên trách của các cơ quan, tổ chức có thẩm quyền trong hoạt động tố tụng, thi hành án theo đúng quy định của Đảng, pháp luật của Nhà nước.',
                },
                {
                  label: '2.5',
                  kind: ClauseKind.ITEM,
                  text: 'Tiếp nhận, giải quyết nhanh chóng, kịp thời, đúng quy định đối với các yêu cầu, đề nghị áp dụng biện pháp bảo vệ của cơ quan, tổ chức, người thi hành công vụ; các khiếu nại, tố cáo, kiến nghị, phản ánh, báo cáo, tố giác, đề nghị xem lại các quyết định liên quan đến vị trí công tác, việc làm của người thi hành công vụ trong hoạt động tố tụng, thi hành án. Đồng thời, yêu cầu các cơ quan có thẩm quyền, trách nhiệm bảo vệ chủ động nắm sát tình hình, dự báo chính xác các tình huống có thể xảy ra; kịp thời cảnh báo, có biện pháp phòng ngừa, ngăn chặn các hành vi lôi kéo, dụ dỗ, mua chuộc, bôi nhọ, vu cáo, vu khống, xúc phạm danh dự, nhân phẩm hoặc tấn công, đe dọa xâm phạm người thi hành công vụ và người thân của người thi hành công vụ trong hoạt động tố tụng, thi hành án; tiến hành xác minh, xây dựng chương trình, kế hoạch, phương án bảo vệ và thực hiện các biện pháp bảo vệ phù hợp theo Quy định số 183-QĐ/TW và các quy định khác của pháp luật.\n\nTrường hợp vụ việc có tính chất phức tạp, cần sự tham gia của nhiều cơ quan, tổ chức khác nhau, thì cơ quan có thẩm quyền quyết định áp dụng biện pháp bảo vệ chủ trì, phối hợp với các cơ quan, tổ chức có liên quan tổ chức thực hiện các biện pháp bảo vệ; kịp thời giải quyết các khó khăn, vướng mắc phát sinh trong quá trình bảo vệ.',
                },
                {
                  label: '2.6',
                  kind: ClauseKind.ITEM,
                  text: 'Phát hiện, xử lý, kiến nghị xử lý kịp thời, nghiêm minh những hành vi bị nghiêm cấm đối với cơ quan, tổ chức, người thi hành công vụ trong hoạt động tố tụng, thi hành án. Nâng cao công tác phối hợp giữa các cơ quan chức năng trong thực hiện các biện pháp bảo vệ. Bảo vệ, khen thưởng kịp thời người phát hiện, phản ánh, báo cáo, tố cáo, tố giác, báo tin, cung cấp thông tin về những hành vi vi phạm, xâm phạm đến cơ quan, tổ chức, người thi hành công vụ trong hoạt động tố tụng, thi hành án.',
                },
                {
                  label: '2.7',
                  kind: ClauseKind.ITEM,
                  text: 'Chủ động các biện pháp phòng ngừa, ngăn chặn các hành vi xâm phạm uy tín, danh dự, nhân phẩm, bí mật, an toàn thông tin, dữ liệu cá nhân và vị trí công tác; bảo vệ tính mạng, sức khỏe, tài sản và các quyền, lợi ích hợp pháp khác của người thi hành công vụ và người thân của người thi hành công vụ trong hoạt động tố tụng, thi hành án; quan tâm bảo vệ người thi hành công vụ trong hoạt động tố tụng, thi hành án đề xuất đổi mới, năng động, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung theo quy định của Đảng, pháp luật của Nhà nước.',
                },
              ],
            },
            {
              label: '3',
              kind: ClauseKind.SECTION,
              heading: 'Công an tỉnh, Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh, Cục Thi hành án dân sự tỉnh',
              text: '',
              children: [
                {
                  label: '3.1',
                  kind: ClauseKind.ITEM,
                  text: 'Tập trung lãnh đạo, chỉ đạo và tổ chức triển khai thực hiện nghiêm, hiệu quả các nhiệm vụ được giao tại Mục 2, Phần II Kế hoạch này theo quy định của Đảng, pháp luật của Nhà nước và phù hợp với chức năng, nhiệm vụ được giao; nghiên cứu, tham mưu, đề xuất xây dựng, hoàn thiện các quy chế, quy định, quy trình nghiệp vụ để ngăn ngừa có hiệu quả mọi tác động tiêu cực, không trong sáng vào hoạt động tố tụng, thi hành án; tăng cường công tác tự kiểm tra, giám sát, nắm tình hình để kịp thời triển khai các biện pháp phát hiện, xử lý, kiến nghị xử lý các hành vi vi phạm, xâm phạm cơ quan, tổ chức có thẩm quyền, người thi hành công vụ trong hoạt động tố tụng, thi hành án.',
                },
                {
                  label: '3.2',
                  kind: ClauseKind.ITEM,
                  text: 'Tổ chức quán triệt, phổ biến các nguyên tắc, hành vi vi phạm, xâm phạm, nội dung, biện pháp bảo vệ cơ quan, tổ chức, người thi hành công vụ trong hoạt động tố tụng, thi hành án; các biện pháp phòng ngừa rủi ro, loại trừ, miễn giảm trách nhiệm; trách nhiệm của cấp ủy đảng, thủ trưởng cơ quan, đơn vị và người được bảo vệ trong hoạt động tố tụng, thi hành án theo Quy định số 183-QĐ/TW và các quy định khác của Đảng, Nhà nước.',
                },
                {
                  label: '3.3',
                  kind: ClauseKind.ITEM,
                  text: 'Bố trí lực lượng vũ trang canh gác hoặc lực lượng chuyên trách canh gác, bảo vệ và triển khai các biện pháp nghiệp vụ bảo vệ an toàn trụ sở và các tài sản, hồ sơ, tài liệu, phương tiện, trang thiết bị làm việc của cơ quan, tổ chức có thẩm quyền trong hoạt động tố tụng, thi hành án và các cơ sở giam giữ, các kho bảo quản vật chứng, tài liệu, đồ vật, tài sản có liên quan đến vụ án, vụ việc.',
                },
                {
                  label: '3.4',
                  kind: ClauseKind.ITEM,
                  text: 'Đối với các địa điểm diễn ra các hoạt động tố tụng, thi hành án ở bên ngoài trụ sở cơ quan, tổ chức có thẩm quyền trong hoạt động tố tụng, thi hành án thì tùy trường hợp cụ thể, được bố trí lực lượng bảo vệ và các biện pháp bảo vệ theo quy định.\n\nĐối với việc tổ chức các phiên tòa lưu động, phiên tòa xét xử các vụ án hình sự có mức độ nguy hiểm cao (các vụ án nghiêm trọng, đặc nghiêm trọng, phức tạp liên quan đến an ninh, trật tự, tín ngưỡng, tôn giáo, dân tộc, khiếu kiện đông người, liên quan đến tội phạm khủng bố, tội phạm có tổ chức, tội phạm ma túy, tội phạm xâm phạm an ninh quốc gia, tội phạm tham nhũng, chức vụ) hoặc việc tổ chức cưỡng chế thi hành án; việc áp giải các đối tượng phạm tội đặc biệt nguy hiểm, thì cơ quan, đơn vị có thẩm quyền phải xây dựng phương án bảo vệ, bố trí lực lượng bảo vệ, triển khai thực hiện các biện pháp bảo vệ tuyệt đối an toàn cho các hoạt động này.',
                },
                {
                  label: '3.5',
                  kind: ClauseKind.ITEM,
                  text: 'Phối hợp triển khai các biện pháp bảo vệ cần thiết để ngăn chặn, chấm dứt các hành vi xâm phạm, đe dọa xâm phạm; buộc khắc phục hậu quả, cải chính, gỡ bỏ, xin lỗi công khai; xem xét, truy cứu trách nhiệm, xử lý nghiêm các tổ chức, cá nhân có liên quan xâm phạm, đe dọa xâm phạm cơ quan, tổ chức, địa điểm diễn ra các hoạt động tố tụng, thi hành án hoặc bôi nhọ, xúc phạm uy tín của cơ quan, tổ chức, cá nhân và người có liên quan trong hoạt động tố tụng, thi hành án.',
                },
              ],
            },
            {
              label: '4',
              kind: ClauseKind.SECTION,
              heading: 'Báo Đắc Nông, Đài Phát thanh và Truyền hình tỉnh, các cơ quan thông tin đại chúng trên địa bàn tỉnh',
              text: 'Phối hợp triển khai các biện pháp tổ chức phổ biến, tuyên truyền việc triển khai thực hiện Quy định số 183-QĐ/TW và Kế hoạch này bao đảm phù hợp với từng địa bàn, đối tượng. Kịp thời đưa tin, nêu gương tập thể, cá nhân thực hiện tốt công tác bảo vệ cơ quan, tổ chức, người thi hành công vụ trong hoạt động tố tụng, thi hành án; đồng thời đưa tin, phản ánh kết quả xử lý các tổ chức, cá nhân xâm phạm, đe dọa xâm phạm cơ quan, tổ chức, địa điểm diễn ra các hoạt động tố tụng, thi hành án hoặc bôi nhọ, xúc phạm uy tín của cơ quan, tổ chức, cá nhân và người có liên quan trong hoạt động tố tụng, thi hành án để tạo sức răn đe, giáo dục, phòng ngừa chung.',
            },
            {
              label: '5',
              kind: ClauseKind.SECTION,
              heading: 'Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
              text: 'Chỉ đạo, hướng dẫn các tổ chức thành viên thường xuyên tổ chức rà soát, tham mưu hoàn thiện, nâng cao hiệu quả công tác giám sát của cơ quan và đại biểu dân cử, Ủy ban Mặt trận Tổ quốc, các tổ chức chính trị - xã hội, Nhân dân đối với công tác bảo vệ cơ quan, tổ chức có thẩm quyền, người thi hành công vụ trong hoạt động tố tụng, thi hành án theo Quy định số 183-QĐ/TW.',
            },
            {
              label: '6',
              kind: ClauseKind.SECTION,
              heading: 'Các Sở, Ban, ngành, đoàn thể, UBND các huyện, thành phố',
              text: '',
              children: [
                {
                  label: '6.1',
                  kind: ClauseKind.ITEM,
                  text: 'Tập trung lãnh đạo, chỉ đạo và tổ chức triển khai thực hiện nghiêm túc, hiệu quả các nhiệm vụ được giao tại Mục 2, Phần II Kế hoạch này theo quy định của Đảng, pháp luật của Nhà nước và phù hợp chức năng, nhiệm vụ của Cơ quan, đơn vị, địa phương; rà soát, cụ thể hóa các quy định thuộc phạm vi, thẩm quyền về công tác bảo vệ cơ quan, tổ chức có thẩm quyền, người thi hành công vụ trong hoạt động tố tụng, thi hành án theo Quy định số 183-QĐ/TW và các quy định khác của Đảng, Nhà nước.',
                },
                {
                  label: '6.2',
                  kind: ClauseKind.ITEM,
                  text: 'Nâng cao nhận thức, trách nhiệm trong việc bảo vệ an ninh, an toàn trụ sở, tài sản và bảo vệ bí mật thông tin, tài liệu, hoạt động của cơ quan, tổ chức theo quy định; chủ động phòng ngừa, thực hiện các biện pháp tự bảo vệ an ninh, an toàn cho cơ quan, tổ chức và người thi hành công vụ; chủ động phối hợp, cung cấp kịp thời, đầy đủ, trung thực cho cơ quan có thẩm quyền về thông tin, tài liệu, căn cứ xác định việc cơ quan, tổ chức bị xâm phạm; tuân thủ nghiêm yêu cầu của cơ quan, người có thẩm quyền quyết định áp dụng biện pháp bảo vệ; phối hợp với lực lượng bảo vệ chuyên trách trong việc thực hiện các biện pháp bảo vệ.',
                },
              ],
            },
          ],
        },
        {
          label: 'III',
          kind: ClauseKind.PART,
          heading: 'TỔ CHỨC THỰC HIỆN',
          text: '',
          children: [
            {
              label: '1',
              kind: ClauseKind.SECTION,
              text: 'Căn cứ chức năng, nhiệm vụ và nội dung Kế hoạch này, Thủ trưởng các cơ quan, đơn vị, địa phương khẩn trương chỉ đạo xây dựng văn bản triển khai thực hiện Quy định số 183-QĐ/TW bảo đảm theo quy định của Đảng, pháp luật của Nhà nước và tình hình thực tế tại cơ quan, đơn vị, địa phương. Phân công và có lộ trình cụ thể đối với việc thực hiện các nhiệm vụ; đánh giá được kết quả thực hiện và định kỳ tổ chức sơ kết, tổng kết, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Công an tỉnh) để chỉ đạo.',
            },
            {
              label: '2',
              kind: ClauseKind.SECTION,
              text: 'Giao Công an tỉnh chủ trì, phối hợp Văn phòng UBND tỉnh, các cơ quan, đơn vị liên quan theo dõi, đôn đốc, kiểm tra, hướng dẫn việc thực hiện Kế hoạch này; định kỳ tham mưu sơ kết, tổng kết, báo cáo Ủy ban nhân dân tỉnh theo quy định.',
            },
          ],
        },
      ],
    },
    {
      key: 'kh-197-tu',
      kind: DocumentKind.PLAN,
      symbol: '197-KH/TU',
      title:
        'Thực hiện Quy định số 183-QĐ/TW ngày 18/9/2024 của Bộ Chính trị về bảo vệ cơ quan, tổ chức, người thi hành công vụ trong hoạt động điều tra, truy tố, xét xử, thi hành án',
      issuedOn: '2024-11-27',
      issuerKey: 'tinh-uy',
      status: DocumentStatus.IN_EFFECT,
      referenced: true,
    },
    {
      key: 'qd-183-tw',
      kind: DocumentKind.REGULATION,
      symbol: '183-QĐ/TW',
      title: 'Về bảo vệ cơ quan, tổ chức, người thi hành công vụ trong hoạt động điều tra, truy tố, xét xử, thi hành án',
      issuedOn: '2024-09-18',
      issuerKey: 'bo-chinh-tri',
      status: DocumentStatus.IN_EFFECT,
      referenced: true,
    },
  ],

  relations: [
    {
      fromKey: PLAN,
      toKey: 'kh-197-tu',
      type: RelationType.IMPLEMENTS,
      citingClausePath: 'preamble',
      citationText: 'Thực hiện Kế hoạch số 197-KH/TU ngày 27/11/2024 của Tỉnh ủy',
    },
    {
      // Known from this plan's preamble; 197-KH/TU itself has no clauses here to cite from.
      fromKey: 'kh-197-tu',
      toKey: 'qd-183-tw',
      type: RelationType.IMPLEMENTS,
      citationText: 'Kế hoạch số 197-KH/TU ngày 27/11/2024 của Tỉnh ủy về thực hiện Quy định số 183-QĐ/TW ngày 18/9/2024 của Bộ Chính trị',
    },
    {
      // The plan reaches 183-QĐ/TW through 197-KH/TU; the direct mention is a citation, not a second lineage.
      fromKey: PLAN,
      toKey: 'qd-183-tw',
      type: RelationType.CITES,
      citingClausePath: 'preamble',
      citationText: 'Quy định số 183-QĐ/TW ngày 18/9/2024 của Bộ Chính trị',
    },
  ],

  tasks: [
    {
      documentKey: PLAN,
      clausePath: 'II.1',
      title: 'Tổ chức quán triệt, tuyên truyền, giáo dục, phổ biến và triển khai thực hiện nghiêm Quy định số 183-QĐ/TW',
      description:
        'Tổ chức quán triệt, tuyên truyền, giáo dục, phổ biến và triển khai thực hiện nghiêm Quy định số 183-QĐ/TW bằng các hình thức phù hợp; tạo sự chuyển biến tích cực trong nhận thức, trách nhiệm của cán bộ, đảng viên, công chức, viên chức và Nhân dân về ý thức chấp hành nghiêm các chủ trương, chính sách, quy định của Đảng, pháp luật của Nhà nước; tôn trọng, bảo vệ cơ quan, tổ chức, người thi hành công vụ trong hoạt động tố tụng, thi hành án.',
      kind: TaskKind.ACTION,
      recurrence: Recurrence.NONE,
      assignments: [{ agencyKey: HEADS, role: AssignmentRole.LEAD }],
    },
    {
      documentKey: PLAN,
      clausePath: 'II.2.1',
      title: 'Chỉ đạo cụ thể hóa và tổ chức thực hiện các nội dung tại Quy định số 183-QĐ/TW',
      description:
        'Chỉ đạo cụ thể hóa và tổ chức thực hiện bảo đảm nghiêm túc, chặt chẽ, thống nhất các nội dung tại Quy định số 183-QĐ/TW phù hợp với tình hình thực tế tại cơ quan, đơn vị, địa phương.',
      kind: TaskKind.ACTION,
      recurrence: Recurrence.NONE,
      assignments: [{ agencyKey: HEADS, role: AssignmentRole.LEAD, inherited: true }],
    },
    {
      documentKey: PLAN,
      clausePath: 'II.2.2',
      title: 'Rà soát, đề xuất sửa đổi, bổ sung quy chế làm việc, các quy định, quy trình nghiệp vụ, quy tắc ứng xử',
      description:
        'Thường xuyên rà soát, nghiên cứu, đề xuất cấp có thẩm quyền sửa đổi, bổ sung quy chế làm việc, các quy định, quy trình nghiệp vụ, chuẩn mực đạo đức, quy tắc ứng xử của cơ quan, tổ chức có thẩm quyền trong hoạt động tố tụng, thi hành án; bảo đảm tính khách quan, công tâm của điều tra viên, kiểm sát viên, thẩm phán, chấp hành viên và người có thẩm quyền khác trong hoạt động tố tụng, thi hành án.',
      kind: TaskKind.ACTION,
      recurrence: Recurrence.NONE,
      duePhrase: 'Thường xuyên',
      assignments: [{ agencyKey: HEADS, role: AssignmentRole.LEAD, inherited: true }],
    },
    {
      documentKey: PLAN,
      clausePath: 'II.2.3',
      title: 'Tổ chức kiểm tra, giám sát việc triển khai, thực hiện Quy định số 183-QĐ/TW',
      description:
        'Thường xuyên tổ chức kiểm tra, giám sát việc triển khai, thực hiện Quy định số 183-QĐ/TW, như: Công tác lãnh đạo, chỉ đạo, công tác tổ chức thực hiện bảo vệ cơ quan, tổ chức có thẩm quyền, người thi hành công vụ trong hoạt động tố tụng, thi hành án để kịp thời phát hiện, chấn chỉnh, xử lý các vi phạm, khuyết điểm, nâng cao hiệu quả công tác bảo vệ cơ quan, tổ chức có thẩm quyền, người thi hành công vụ trong hoạt động tố tụng, thi hành án.',
      kind: TaskKind.MONITORING,
      recurrence: Recurrence.NONE,
      duePhrase: 'Thường xuyên',
      assignments: [{ agencyKey: HEADS, role: AssignmentRole.LEAD, inherited: true }],
    },
    {
      documentKey: PLAN,
      clausePath: 'II.2.4',
      title: 'Củng cố, kiện toàn tổ chức bộ máy, xây dựng lực lượng bảo vệ chuyên nghiệp, chuyên trách',
      description:
        'Củng cố, kiện toàn tổ chức bộ máy, xây dựng lực lượng bảo vệ chuyên nghiệp, chuyên trách; tăng cường cơ sở vật chất, trang thiết bị nghiệp vụ, vũ khí, công cụ hỗ trợ phục vụ công tác bảo vệ theo quy định của pháp luật; tổ chức huấn luyện kỹ năng, biện pháp phòng vệ cho lực lượng bảo vệ chuyên trách của các cơ quan, tổ chức có thẩm quyền trong hoạt động tố tụng, thi hành án theo đúng quy định của Đảng, pháp luật của Nhà nước.',
      kind: TaskKind.ACTION,
      recurrence: Recurrence.NONE,
      assignments: [{ agencyKey: HEADS, role: AssignmentRole.LEAD, inherited: true }],
    },
    {
      documentKey: PLAN,
      clausePath: 'II.2.5',
      title: 'Tiếp nhận, giải quyết các yêu cầu, đề nghị áp dụng biện pháp bảo vệ của cơ quan, tổ chức, người thi hành công vụ',
      description:
        'Tiếp nhận, giải quyết nhanh chóng, kịp thời, đúng quy định đối với các yêu cầu, đề nghị áp dụng biện pháp bảo vệ của cơ quan, tổ chức, người thi hành công vụ; các khiếu nại, tố cáo, kiến nghị, phản ánh, báo cáo, tố giác, đề nghị xem lại các quyết định liên quan đến vị trí công tác, việc làm của người thi hành công vụ trong hoạt động tố tụng, thi hành án. Đồng thời, yêu cầu các cơ quan có thẩm quyền, trách nhiệm bảo vệ chủ động nắm sát tình hình, dự báo chính xác các tình huống có thể xảy ra; kịp thời cảnh báo, có biện pháp phòng ngừa, ngăn chặn các hành vi lôi kéo, dụ dỗ, mua chuộc, bôi nhọ, vu cáo, vu khống, xúc phạm danh dự, nhân phẩm hoặc tấn công, đe dọa xâm phạm người thi hành công vụ và người thân của người thi hành công vụ trong hoạt động tố tụng, thi hành án; tiến hành xác minh, xây dựng chương trình, kế hoạch, phương án bảo vệ và thực hiện các biện pháp bảo vệ phù hợp theo Quy định số 183-QĐ/TW và các quy định khác của pháp luật.\n\nTrường hợp vụ việc có tính chất phức tạp, cần sự tham gia của nhiều cơ quan, tổ chức khác nhau, thì cơ quan có thẩm quyền quyết định áp dụng biện pháp bảo vệ chủ trì, phối hợp với các cơ quan, tổ chức có liên quan tổ chức thực hiện các biện pháp bảo vệ; kịp thời giải quyết các khó khăn, vướng mắc phát sinh trong quá trình bảo vệ.',
      kind: TaskKind.ACTION,
      recurrence: Recurrence.NONE,
      assignments: [{ agencyKey: HEADS, role: AssignmentRole.LEAD, inherited: true }],
    },
    {
      documentKey: PLAN,
      clausePath: 'II.2.6',
      title: 'Phát hiện, xử lý, kiến nghị xử lý kịp thời, nghiêm minh những hành vi bị nghiêm cấm',
      description:
        'Phát hiện, xử lý, kiến nghị xử lý kịp thời, nghiêm minh những hành vi bị nghiêm cấm đối với cơ quan, tổ chức, người thi hành công vụ trong hoạt động tố tụng, thi hành án. Nâng cao công tác phối hợp giữa các cơ quan chức năng trong thực hiện các biện pháp bảo vệ. Bảo vệ, khen thưởng kịp thời người phát hiện, phản ánh, báo cáo, tố cáo, tố giác, báo tin, cung cấp thông tin về những hành vi vi phạm, xâm phạm đến cơ quan, tổ chức, người thi hành công vụ trong hoạt động tố tụng, thi hành án.',
      kind: TaskKind.ACTION,
      recurrence: Recurrence.NONE,
      assignments: [{ agencyKey: HEADS, role: AssignmentRole.LEAD, inherited: true }],
    },
    {
      documentKey: PLAN,
      clausePath: 'II.2.7',
      title: 'Chủ động các biện pháp phòng ngừa, ngăn chặn các hành vi xâm phạm người thi hành công vụ và người thân',
      description:
        'Chủ động các biện pháp phòng ngừa, ngăn chặn các hành vi xâm phạm uy tín, danh dự, nhân phẩm, bí mật, an toàn thông tin, dữ liệu cá nhân và vị trí công tác; bảo vệ tính mạng, sức khỏe, tài sản và các quyền, lợi ích hợp pháp khác của người thi hành công vụ và người thân của người thi hành công vụ trong hoạt động tố tụng, thi hành án; quan tâm bảo vệ người thi hành công vụ trong hoạt động tố tụng, thi hành án đề xuất đổi mới, năng động, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung theo quy định của Đảng, pháp luật của Nhà nước.',
      kind: TaskKind.ACTION,
      recurrence: Recurrence.NONE,
      assignments: [{ agencyKey: HEADS, role: AssignmentRole.LEAD, inherited: true }],
    },
    {
      documentKey: PLAN,
      clausePath: 'II.3.1',
      title: 'Tổ chức triển khai thực hiện các nhiệm vụ được giao tại Mục 2, Phần II Kế hoạch này',
      description:
        'Tập trung lãnh đạo, chỉ đạo và tổ chức triển khai thực hiện nghiêm, hiệu quả các nhiệm vụ được giao tại Mục 2, Phần II Kế hoạch này theo quy định của Đảng, pháp luật của Nhà nước và phù hợp với chức năng, nhiệm vụ được giao; nghiên cứu, tham mưu, đề xuất xây dựng, hoàn thiện các quy chế, quy định, quy trình nghiệp vụ để ngăn ngừa có hiệu quả mọi tác động tiêu cực, không trong sáng vào hoạt động tố tụng, thi hành án; tăng cường công tác tự kiểm tra, giám sát, nắm tình hình để kịp thời triển khai các biện pháp phát hiện, xử lý, kiến nghị xử lý các hành vi vi phạm, xâm phạm cơ quan, tổ chức có thẩm quyền, người thi hành công vụ trong hoạt động tố tụng, thi hành án.',
      kind: TaskKind.ACTION,
      recurrence: Recurrence.NONE,
      assignments: JUSTICE_BODIES.map((agencyKey) => ({ agencyKey, role: AssignmentRole.LEAD, inherited: true })),
    },
    {
      documentKey: PLAN,
      clausePath: 'II.3.2',
      title: 'Tổ chức quán triệt, phổ biến các nguyên tắc, nội dung, biện pháp bảo vệ cơ quan, tổ chức, người thi hành công vụ',
      description:
        'Tổ chức quán triệt, phổ biến các nguyên tắc, hành vi vi phạm, xâm phạm, nội dung, biện pháp bảo vệ cơ quan, tổ chức, người thi hành công vụ trong hoạt động tố tụng, thi hành án; các biện pháp phòng ngừa rủi ro, loại trừ, miễn giảm trách nhiệm; trách nhiệm của cấp ủy đảng, thủ trưởng cơ quan, đơn vị và người được bảo vệ trong hoạt động tố tụng, thi hành án theo Quy định số 183-QĐ/TW và các quy định khác của Đảng, Nhà nước.',
      kind: TaskKind.ACTION,
      recurrence: Recurrence.NONE,
      assignments: JUSTICE_BODIES.map((agencyKey) => ({ agencyKey, role: AssignmentRole.LEAD, inherited: true })),
    },
    {
      documentKey: PLAN,
      clausePath: 'II.3.3',
      title: 'Bố trí lực lượng canh gác, bảo vệ an toàn trụ sở, tài sản, hồ sơ, cơ sở giam giữ, kho bảo quản vật chứng',
      description:
        'Bố trí lực lượng vũ trang canh gác hoặc lực lượng chuyên trách canh gác, bảo vệ và triển khai các biện pháp nghiệp vụ bảo vệ an toàn trụ sở và các tài sản, hồ sơ, tài liệu, phương tiện, trang thiết bị làm việc của cơ quan, tổ chức có thẩm quyền trong hoạt động tố tụng, thi hành án và các cơ sở giam giữ, các kho bảo quản vật chứng, tài liệu, đồ vật, tài sản có liên quan đến vụ án, vụ việc.',
      kind: TaskKind.ACTION,
      recurrence: Recurrence.NONE,
      assignments: JUSTICE_BODIES.map((agencyKey) => ({ agencyKey, role: AssignmentRole.LEAD, inherited: true })),
    },
    {
      documentKey: PLAN,
      clausePath: 'II.3.4',
      title: 'Bố trí lực lượng bảo vệ, xây dựng phương án bảo vệ các hoạt động tố tụng, thi hành án ngoài trụ sở',
      description:
        'Đối với các địa điểm diễn ra các hoạt động tố tụng, thi hành án ở bên ngoài trụ sở cơ quan, tổ chức có thẩm quyền trong hoạt động tố tụng, thi hành án thì tùy trường hợp cụ thể, được bố trí lực lượng bảo vệ và các biện pháp bảo vệ theo quy định.\n\nĐối với việc tổ chức các phiên tòa lưu động, phiên tòa xét xử các vụ án hình sự có mức độ nguy hiểm cao (các vụ án nghiêm trọng, đặc nghiêm trọng, phức tạp liên quan đến an ninh, trật tự, tín ngưỡng, tôn giáo, dân tộc, khiếu kiện đông người, liên quan đến tội phạm khủng bố, tội phạm có tổ chức, tội phạm ma túy, tội phạm xâm phạm an ninh quốc gia, tội phạm tham nhũng, chức vụ) hoặc việc tổ chức cưỡng chế thi hành án; việc áp giải các đối tượng phạm tội đặc biệt nguy hiểm, thì cơ quan, đơn vị có thẩm quyền phải xây dựng phương án bảo vệ, bố trí lực lượng bảo vệ, triển khai thực hiện các biện pháp bảo vệ tuyệt đối an toàn cho các hoạt động này.',
      kind: TaskKind.ACTION,
      recurrence: Recurrence.NONE,
      assignments: JUSTICE_BODIES.map((agencyKey) => ({ agencyKey, role: AssignmentRole.LEAD, inherited: true })),
    },
    {
      documentKey: PLAN,
      clausePath: 'II.3.5',
      title: 'Phối hợp triển khai các biện pháp bảo vệ cần thiết để ngăn chặn, chấm dứt các hành vi xâm phạm, đe dọa xâm phạm',
      description:
        'Phối hợp triển khai các biện pháp bảo vệ cần thiết để ngăn chặn, chấm dứt các hành vi xâm phạm, đe dọa xâm phạm; buộc khắc phục hậu quả, cải chính, gỡ bỏ, xin lỗi công khai; xem xét, truy cứu trách nhiệm, xử lý nghiêm các tổ chức, cá nhân có liên quan xâm phạm, đe dọa xâm phạm cơ quan, tổ chức, địa điểm diễn ra các hoạt động tố tụng, thi hành án hoặc bôi nhọ, xúc phạm uy tín của cơ quan, tổ chức, cá nhân và người có liên quan trong hoạt động tố tụng, thi hành án.',
      kind: TaskKind.ACTION,
      recurrence: Recurrence.NONE,
      assignments: JUSTICE_BODIES.map((agencyKey) => ({ agencyKey, role: AssignmentRole.LEAD, inherited: true })),
    },
    {
      documentKey: PLAN,
      clausePath: 'II.4',
      title: 'Phổ biến, tuyên truyền việc triển khai thực hiện Quy định số 183-QĐ/TW và Kế hoạch này',
      description:
        'Phối hợp triển khai các biện pháp tổ chức phổ biến, tuyên truyền việc triển khai thực hiện Quy định số 183-QĐ/TW và Kế hoạch này bao đảm phù hợp với từng địa bàn, đối tượng. Kịp thời đưa tin, nêu gương tập thể, cá nhân thực hiện tốt công tác bảo vệ cơ quan, tổ chức, người thi hành công vụ trong hoạt động tố tụng, thi hành án; đồng thời đưa tin, phản ánh kết quả xử lý các tổ chức, cá nhân xâm phạm, đe dọa xâm phạm cơ quan, tổ chức, địa điểm diễn ra các hoạt động tố tụng, thi hành án hoặc bôi nhọ, xúc phạm uy tín của cơ quan, tổ chức, cá nhân và người có liên quan trong hoạt động tố tụng, thi hành án để tạo sức răn đe, giáo dục, phòng ngừa chung.',
      kind: TaskKind.ACTION,
      recurrence: Recurrence.NONE,
      assignments: [
        { agencyKey: 'bao-dak-nong', role: AssignmentRole.LEAD },
        { agencyKey: 'dai-ptth-tinh', role: AssignmentRole.LEAD },
        { agencyKey: 'co-quan-thong-tin-dai-chung', role: AssignmentRole.LEAD },
      ],
    },
    {
      documentKey: PLAN,
      clausePath: 'II.5',
      title: 'Chỉ đạo, hướng dẫn các tổ chức thành viên nâng cao hiệu quả công tác giám sát đối với công tác bảo vệ',
      description:
        'Chỉ đạo, hướng dẫn các tổ chức thành viên thường xuyên tổ chức rà soát, tham mưu hoàn thiện, nâng cao hiệu quả công tác giám sát của cơ quan và đại biểu dân cử, Ủy ban Mặt trận Tổ quốc, các tổ chức chính trị - xã hội, Nhân dân đối với công tác bảo vệ cơ quan, tổ chức có thẩm quyền, người thi hành công vụ trong hoạt động tố tụng, thi hành án theo Quy định số 183-QĐ/TW.',
      kind: TaskKind.ACTION,
      recurrence: Recurrence.NONE,
      duePhrase: 'thường xuyên',
      assignments: [{ agencyKey: 'ubmttq-tinh', role: AssignmentRole.LEAD, requested: true }],
    },
    {
      documentKey: PLAN,
      clausePath: 'II.6.1',
      title: 'Triển khai thực hiện các nhiệm vụ được giao tại Mục 2, Phần II; rà soát, cụ thể hóa các quy định về công tác bảo vệ',
      description:
        'Tập trung lãnh đạo, chỉ đạo và tổ chức triển khai thực hiện nghiêm túc, hiệu quả các nhiệm vụ được giao tại Mục 2, Phần II Kế hoạch này theo quy định của Đảng, pháp luật của Nhà nước và phù hợp chức năng, nhiệm vụ của Cơ quan, đơn vị, địa phương; rà soát, cụ thể hóa các quy định thuộc phạm vi, thẩm quyền về công tác bảo vệ cơ quan, tổ chức có thẩm quyền, người thi hành công vụ trong hoạt động tố tụng, thi hành án theo Quy định số 183-QĐ/TW và các quy định khác của Đảng, Nhà nước.',
      kind: TaskKind.ACTION,
      recurrence: Recurrence.NONE,
      assignments: SECTION_6_GROUPS.map((agencyKey) => ({ agencyKey, role: AssignmentRole.LEAD, inherited: true })),
    },
    {
      documentKey: PLAN,
      clausePath: 'II.6.2',
      title: 'Bảo vệ an ninh, an toàn trụ sở, tài sản, bí mật thông tin; phối hợp với lực lượng bảo vệ chuyên trách',
      description:
        'Nâng cao nhận thức, trách nhiệm trong việc bảo vệ an ninh, an toàn trụ sở, tài sản và bảo vệ bí mật thông tin, tài liệu, hoạt động của cơ quan, tổ chức theo quy định; chủ động phòng ngừa, thực hiện các biện pháp tự bảo vệ an ninh, an toàn cho cơ quan, tổ chức và người thi hành công vụ; chủ động phối hợp, cung cấp kịp thời, đầy đủ, trung thực cho cơ quan có thẩm quyền về thông tin, tài liệu, căn cứ xác định việc cơ quan, tổ chức bị xâm phạm; tuân thủ nghiêm yêu cầu của cơ quan, người có thẩm quyền quyết định áp dụng biện pháp bảo vệ; phối hợp với lực lượng bảo vệ chuyên trách trong việc thực hiện các biện pháp bảo vệ.',
      kind: TaskKind.ACTION,
      recurrence: Recurrence.NONE,
      assignments: SECTION_6_GROUPS.map((agencyKey) => ({ agencyKey, role: AssignmentRole.LEAD, inherited: true })),
    },
    {
      documentKey: PLAN,
      clausePath: 'III.1',
      title: 'Xây dựng văn bản triển khai thực hiện Quy định số 183-QĐ/TW',
      description:
        'Căn cứ chức năng, nhiệm vụ và nội dung Kế hoạch này, Thủ trưởng các cơ quan, đơn vị, địa phương khẩn trương chỉ đạo xây dựng văn bản triển khai thực hiện Quy định số 183-QĐ/TW bảo đảm theo quy định của Đảng, pháp luật của Nhà nước và tình hình thực tế tại cơ quan, đơn vị, địa phương.',
      kind: TaskKind.ACTION,
      recurrence: Recurrence.NONE,
      duePhrase: 'khẩn trương',
      assignments: [{ agencyKey: HEADS, role: AssignmentRole.LEAD }],
    },
    {
      documentKey: PLAN,
      clausePath: 'III.1',
      title: 'Định kỳ sơ kết, tổng kết, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Công an tỉnh)',
      description:
        'Phân công và có lộ trình cụ thể đối với việc thực hiện các nhiệm vụ; đánh giá được kết quả thực hiện và định kỳ tổ chức sơ kết, tổng kết, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Công an tỉnh) để chỉ đạo.',
      kind: TaskKind.REPORTING,
      recurrence: Recurrence.NONE,
      duePhrase: 'định kỳ',
      assignments: [{ agencyKey: HEADS, role: AssignmentRole.LEAD }],
    },
    {
      documentKey: PLAN,
      clausePath: 'III.2',
      title: 'Theo dõi, đôn đốc, kiểm tra, hướng dẫn việc thực hiện Kế hoạch này',
      description:
        'Giao Công an tỉnh chủ trì, phối hợp Văn phòng UBND tỉnh, các cơ quan, đơn vị liên quan theo dõi, đôn đốc, kiểm tra, hướng dẫn việc thực hiện Kế hoạch này',
      kind: TaskKind.MONITORING,
      recurrence: Recurrence.NONE,
      assignments: [
        { agencyKey: POLICE, role: AssignmentRole.LEAD },
        { agencyKey: 'vp-ubnd-tinh', role: AssignmentRole.COORDINATOR },
        { agencyKey: 'co-quan-don-vi-lien-quan', role: AssignmentRole.COORDINATOR },
      ],
    },
    {
      documentKey: PLAN,
      clausePath: 'III.2',
      title: 'Định kỳ tham mưu sơ kết, tổng kết, báo cáo Ủy ban nhân dân tỉnh',
      description: 'định kỳ tham mưu sơ kết, tổng kết, báo cáo Ủy ban nhân dân tỉnh theo quy định.',
      kind: TaskKind.REPORTING,
      recurrence: Recurrence.NONE,
      duePhrase: 'định kỳ',
      assignments: [{ agencyKey: POLICE, role: AssignmentRole.LEAD }],
    },
  ],
};
