import { Reference } from '@ipf/contracts';
import {
  bankLevels,
  districts,
  industryClusters,
  organisationKinds,
  roles,
  sizeClasses,
} from '@ipf/domain/party';
import type { AppInstance } from '../http/app-instance.ts';
import { problemResponses } from '../http/problem-responses.ts';

const bankLevelLabels = {
  head_office: ['总行', 'Head office'],
  branch: ['分行', 'Branch'],
  sub_branch: ['支行', 'Sub-branch'],
} as const;
const pick = (items: readonly { code: string; zh: string; en: string }[]) =>
  items.map(({ code, zh, en }) => ({ code, zh, en }));

export function registerReferenceRoutes(app: AppInstance): void {
  app.get(
    '/api/reference',
    {
      config: { public: true },
      schema: {
        tags: ['platform'],
        summary: '参考数据：辖区、“20+8”产业集群、企业规模、机构类型、角色',
        response: { 200: Reference, ...problemResponses },
      },
    },
    () => ({
      districts: pick(districts),
      industryClusters: pick(industryClusters),
      sizeClasses: pick(sizeClasses),
      organisationKinds: pick(organisationKinds),
      roles: pick(roles),
      bankLevels: bankLevels.map((code) => ({
        code,
        zh: bankLevelLabels[code][0],
        en: bankLevelLabels[code][1],
      })),
    }),
  );
}
