import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, List, Popconfirm, Space, Tag, Typography } from 'antd';
import type { PledgeRegistration, RegistrationItem } from '@ipf/contracts';
import type { Static } from '@sinclair/typebox';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../api/api-request.ts';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatMoney } from '../format/format-money.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';

type Registration = Static<typeof PledgeRegistration>;
type Item = Static<typeof RegistrationItem>;

/** The few facts of the case this panel reads (same query as the case page, so one request serves both). */
interface CaseFacts {
  readonly id: string;
  readonly state: string;
  readonly version: number;
}

const registrationUrl = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/registrations`;
const post = <T,>(path: string, body: unknown) => apiRequest<T>(path, { method: 'POST', body });

/** 质押登记 API: the server applies the case's visibility and the pledgee-side rule. */
const registrationApi = {
  find: (caseId: string) => apiRequest<Registration[]>(registrationUrl(caseId)),
  submit: (caseId: string, version: number | undefined) =>
    post<Registration[]>(registrationUrl(caseId), version === undefined ? {} : { version }),
  correct: (id: string) => post<Registration>(`/registrations/${encodeURIComponent(id)}/correction`, {}),
  cancel: (id: string) =>
    post<Registration>(`/registrations/${encodeURIComponent(id)}/cancellation`, { reason: 'debt_performed' }),
};

const STATE_COLOURS: Record<string, string> = {
  submitted: 'processing',
  correction_requested: 'warning',
  registered: 'success',
  refused: 'error',
  cancelled: 'default',
};

function regulationLabel(regulation: string, t: TFunction): string {
  switch (regulation) {
    case 'patent_pledge_measures_2021':
      return t('registration.regulation.patent_pledge_measures_2021');
    case 'trademark_pledge_rules_2020':
      return t('registration.regulation.trademark_pledge_rules_2020');
    case 'copyright_pledge_measures_2010':
      return t('registration.regulation.copyright_pledge_measures_2010');
    case 'civil_code_2020':
      return t('registration.regulation.civil_code_2020');
    default:
      return regulation;
  }
}

function ItemList({ items, grounds }: { items: readonly Item[]; grounds: boolean }) {
  const { t } = useTranslation();
  const english = currentLanguage() === 'en';
  return (
    <List
      size="small"
      dataSource={[...items]}
      renderItem={(item) => (
        <List.Item>
          <Space orientation="vertical" size={0}>
            <Typography.Text>{english ? item.messageEn : item.messageZh}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <Typography.Text code>{item.code}</Typography.Text>
              {grounds && item.regulation !== null && (
                <>
                  {' · '}
                  {regulationLabel(item.regulation, t)}
                  {item.groundItem !== null && ` ${t('registration.groundItem', { item: item.groundItem })}`}
                </>
              )}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

interface RegistrationCardProps {
  readonly registration: Registration;
  readonly canAct: boolean;
  /** 债务已履行: only a closed case may have its pledge cancelled on that ground (the server refuses otherwise). */
  readonly debtPerformed: boolean;
  readonly onChanged: () => void;
}

function RegistrationCard({ registration: r, canAct, debtPerformed, onChanged }: RegistrationCardProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const english = currentLanguage() === 'en';
  const correct = useMutation({
    mutationFn: () => registrationApi.correct(r.id),
    onSuccess: (updated) => {
      void message.success(
        t('registration.corrected', { state: english ? updated.stateEn : updated.stateZh }),
      );
      onChanged();
    },
  });
  const cancel = useMutation({
    mutationFn: () => registrationApi.cancel(r.id),
    onSuccess: () => {
      void message.success(t('registration.cancelledDone'));
      onChanged();
    },
  });
  const notice = r.notice as { titleZh?: string; titleEn?: string } | null;
  const dash = '—';

  return (
    <Card
      size="small"
      type="inner"
      title={
        <Space wrap>
          <Typography.Text strong>{english ? r.authorityEn : r.authorityZh}</Typography.Text>
          <Tag color={STATE_COLOURS[r.state] ?? 'default'}>{english ? r.stateEn : r.stateZh}</Tag>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('registration.applicationNumber')}>
            {r.applicationNumber}
          </Descriptions.Item>
          <Descriptions.Item label={t('registration.registrationNumber')}>
            {r.registrationNumber === null ? (
              dash
            ) : (
              <Typography.Text copyable data-testid="registration-number">
                {r.registrationNumber}
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('registration.securedAmount')}>
            {formatMoney(r.securedAmountYuan)}
          </Descriptions.Item>
          <Descriptions.Item label={t('registration.filingDate')}>{r.filingDate}</Descriptions.Item>
          <Descriptions.Item label={t('registration.dueDate')}>{r.dueDate}</Descriptions.Item>
          <Descriptions.Item label={t('registration.decisionDate')}>
            {r.decisionDate ?? dash}
          </Descriptions.Item>
          <Descriptions.Item label={t('registration.workingDays')}>
            {r.workingDaysToDecision === null
              ? dash
              : t('registration.workingDaysValue', { count: r.workingDaysToDecision })}
            {r.withinTimeLimit === false && (
              <Tag color="error" style={{ marginLeft: 8 }}>
                {t('registration.overdue')}
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('registration.periodEndDate')}>
            {r.periodEndDate ?? dash}
          </Descriptions.Item>
          <Descriptions.Item label={t('registration.channel')}>
            {r.channel === 'online' ? t('registration.online') : t('registration.offline')}
          </Descriptions.Item>
          {notice !== null && (
            <Descriptions.Item label={t('registration.notice')}>
              {english ? notice.titleEn : notice.titleZh}
            </Descriptions.Item>
          )}
        </Descriptions>
        {r.refusalGrounds.length > 0 && (
          <>
            <Typography.Text strong type="danger">
              {t('registration.refusalGrounds')}
            </Typography.Text>
            <ItemList items={r.refusalGrounds} grounds />
          </>
        )}
        {r.missingMaterials.length > 0 && (
          <>
            <Typography.Text strong type="warning">
              {t('registration.missingMaterials')}
            </Typography.Text>
            <ItemList items={r.missingMaterials} grounds={false} />
          </>
        )}
        {canAct && r.state === 'correction_requested' && (
          <Popconfirm
            title={t('registration.correctConfirm')}
            okText={t('registration.correct')}
            cancelText={t('common.cancel')}
            onConfirm={() => correct.mutate()}
          >
            <Button type="primary" loading={correct.isPending}>
              {t('registration.correct')}
            </Button>
          </Popconfirm>
        )}
        {canAct && debtPerformed && r.state === 'registered' && (
          <Popconfirm
            title={t('registration.cancelConfirm')}
            okText={t('registration.cancel')}
            cancelText={t('common.cancel')}
            onConfirm={() => cancel.mutate()}
          >
            <Button danger loading={cancel.isPending}>
              {t('registration.cancel')}
            </Button>
          </Popconfirm>
        )}
        {correct.isError && <ProblemAlert error={correct.error} />}
        {cancel.isError && <ProblemAlert error={cancel.error} />}
      </Space>
    </Card>
  );
}

/**
 * 质押登记 (pledge registration) of the case page: every filing with its state, application and registration
 * numbers, due date and working days, the notice, refusal grounds with their regulation's item, and the materials a
 * 补正 asks for; for the pledgee's side (bank clerk, or the guarantor under 反担保) 提交质押登记, 提交补正 and 申请注销.
 */
export function CaseRegistrationPanel({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const session = useSession().data ?? null;
  const canRead = hasPermission(session, 'registration.read');
  const canAct = hasPermission(session, 'registration.submit');
  const caseFacts = useQuery({
    queryKey: ['cases', 'detail', caseId],
    queryFn: () => apiRequest<CaseFacts>(`/cases/${encodeURIComponent(caseId)}`),
  });
  const registrations = useQuery({
    queryKey: ['cases', 'registrations', caseId],
    queryFn: () => registrationApi.find(caseId),
    enabled: canRead,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['cases', 'registrations', caseId] });
    onChanged();
  };
  const submit = useMutation({
    mutationFn: () => registrationApi.submit(caseId, caseFacts.data?.version),
    onSuccess: (filed) => {
      const latest = filed[filed.length - 1];
      void message.success(
        t('registration.submitted', {
          state: latest === undefined ? '' : currentLanguage() === 'en' ? latest.stateEn : latest.stateZh,
        }),
      );
      refresh();
    },
  });

  if (!canRead) return null;
  if (registrations.isError)
    return <ProblemAlert error={registrations.error} onRetry={() => void registrations.refetch()} />;
  const state = caseFacts.data?.state;
  const canSubmit = canAct && (state === 'contracted' || state === 'registration_refused');
  const list = registrations.data ?? [];
  if (list.length === 0 && !canSubmit) return null;

  return (
    <Card
      data-testid="case-registration"
      title={t('registration.title')}
      size="small"
      loading={registrations.isPending}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        {list.length === 0 ? (
          <Typography.Text type="secondary">{t('registration.none')}</Typography.Text>
        ) : (
          [...list]
            .reverse()
            .map((r) => (
              <RegistrationCard
                key={r.id}
                registration={r}
                canAct={canAct}
                debtPerformed={state === 'closed'}
                onChanged={refresh}
              />
            ))
        )}
        {canSubmit && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('registration.submitHint')}
            </Typography.Paragraph>
            <Popconfirm
              title={t('registration.submitConfirm')}
              okText={t('registration.submit')}
              cancelText={t('common.cancel')}
              onConfirm={() => submit.mutate()}
            >
              <Button type="primary" loading={submit.isPending}>
                {t('registration.submit')}
              </Button>
            </Popconfirm>
            {submit.isError && <ProblemAlert error={submit.error} />}
          </Space>
        )}
      </Space>
    </Card>
  );
}
