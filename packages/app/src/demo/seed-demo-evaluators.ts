import { count } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { AppDeps } from '../deps.ts';
import { createEvaluatorAdmission } from '../valuation/create-evaluator-admission.ts';
import { changeEvaluatorStatus } from '../valuation/change-evaluator-status.ts';
import { createExpert } from '../valuation/create-expert.ts';
import { loadDemoActors } from './demo-actors.ts';
import { SeededRandom } from './seeded-random.ts';

/** Expertise areas of the demo pool with the IPC subclasses they cover (trademark and finance experts have none). */
const AREAS: readonly { readonly field: string; readonly ipc: readonly string[] }[] = [
  { field: '新一代信息技术', ipc: ['G06F', 'G06N', 'H04L', 'H04W'] },
  { field: '半导体与集成电路', ipc: ['H01L', 'G11C', 'H03K'] },
  { field: '生物医药', ipc: ['A61K', 'C07D', 'C12N'] },
  { field: '新能源', ipc: ['H01M', 'H02J', 'F03D'] },
  { field: '高端装备与机器人', ipc: ['B25J', 'B23K', 'G05B'] },
  { field: '新材料', ipc: ['C08L', 'C04B', 'C22C'] },
  { field: '商标与品牌', ipc: [] },
  { field: '资产评估与金融', ipc: [] },
];
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '建国',
  '海涛',
  '晓明',
  '文静',
  '志强',
  '丽华',
  '振宇',
  '慧敏',
  '国栋',
  '雪梅',
  '子健',
  '思远',
];
const UNIVERSITIES = [
  '深圳大学',
  '南方科技大学',
  '哈尔滨工业大学（深圳）',
  '清华大学深圳国际研究生院',
  '北京大学深圳研究生院',
];
const TITLES = ['教授', '研究员', '高级工程师', '专利代理师', '资产评估师', '律师'];

/**
 * 演示评估机构与专家库: each demo evaluation firm applies (two certified valuers, its fields) and the city bureau
 * admits it; then 30 experts join the pool — mostly university staff, some of the association (the two demo
 * expert logins among them), of a bank, of an evaluation firm and of a bank branch, so that draws have conflicts
 * to exclude. Driven through the real use cases (audited). Does nothing when experts exist already.
 */
export async function seedDemoEvaluators(
  deps: AppDeps,
): Promise<{ readonly seeded: boolean; readonly admitted: number; readonly experts: number }> {
  const [existing] = await deps.db.select({ n: count() }).from(tables.experts);
  if ((existing?.n ?? 0) > 0) return { seeded: false, admitted: 0, experts: 0 };
  const actors = await loadDemoActors(deps.db, 'demo-seed');
  const bureau = actors.byLogin('bureau.city');
  const random = new SeededRandom(`${deps.demoSeed}:experts`);

  let admitted = 0;
  for (let n = 1; n <= 5; n += 1) {
    const firm = actors.byLogin(`evaluator${n}`);
    const application = await createEvaluatorAdmission(
      {
        licenceNumber: `深财资备〔20${18 + n}〕${String(100 + n * 7).padStart(4, '0')}号`,
        certifiedValuers: [1, 2, 3].map((k) => ({
          name: `${random.pick(SURNAMES)}${random.pick(GIVEN)}`,
          certificateNumber: `4400${String(random.int(1000, 9999))}${k}`,
        })),
        fields: n % 2 === 0 ? ['专利', '商标', '著作权'] : ['专利', '集成电路布图设计'],
        documents: [
          `营业执照 DEMO-${n}-01`,
          `资产评估机构备案公告 DEMO-${n}-02`,
          `职业责任保险单 DEMO-${n}-03`,
        ],
      },
      firm,
      deps,
    );
    await changeEvaluatorStatus(
      {
        id: application.id,
        action: 'admit',
        reason: '资质齐全，准予入库',
        feeShares:
          n === 1
            ? { enterpriseBps: 5000, bankBps: 3000, subsidyBps: 2000 }
            : { enterpriseBps: 3000, bankBps: 2000, subsidyBps: 5000 },
      },
      bureau,
      deps,
    );
    admitted += 1;
  }

  const association = actors.byLogin('expert1');
  const expertLogins = [actors.byLogin('expert1'), actors.byLogin('expert2')];
  const bankHeadOffice = actors.byLogin('bank02.hq').organisationId;
  const bankSubBranch = actors.byLogin('bank01.clerk').organisationId;
  const firm1 = actors.byLogin('evaluator1').organisationId;
  let experts = 0;
  for (let i = 0; i < 30; i += 1) {
    const area = AREAS[i % AREAS.length]!;
    const second = random.chance(0.3) ? AREAS[random.int(0, 5)]! : undefined;
    const affiliation =
      i < 2
        ? {
            affiliationOrganisationId: association.organisationId,
            affiliationName: '深圳市知识产权金融协会（演示）',
          }
        : i === 2
          ? { affiliationOrganisationId: bankHeadOffice, affiliationName: '银行总行（演示）' }
          : i === 3
            ? { affiliationOrganisationId: bankSubBranch, affiliationName: '银行南山科技支行（演示）' }
            : i === 4
              ? { affiliationOrganisationId: firm1, affiliationName: '中衡资产评估有限公司（演示）' }
              : { affiliationName: random.pick(UNIVERSITIES) };
    await createExpert(
      {
        name: `${random.pick(SURNAMES)}${random.pick(GIVEN)}`,
        title: random.pick(TITLES),
        fields: second === undefined || second === area ? [area.field] : [area.field, second.field],
        ipcExpertise: [...area.ipc, ...(second?.ipc.slice(0, 1) ?? [])],
        ...affiliation,
        ...(i < 2 ? { userId: expertLogins[i]!.userId } : {}),
      },
      bureau,
      deps,
    );
    experts += 1;
  }
  return { seeded: true, admitted, experts };
}
