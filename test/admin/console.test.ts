// An editor's day in the console, in a real chromium against the built console, the real server and PostgreSQL:
// sign in, import a seed through the wizard, open one of its tasks, trace it to 183-QĐ/TW, edit a clause, switch
// language. Screenshots of each main page go to test/screenshots/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { createTestApp, type TestApp } from '../support/test-app';
import { buildConsole, clearFailureScreenshots, type ConsolePage, launchChromium, openConsole, screenshot, signIn } from './browser';

const SEED = readFileSync(join(__dirname, '../../server/demo/seeds/thanh-uy-chi-thi-quy-dinh-183.txt'), 'utf8');

describe('the console, as an editor', () => {
  let app: TestApp;
  let browser: Browser;
  let session: ConsolePage;
  let page: Page;
  /** Where the import landed: /documents/<id>/show. */
  let documentPath: string;

  beforeAll(async () => {
    buildConsole();
    clearFailureScreenshots();
    [app, browser] = await Promise.all([createTestApp({ rateLimitPerMinute: 0, rateLimitPerIpPerMinute: 0 }), launchChromium()]);
    session = await openConsole(browser, app.url);
    page = session.page;
    page.setDefaultTimeout(15_000);
  }, 300_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail')
      await screenshot(page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('signs in, in Vietnamese, and lands on the dashboard', async () => {
    // One task of 19/KH-UBND falls due before the suite's today (2025-03-01): overdue, on the chart of its agencies.
    const { document } = await app.ok(`{ document(symbol: "19/KH-UBND") { clause(path: "II.3.4") { tasks { id version } } } }`);
    const [late] = document.clause.tasks;
    await app.ok(`mutation($input: UpdateTaskInput!) { updateTask(input: $input) { deadlineStatus } }`, {
      input: { id: late.id, version: late.version, dueDate: '2025-02-15' },
    });
    await page.goto('/');
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await screenshot(page, '01-login');
    await signIn(page, 'editor', app.accounts.passwords.editor);
    await page.getByText('Nhiệm vụ theo tình trạng hạn').waitFor();
    await page.locator('.chart-tasks-by-status svg.recharts-surface').waitFor();
    await page.locator('.chart-late-agencies svg.recharts-surface').getByText('CA tỉnh').waitFor();
    await page.getByText('Văn bản mới nhập').waitFor();
    // The statuses come from the API: the chips carry the same numbers the tasks connection counts.
    const overdue = await app.ok(`{ tasks(filter: { deadlineStatus: [OVERDUE] }) { totalCount } }`);
    await page.locator('.status-count-OVERDUE', { hasText: `Quá hạn: ${overdue.tasks.totalCount}` }).waitFor();
    await screenshot(page, '02-dashboard');
  });

  it('finds documents, clauses, tasks and agencies from the search box, without diacritics', async () => {
    await page.locator('input[name="global-search"]').fill('cong an tinh dak nong');
    await page.locator('.search-results').getByRole('link', { name: 'Công an tỉnh Đắk Nông' }).first().waitFor();
    await screenshot(page, '03-dashboard-search');
  });

  it('lists documents with their kind in Vietnamese and dates as dd/mm/yyyy, filtered without diacritics', async () => {
    await page.getByRole('menuitem', { name: 'Văn bản', exact: true }).click();
    const row = page.locator('tr', { hasText: '19/KH-UBND' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('13/01/2025');
    await expect(row.textContent()).resolves.toContain('Kế hoạch');
    await screenshot(page, '04-documents');
    await page.locator('input[name="q"]').fill('bao ve co quan');
    await page.waitForURL(/filter=/);
    await page.locator('td', { hasText: /^183-QĐ\/TW$/ }).waitFor();
  });

  it('imports a seed through the wizard: paste, review, correct, commit, and lands on the new document', async () => {
    await page.getByRole('menuitem', { name: 'Nhập văn bản', exact: true }).click();
    await page.locator('textarea[name="text"]').fill(SEED);
    await screenshot(page, '05-import-paste');
    await page.getByRole('button', { name: 'Đọc văn bản' }).click();
    await page.getByRole('heading', { name: 'Nhiệm vụ đề xuất' }).waitFor();
    await expect(page.locator('input[name="kind"]').inputValue()).resolves.toBe('DIRECTIVE');
    expect(await page.locator('.draft-clause').count()).toBeGreaterThan(5);
    expect(await page.locator('.import-tasks tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, '06-import-review');
    // Correct in place: the title, as the reviewer would fix a misread.
    const title = page.locator('textarea[name="title"]');
    const corrected = `${(await title.inputValue()).trim()} (bản nhập thử)`;
    await title.fill(corrected);
    await page.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await page.waitForURL(/\/documents\/[^/]+\/show$/);
    documentPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: /^Chỉ thị/ }).waitFor();
    await page.locator('.document-title', { hasText: corrected }).waitFor();
    await page.locator('.lineage-up', { hasText: '183-QĐ/TW' }).waitFor();
    await screenshot(page, '07-imported-document');
  });

  it('reads a .pdf chosen from disk into a draft to review, and says the document is already registered', async () => {
    await page.getByRole('menuitem', { name: 'Nhập văn bản', exact: true }).click();
    await page.locator('input[type="file"]').setInputFiles(join(__dirname, '../importer/fixtures/dak-nong-kh-19-2025.pdf'));
    await page.getByText('dak-nong-kh-19-2025.pdf').waitFor();
    await page.getByRole('button', { name: 'Đọc văn bản' }).click();
    await page.getByRole('heading', { name: 'Nhiệm vụ đề xuất' }).waitFor();
    await expect(page.locator('input[name="symbol"]').inputValue()).resolves.toBe('19/KH-UBND');
    await page.getByText('Văn bản 19/KH-UBND đã có trong sổ.').waitFor();
    // Committing over a registered document needs the replace box ticked.
    expect(await page.getByRole('button', { name: 'Ghi vào sổ' }).isDisabled()).toBe(true);
    await screenshot(page, '07-import-pdf-review');
    await page.goto(documentPath);
  });

  it('opens one of its tasks and sees the trace reach 183-QĐ/TW', async () => {
    await page.locator('.clause-task a[href^="/tasks/"]').first().click();
    await page.waitForURL(/\/tasks\/[^/]+\/show$/);
    await page.locator('.task-assignments').waitFor();
    await screenshot(page, '08-task');
    await page.getByRole('link', { name: 'Truy vết căn cứ' }).click();
    await page.waitForURL(/\/trace\/task\//);
    await page.locator('.trace-document', { hasText: '183-QĐ/TW' }).waitFor();
    await page.locator('.trace-step', { hasText: 'Gốc' }).getByText('Quy định 183-QĐ/TW').waitFor();
    await page.locator('.lineage-graph .react-flow__node', { hasText: '183-QĐ/TW' }).waitFor();
    await screenshot(page, '09-trace');
    // Each step is a link: the root document opens.
    await page.locator('.trace-document', { hasText: '183-QĐ/TW' }).click();
    await page.waitForURL(/\/documents\/[^/]+\/show$/);
    await page.locator('.lineage-down', { hasText: '19/KH-UBND' }).waitFor();
  });

  it('shows from a clause what implements it, and marks the sub-clauses nobody implements', async () => {
    const { document } = await app.ok(`{ document(symbol: "19/KH-UBND") { clause(path: "II") { id } } }`);
    await page.goto(`/trace/clause/${encodeURIComponent(document.clause.id)}`);
    await page.locator('.subclause').first().waitFor();
    expect(await page.locator('.subclause .implemented, .subclause .unimplemented').count()).toBe(await page.locator('.subclause').count());
    await screenshot(page, '10-clause-trace');
  });

  it('edits a clause of the imported document and sees the change', async () => {
    await page.goto(documentPath);
    await page.getByRole('button', { name: 'Sửa cấu trúc' }).click();
    const clause = page.locator('.clause').nth(1);
    const path = await clause.getAttribute('data-path');
    await page.getByRole('button', { name: `Sửa điều khoản ${path}`, exact: true }).click();
    const text = page.getByRole('dialog').locator('textarea[name="text"]');
    await text.fill('Nội dung đã sửa trong giao diện quản trị.');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page
      .locator(`.clause[data-path="${path}"] > div .clause-text`, { hasText: 'Nội dung đã sửa trong giao diện quản trị.' })
      .waitFor();
    const id = documentPath.split('/')[2];
    const stored = await app.ok(`query($id: ID!, $path: String!) { document(id: $id) { clause(path: $path) { text } } }`, {
      id: decodeURIComponent(id),
      path,
    });
    expect(stored.document.clause.text).toBe('Nội dung đã sửa trong giao diện quản trị.');
    await screenshot(page, '11-clause-edited');
  });

  it('adds a sub-clause, moves it up, and deletes it with its subtree', async () => {
    await page.goto(documentPath);
    await page.getByRole('button', { name: 'Sửa cấu trúc' }).click();
    // A top-level clause that has sub-clauses already, so the new one has a sibling to move above.
    const parentPath = await page.locator('.clause-tree > .clause:has(.clause)').last().getAttribute('data-path');
    const parent = page.locator(`.clause[data-path="${parentPath}"]`);
    const before = await parent.locator('.clause').count();
    await page.getByRole('button', { name: `Thêm điều khoản con ${parentPath}`, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="label"]').fill('9');
    await dialog.locator('textarea[name="text"]').fill('Điều khoản thêm trong giao diện quản trị.');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    const added = parent.locator('.clause', { hasText: 'Điều khoản thêm trong giao diện quản trị.' });
    await added.waitFor();
    expect(await parent.locator('.clause').count()).toBe(before + 1);
    const addedPath = await added.getAttribute('data-path');
    expect(before).toBeGreaterThan(0);
    await page.getByRole('button', { name: `Lên ${addedPath}`, exact: true }).click();
    await page.getByText('Đã chuyển điều khoản').waitFor();
    // Moved above its last sibling: now the second-to-last sub-clause, once the tree is read again.
    await parent
      .locator(':scope > .clause')
      .nth(before - 1)
      .filter({ hasText: 'Điều khoản thêm trong giao diện quản trị.' })
      .waitFor();
    const movedPath = await parent.locator('.clause', { hasText: 'Điều khoản thêm trong giao diện quản trị.' }).getAttribute('data-path');
    await page.getByRole('button', { name: `Xóa cả nhánh ${movedPath}`, exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await parent.locator('.clause', { hasText: 'Điều khoản thêm trong giao diện quản trị.' }).waitFor({ state: 'detached' });
    expect(await parent.locator('.clause').count()).toBe(before);
  });

  it('says "someone else changed this record — reload" when a clause changed meanwhile', async () => {
    const clause = page.locator('.clause').nth(2);
    const path = (await clause.getAttribute('data-path'))!;
    await page.getByRole('button', { name: `Sửa điều khoản ${path}`, exact: true }).click();
    const id = decodeURIComponent(documentPath.split('/')[2]);
    const { document } = await app.ok(`query($id: ID!, $path: String!) { document(id: $id) { clause(path: $path) { id version } } }`, {
      id,
      path,
    });
    await app.ok(`mutation($input: UpdateClauseInput!) { updateClause(input: $input) { id } }`, {
      input: { id: document.clause.id, version: document.clause.version, text: 'Người khác sửa trước.' },
    });
    await page.getByRole('dialog').locator('textarea[name="text"]').fill('Bản sửa đến sau.');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Bản ghi đã bị người khác thay đổi — hãy tải lại').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
  });

  it('lists tasks with coloured deadline chips, filtered by agency and role', async () => {
    await page.getByRole('menuitem', { name: 'Nhiệm vụ', exact: true }).click();
    await page.locator('[data-status="OVERDUE"]').first().waitFor();
    await screenshot(page, '12-tasks');
    const { agencies } = await app.ok(`{ agencies(filter: { search: "Công an tỉnh Đắk Nông" }, first: 1) { nodes { id } } }`);
    const filter = { agencyId: agencies.nodes[0].id, role: 'LEAD' };
    const { tasks } = await app.ok(`query($filter: TaskFilter) { tasks(filter: $filter) { totalCount } }`, { filter });
    await page.goto(`/tasks?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    await page.getByText(new RegExp(`1–\\d+ / ${tasks.totalCount}$`)).waitFor();
  });

  it("edits a task's deadline through its form, keeping its leads and coordinators", async () => {
    const { document } = await app.ok(
      `{ document(symbol: "19/KH-UBND") { clause(path: "II.5") { tasks { id title assignments { role agency { id } } } } } }`,
    );
    const [task] = document.clause.tasks;
    await page.goto(`/tasks/${encodeURIComponent(task.id)}`);
    await page.locator('.source-clause-text').waitFor();
    await page.locator('input[name="dueDate"]').fill('2025-06-30');
    await page.locator('input[name="duePhrase"]').fill('trước ngày 30/6/2025');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/show$/);
    await page.getByText('30/06/2025').waitFor();
    const { task: saved } = await app.ok(`query($id: ID!) { task(id: $id) { dueDate duePhrase assignments { role agency { id } } } }`, {
      id: task.id,
    });
    expect(saved).toEqual({ dueDate: '2025-06-30', duePhrase: 'trước ngày 30/6/2025', assignments: task.assignments });
    await screenshot(page, '12-task-edited');
  });

  it('submits a report, and returns it to its agency with a comment', async () => {
    const { document } = await app.ok(
      `{ document(symbol: "19/KH-UBND") { clause(path: "II.3.3") { tasks { id assignments { agency { id } } } } } }`,
    );
    const [task] = document.clause.tasks;
    const { createReport } = await app.ok(`mutation($input: CreateReportInput!) { createReport(input: $input) { id } }`, {
      input: {
        taskId: task.id,
        agencyId: task.assignments[0].agency.id,
        kind: 'PERIODIC',
        periodStart: '2025-01-01',
        periodEnd: '2025-03-31',
        text: 'Báo cáo quý I',
      },
    });
    await page.goto(`/reports/${encodeURIComponent(createReport.id)}/show`);
    await page.getByText('Báo cáo quý I').waitFor();
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByRole('button', { name: 'Trả lại' }).click();
    await page.getByRole('dialog').locator('textarea[name="comment"]').fill('Thiếu số liệu tháng 3');
    await page.getByRole('dialog').getByRole('button', { name: 'Trả lại' }).click();
    await page.locator('.review-comment', { hasText: 'Thiếu số liệu tháng 3' }).waitFor();
    await page.locator('.report-transitions li', { hasText: 'Đã gửi → Bị trả lại' }).waitFor();
    const { report } = await app.ok(`query($id: ID!) { report(id: $id) { status reviewComment } }`, { id: createReport.id });
    expect(report).toEqual({ status: 'RETURNED', reviewComment: 'Thiếu số liệu tháng 3' });
    await screenshot(page, '14-report-returned');
  });

  it('shows agencies, reports, users, tokens and the audit trail to an editor', async () => {
    for (const [menu, name, marker] of [
      ['Cơ quan', '13-agencies', 'Công an tỉnh Đắk Nông'],
      ['Báo cáo', '14-reports', 'Định kỳ'],
      ['Người dùng', '15-users', 'auditor'],
      ['Mã truy cập API', '16-api-tokens', 'Demo integrator'],
      ['Nhật ký thay đổi', '17-audit', 'editor'],
    ] as const) {
      await page.getByRole('menuitem', { name: menu, exact: true }).click();
      await page.locator('table').getByText(marker).first().waitFor();
      await screenshot(page, name);
    }
  });

  it('lists the reports reporting duties expect in a range, as many as the API counts', async () => {
    const filter = { from: '2025-01-01', to: '2026-12-31' };
    const { expectedReports } = await app.ok(`query($filter: ExpectedReportFilter!) { expectedReports(filter: $filter) { totalCount } }`, {
      filter,
    });
    await page.getByRole('menuitem', { name: 'Báo cáo phải nộp', exact: true }).click();
    await page.locator('input[name="from"]').waitFor();
    await page.goto(`/expectedReports?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    if (expectedReports.totalCount > 0) await page.getByText(new RegExp(`1–\\d+ / ${expectedReports.totalCount}$`)).waitFor();
    else await page.getByText('Không có Báo cáo phải nộp nào khớp bộ lọc.').waitFor();
    await screenshot(page, '14-expected-reports');
  });

  it('switches to English and back', async () => {
    await page.getByRole('menuitem', { name: 'Tổng quan', exact: true }).click();
    await page.getByRole('button', { name: /Tiếng Việt/i }).click();
    await page.getByRole('menuitem', { name: 'English', exact: true }).click();
    await page.getByText('Tasks by deadline status').waitFor();
    await page.getByRole('menuitem', { name: 'Documents', exact: true }).waitFor();
    await screenshot(page, '18-dashboard-english');
    await page.getByRole('menuitem', { name: 'Documents', exact: true }).click();
    const row = page.locator('tr', { hasText: '19/KH-UBND' });
    await expect(row.textContent()).resolves.toContain('13 Jan 2025');
    await expect(row.textContent()).resolves.toContain('Plan');
    await page.getByRole('button', { name: /English/i }).click();
    await page.getByRole('menuitem', { name: 'Tiếng Việt', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Văn bản', exact: true }).waitFor();
  });

  it('shows each role only the menu it may use', async () => {
    const menus: Record<string, string[]> = {};
    for (const username of ['auditor', 'reporter']) {
      const other = await openConsole(browser, app.url);
      await signIn(other.page, username, app.accounts.passwords[username]);
      await other.page.getByRole('menuitem', { name: 'Văn bản', exact: true }).waitFor();
      menus[username] = await other.page.getByRole('menuitem').allInnerTexts();
      if (username === 'auditor') await screenshot(other.page, '19-auditor-dashboard');
      expect(other.problems).toEqual([]);
      await other.context.close();
    }
    expect(menus.auditor).toContain('Nhật ký thay đổi');
    expect(menus.auditor).not.toContain('Nhập văn bản');
    expect(menus.reporter).toEqual(expect.arrayContaining(['Văn bản', 'Nhiệm vụ', 'Báo cáo', 'Truy vết']));
    for (const hidden of ['Nhập văn bản', 'Người dùng', 'Mã truy cập API', 'Nhật ký thay đổi'])
      expect(menus.reporter).not.toContain(hidden);
  });

  it('lets an administrator create an API token and shows its secret once', async () => {
    const admin = await openConsole(browser, app.url);
    await signIn(admin.page, 'admin', app.accounts.passwords.admin);
    await admin.page.getByRole('menuitem', { name: 'Mã truy cập API', exact: true }).click();
    await admin.page.getByRole('link', { name: 'Tạo mới' }).click();
    await admin.page.locator('input[name="name"]').fill('Cổng dịch vụ công tỉnh');
    await admin.page.getByRole('button', { name: 'Lưu' }).click();
    const secret = (await admin.page.locator('.token-secret').textContent())!.trim();
    expect(secret.length).toBeGreaterThan(20);
    await screenshot(admin.page, '20-api-token-secret');
    // The secret works as a Bearer token, and is not shown again.
    expect(await app.as({ bearer: secret }).ok(`{ documents(first: 1) { totalCount } }`)).toBeTruthy();
    await admin.page.getByRole('link', { name: 'Quay lại' }).click();
    await admin.page.locator('tr', { hasText: 'Cổng dịch vụ công tỉnh' }).waitFor();
    expect(await admin.page.getByText(secret).count()).toBe(0);
    expect(admin.problems).toEqual([]);
    await admin.context.close();
  });

  it('met no script error, CSP violation or missing translation on the way', () => {
    expect(session.problems).toEqual([]);
  });
});
