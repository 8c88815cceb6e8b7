import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  List,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiProblem } from '../api/api-problem.ts';
import { PledgeeCandidateSelect } from '../common/pledgee-candidate-select.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { ipAssetApi } from './ip-asset-api.ts';
import { IpAssetHealthTags } from './ip-asset-health-tags.tsx';
import { ipLabels } from './ip-asset-labels.ts';

/** 知识产权详情: facts, owners, health indicators, status timeline, licences and the pledge eligibility check. */
export function IpAssetDetailPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useSession().data;
  const { id = '' } = useParams();
  const detail = useQuery({
    queryKey: ['ip-assets', 'detail', id],
    queryFn: () => ipAssetApi.get(id),
    enabled: id !== '',
  });
  const check = useMutation({
    mutationFn: (values: { debtMaturityDate: Dayjs; pledgeeOrganisationId?: string }) =>
      ipAssetApi.checkEligibility(id, {
        debtMaturityDate: values.debtMaturityDate.format('YYYY-MM-DD'),
        ...(values.pledgeeOrganisationId ? { pledgeeOrganisationId: values.pledgeeOrganisationId } : {}),
      }),
  });
  const backLink = (
    <Link to="/ip-assets">
      <Button icon={<ArrowLeftOutlined />}>{t('ipAssets.backToList')}</Button>
    </Link>
  );

  if (detail.isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (detail.isError) {
    if (isApiProblem(detail.error, 404))
      return (
        <Result
          status="404"
          title={t('ipAssets.notFoundTitle')}
          subTitle={detail.error.detail}
          extra={backLink}
        />
      );
    return <ProblemAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const a = detail.data;
  const needsPledgee = session?.role === 'enterprise_user';

  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        {backLink}
        {hasPermission(session, 'valuation.list') && (
          <Link to={`/valuations?assetId=${encodeURIComponent(a.id)}`}>
            <Button>{t('valuations.nav')}</Button>
          </Link>
        )}
      </Space>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {a.title}
        </Typography.Title>
        <Space wrap style={{ marginBottom: 16 }}>
          <Tag color={a.legalStatus === 'granted' || a.legalStatus === 'registered' ? 'green' : 'default'}>
            {ipLabels.status(a.legalStatus, language)}
          </Tag>
          {a.flags.map((f) => (
            <Tag key={f}>{ipLabels.flag(f, language)}</Tag>
          ))}
          <IpAssetHealthTags health={a.health} />
        </Space>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'number',
              label: t('ipAssets.number'),
              children: <Typography.Text copyable>{a.number}</Typography.Text>,
            },
            {
              key: 'kind',
              label: t('ipAssets.kind'),
              children: `${ipLabels.kind(a.kind, language)}${a.pctNationalPhase ? ' (PCT)' : ''}`,
            },
            {
              key: 'owners',
              label: t('ipAssets.owners'),
              span: 2,
              children: a.owners.map((o) => `${o.name}（${(o.shareBps / 100).toFixed(2)}%）`).join('；'),
            },
            { key: 'filingDate', label: t('ipAssets.filingDate'), children: a.filingDate ?? '—' },
            { key: 'grantDate', label: t('ipAssets.grantDate'), children: a.grantDate ?? '—' },
            {
              key: 'expiryDate',
              label: t('ipAssets.expiryDate'),
              children:
                a.expiryDate === null
                  ? '—'
                  : `${a.expiryDate}${a.termCompensationDays > 0 ? ` (${t('ipAssets.compensation', { days: a.termCompensationDays })})` : ''}`,
            },
            {
              key: 'fee',
              label: t('ipAssets.annualFeePaidThrough'),
              children: a.annualFeePaidThrough ?? '—',
            },
            {
              key: 'classes',
              label: t('ipAssets.classes'),
              span: 2,
              children: [...a.ipcClasses, ...a.niceClasses.map(String)].join('；') || '—',
            },
          ]}
        />
      </Card>
      <Card title={t('ipAssets.timeline')} style={{ marginTop: 16 }}>
        <Timeline
          items={a.statusHistory.map((e) => ({
            key: e.id,
            color:
              e.flags.length > 0
                ? 'orange'
                : e.legalStatus === 'granted' || e.legalStatus === 'registered'
                  ? 'green'
                  : 'gray',
            content: (
              <div>
                <strong>{e.occurredOn}</strong> {ipLabels.status(e.legalStatus, language)}{' '}
                {e.flags.map((f) => ipLabels.flag(f, language)).join('、')}
                <div style={{ opacity: 0.7 }}>
                  {t('ipAssets.reason')}: {ipLabels.reason(e.reason, language)}
                  {e.note ? ` · ${e.note}` : ''}
                </div>
              </div>
            ),
          }))}
        />
      </Card>
      {a.licences.length > 0 && (
        <Card title={t('ipAssets.licences')} style={{ marginTop: 16 }}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={a.licences}
            columns={[
              { title: t('ipAssets.licensee'), dataIndex: 'licenseeName' },
              { title: t('ipAssets.licenceKind'), dataIndex: 'kind' },
              {
                title: t('ipAssets.licencePeriod'),
                key: 'period',
                render: (_, l) => `${l.startDate} – ${l.endDate}`,
              },
            ]}
          />
        </Card>
      )}
      {hasPermission(session, 'ip_asset.check_eligibility') && (
        <Card title={t('ipAssets.eligibility')} style={{ marginTop: 16 }}>
          <Form
            layout="inline"
            onFinish={(values: { debtMaturityDate: Dayjs; pledgeeOrganisationId?: string }) =>
              check.mutate(values)
            }
          >
            <Form.Item
              name="debtMaturityDate"
              label={t('ipAssets.debtMaturityDate')}
              rules={[{ required: true, message: t('ipAssets.required') }]}
            >
              <DatePicker />
            </Form.Item>
            {needsPledgee && (
              <Form.Item
                name="pledgeeOrganisationId"
                label={t('ipAssets.pledgeeId')}
                rules={[{ required: true, message: t('ipAssets.required') }]}
              >
                <PledgeeCandidateSelect
                  kinds={['bank', 'guarantor']}
                  style={{ width: 360 }}
                  placeholder={t('ipAssets.pledgeeIdPlaceholder')}
                />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={check.isPending}>
              {t('ipAssets.check')}
            </Button>
          </Form>
          <div style={{ marginTop: 16 }}>
            {check.isError && <ProblemAlert error={check.error} />}
            {check.data?.eligible === true && (
              <Alert type="success" showIcon title={t('ipAssets.eligible')} />
            )}
            {check.data?.eligible === false && (
              <List
                header={
                  <Typography.Text strong>
                    {t('ipAssets.notEligible', { count: check.data.reasons.length })}
                  </Typography.Text>
                }
                bordered
                dataSource={check.data.reasons}
                renderItem={(r) => (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <span>{r.message}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.code} · {r.ground.regulation}
                        {r.ground.item === null ? '' : ` (${r.ground.item})`}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </div>
        </Card>
      )}
    </>
  );
}
