import { FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Drawer, Input, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatDateTime } from '../format/format-date-time.ts';
import { formatMoney } from '../format/format-money.ts';
import { useSession } from '../session/use-session.ts';
import { whitelistPushApi, type ReverseEvaluationView, type ReverseReport } from './whitelist-push-api.ts';
import { reverseConsentScopeLabel, whitelistPushFlagsLabel } from './whitelist-push-labels.ts';

/**
 * 反向评估 (issue 10 item 6): a bank submits its applicants' USCCs (it must hold each one's valid consent) and
 * reads the platform's report per enterprise, citable by its number; the bureau sees every request.
 */
export function ReverseEvaluationPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const session = useSession().data;
  const canRequest = session?.role === 'bank_clerk' || session?.role === 'bank_approver';
  const [usccText, setUsccText] = useState('');
  const [note, setNote] = useState('');
  const [reading, setReading] = useState<ReverseReport | null>(null);
  const requests = useQuery({
    queryKey: ['reverse-evaluations'],
    queryFn: ({ signal }) => whitelistPushApi.reverseEvaluations(signal),
  });
  const usccs = [
    ...new Set(
      usccText
        .split(/[\s,，;；]+/)
        .map((u) => u.trim().toUpperCase())
        .filter((u) => u !== ''),
    ),
  ];
  const create = useMutation({
    mutationFn: () => whitelistPushApi.requestReverseEvaluation(usccs, note.trim()),
    onSuccess: (created) => {
      void message.success(t('whitelistPush.reverseCreated', { number: created.requestNumber }));
      setUsccText('');
      setNote('');
      void queryClient.invalidateQueries({ queryKey: ['reverse-evaluations'] });
    },
  });
  return (
    <>
      <PageHeader title={t('whitelistPush.reverseTitle')} subtitle={t('whitelistPush.reverseSubtitle')} />
      {canRequest && (
        <Card size="small" title={t('whitelistPush.reverseRequest')} style={{ marginBottom: 16 }}>
          {create.error && <ProblemAlert error={create.error} />}
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              rows={3}
              value={usccText}
              placeholder={t('whitelistPush.usccPlaceholder')}
              onChange={(e) => setUsccText(e.target.value)}
            />
            <Input
              value={note}
              maxLength={500}
              placeholder={t('whitelistPush.notePlaceholder')}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button
              type="primary"
              disabled={usccs.length === 0}
              loading={create.isPending}
              onClick={() => create.mutate()}
            >
              {t('whitelistPush.reverseSubmit', { count: usccs.length })}
            </Button>
          </Space>
        </Card>
      )}
      {requests.error && <ProblemAlert error={requests.error} onRetry={() => void requests.refetch()} />}
      <Table<ReverseEvaluationView>
        rowKey="id"
        size="small"
        loading={requests.isLoading}
        dataSource={requests.data ?? []}
        locale={{ emptyText: t('whitelistPush.noReverse') }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('whitelistPush.requestNumber'), dataIndex: 'requestNumber', key: 'number' },
          {
            title: t('whitelistPush.bankUnit'),
            key: 'unit',
            render: (_, r) => (language === 'en' ? r.bankUnitNameEn : r.bankUnitNameZh),
          },
          {
            title: t('whitelistPush.requestedAt'),
            key: 'at',
            render: (_, r) => formatDateTime(r.requestedAt, language),
          },
          {
            title: t('whitelistPush.reports'),
            key: 'reports',
            render: (_, r) => (
              <Space wrap>
                {r.reports.map((report) => (
                  <Button key={report.id} size="small" type="link" onClick={() => setReading(report)}>
                    {report.content.enterprise.name}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {reading && <ReportDrawer report={reading} onClose={() => setReading(null)} />}
    </>
  );
}

function ReportDrawer(props: { report: ReverseReport; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { content } = props.report;
  return (
    <Drawer
      open
      width={720}
      title={`${t('whitelistPush.reportTitle')} ${props.report.reportNumber}`}
      onClose={props.onClose}
      extra={
        <Button icon={<FilePdfOutlined />} href={whitelistPushApi.reportPdfUrl(props.report.id)}>
          {t('whitelistPush.downloadPdf')}
        </Button>
      }
    >
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('whitelistPush.enterprise')}>{content.enterprise.name}</Descriptions.Item>
        <Descriptions.Item label="USCC">{content.enterprise.uscc}</Descriptions.Item>
        <Descriptions.Item label={t('whitelistPush.asOfDate')}>{props.report.asOfDate}</Descriptions.Item>
        <Descriptions.Item label={t('whitelistPush.consentUsed')}>
          {`${reverseConsentScopeLabel(content.consent.scope, t)} · ${t('whitelistPush.validUntil')} ${content.consent.expiresOn}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('whitelistPush.valuation')}>
          {content.valuation === null
            ? t('whitelistPush.noValuation')
            : `${content.valuation.number} · ${formatMoney(content.valuation.valueYuan)} · ${t('whitelistPush.pledgeValue')} ${formatMoney(content.valuation.pledgeValueYuan)} · ${t('whitelistPush.score')} ${content.valuation.score ?? '—'} · ${content.valuation.valuationDate}–${content.valuation.validUntil}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('whitelistPush.ipRecord')}>
          {t('whitelistPush.ipRecordText', content.ipRecord)}
        </Descriptions.Item>
        <Descriptions.Item label={t('whitelistPush.overdueCount')}>{content.overdueCount}</Descriptions.Item>
        <Descriptions.Item label={t('whitelistPush.riskFlags')}>
          {content.riskFlags.length === 0 ? (
            <Tag color="green">{t('whitelistPush.noRiskFlags')}</Tag>
          ) : (
            <Space wrap>
              {content.riskFlags.map((f) => (
                <Tag key={f} color="red">
                  {whitelistPushFlagsLabel(f, t)}
                </Tag>
              ))}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('whitelistPush.healthRisks')}
      </Typography.Title>
      <List
        size="small"
        dataSource={content.healthRisks}
        locale={{ emptyText: t('whitelistPush.noHealthRisks') }}
        renderItem={(item) => <List.Item>{en ? item.en : item.zh}</List.Item>}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('whitelistPush.citeHint', { number: props.report.reportNumber })}
      </Typography.Paragraph>
    </Drawer>
  );
}
