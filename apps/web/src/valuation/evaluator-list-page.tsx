import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { formatDateTime } from '../format/format-date-time.ts';
import { formatMoney } from '../format/format-money.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import {
  evaluatorActionLabel,
  evaluatorActionsFor,
  evaluatorStateColor,
  evaluatorStateLabel,
} from './evaluator-labels.ts';
import { evaluatorsApi, type Evaluator, type EvaluatorDetail } from './evaluators-api.ts';
import { evaluatorsRealisationKindsLabel } from './valuation-labels.ts';

const states = ['applied', 'admitted', 'suspended', 'removed', 'rejected'];
const splitList = (text: string) =>
  text
    .split(/[,，、\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** 评估费报价: a value in yuan and the fee with its split by the firm's shares. */
function FeeQuote({ evaluator }: { evaluator: Evaluator }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('3000000.00');
  const valid = /^\d{1,15}\.\d{2}$/.test(value);
  const quote = useQuery({
    queryKey: ['evaluator-fee-quote', evaluator.id, value],
    queryFn: ({ signal }) => evaluatorsApi.feeQuote(evaluator.id, value, signal),
    enabled: valid,
  });
  return (
    <Card size="small" title={t('evaluators.feeQuote')}>
      <Space style={{ marginBottom: 8 }}>
        <span>{t('evaluators.valueYuan')}</span>
        <Input
          id="fee-quote-value"
          style={{ width: 180 }}
          value={value}
          status={valid ? '' : 'error'}
          onChange={(e) => setValue(e.target.value.trim())}
        />
      </Space>
      {!valid && <Typography.Paragraph type="danger">{t('evaluators.valueFormat')}</Typography.Paragraph>}
      {quote.isError && <ProblemAlert error={quote.error} />}
      {quote.data !== undefined && (
        <Descriptions size="small" column={1} bordered styles={{ label: { width: 150 } }}>
          <Descriptions.Item label={t('evaluators.fee')}>
            {formatMoney(quote.data.feeYuan)}（{t('evaluators.standard')} {quote.data.standardVersion}）
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluators.enterpriseShare')}>
            {formatMoney(quote.data.enterpriseYuan)}（{quote.data.shares.enterpriseBps / 100}%）
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluators.bankShare')}>
            {formatMoney(quote.data.bankYuan)}（{quote.data.shares.bankBps / 100}%）
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluators.subsidyShare')}>
            {formatMoney(quote.data.subsidyYuan)}（{quote.data.shares.subsidyBps / 100}%）
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluators.bands')}>
            {quote.data.bands.map((b) => (
              <div key={b.upToYuan ?? 'open'}>
                {b.upToYuan === null ? t('evaluators.bandAbove') : `≤ ${formatMoney(b.upToYuan)}`}：
                {(b.ratePerTenThousand / 100).toFixed(2)}%
              </div>
            ))}
            <div>
              {t('evaluators.minimumFee')}：{formatMoney(quote.data.minimumFeeYuan)}
            </div>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

/** The bureau's decision dialog: a reason (required except to admit) and, to admit, the fee sharing. */
function StatusModal(props: {
  evaluator: EvaluatorDetail;
  action: 'admit' | 'reject' | 'suspend' | 'remove' | 'reinstate';
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [shares, setShares] = useState(props.evaluator.feeShares);
  const mutation = useMutation({
    mutationFn: () =>
      evaluatorsApi.changeStatus(props.evaluator.id, {
        action: props.action,
        version: props.evaluator.version,
        ...(reason.trim() === '' ? {} : { reason: reason.trim() }),
        ...(props.action === 'admit' ? { feeShares: shares } : {}),
      }),
    onSuccess: () => {
      void message.success(t('evaluators.statusChanged'));
      props.onDone();
    },
  });
  const share = (key: keyof typeof shares, label: string) => (
    <Form.Item label={label}>
      <InputNumber
        min={0}
        max={100}
        precision={2}
        addonAfter="%"
        value={shares[key] / 100}
        onChange={(v) => setShares({ ...shares, [key]: Math.round((v ?? 0) * 100) })}
      />
    </Form.Item>
  );
  return (
    <Modal
      open
      title={`${evaluatorActionLabel(props.action, t)} · ${props.evaluator.organisationName}`}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => mutation.mutate()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {mutation.error !== null && <ProblemAlert error={mutation.error} />}
      <Form layout="vertical">
        {props.action === 'admit' && (
          <Space wrap>
            {share('enterpriseBps', t('evaluators.enterpriseShare'))}
            {share('bankBps', t('evaluators.bankShare'))}
            {share('subsidyBps', t('evaluators.subsidyShare'))}
          </Space>
        )}
        <Form.Item
          label={t('evaluators.reason')}
          required={props.action !== 'admit'}
          help={props.action === 'admit' ? t('evaluators.reasonOptional') : undefined}
        >
          <Input.TextArea
            id="evaluator-reason"
            rows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 评估机构详情 drawer: qualifications, quality score, fee quote, status history and the bureau's actions. */
function EvaluatorDrawer(props: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useSession().data;
  const queryClient = useQueryClient();
  const canManage = hasPermission(session, 'evaluator.manage');
  const [action, setAction] = useState<'admit' | 'reject' | 'suspend' | 'remove' | 'reinstate' | null>(null);
  const detail = useQuery({
    queryKey: ['evaluator', props.id],
    queryFn: ({ signal }) => evaluatorsApi.get(props.id, signal),
  });
  const e = detail.data;
  return (
    <Drawer open width={720} title={e?.organisationName ?? t('evaluators.detail')} onClose={props.onClose}>
      {detail.isError && <ProblemAlert error={detail.error} onRetry={() => void detail.refetch()} />}
      {e !== undefined && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={evaluatorStateColor[e.state] ?? 'default'}>{evaluatorStateLabel(e.state, t)}</Tag>
            {canManage &&
              evaluatorActionsFor(e.state).map((a) => (
                <Button
                  key={a}
                  size="small"
                  danger={a === 'remove' || a === 'reject'}
                  type={a === 'admit' || a === 'reinstate' ? 'primary' : 'default'}
                  onClick={() => setAction(a)}
                >
                  {evaluatorActionLabel(a, t)}
                </Button>
              ))}
          </Space>
          <Descriptions size="small" column={1} bordered styles={{ label: { width: 150 } }}>
            <Descriptions.Item label={t('evaluators.licenceNumber')}>{e.licenceNumber}</Descriptions.Item>
            <Descriptions.Item label={t('evaluators.fields')}>{e.fields.join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('evaluators.documents')}>
              {e.documents.length === 0 ? '—' : e.documents.join('；')}
            </Descriptions.Item>
            <Descriptions.Item label={t('evaluators.appliedAt')}>
              {formatDateTime(e.appliedAt, language)}
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="certificateNumber"
            pagination={false}
            title={() => t('evaluators.certifiedValuers')}
            dataSource={e.certifiedValuers}
            columns={[
              { title: t('evaluators.valuerName'), dataIndex: 'name' },
              { title: t('evaluators.certificateNumber'), dataIndex: 'certificateNumber' },
            ]}
          />
          <Card size="small" title={t('evaluators.quality')}>
            <Descriptions size="small" column={2}>
              <Descriptions.Item label={t('evaluators.score')}>
                {e.quality.score ?? t('evaluators.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('evaluators.reviewCount')}>
                {e.quality.reviewCount}（{t('expertReviews.outcomes.confirmed')} {e.quality.confirmedCount} ·{' '}
                {t('expertReviews.outcomes.adjusted')} {e.quality.adjustedCount} ·{' '}
                {t('expertReviews.outcomes.rejected')} {e.quality.rejectedCount}）
              </Descriptions.Item>
              <Descriptions.Item label={t('evaluators.deviation')}>
                {e.quality.meanDeviationPct === null
                  ? t('evaluators.none')
                  : `${e.quality.meanDeviationPct}%`}
              </Descriptions.Item>
              <Descriptions.Item label={t('evaluators.realisationCount')}>
                {e.quality.realisationCount}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>
              {t('evaluators.qualityHelp')}
            </Typography.Paragraph>
          </Card>
          <Table
            size="small"
            rowKey={(r) => `${r.kind}-${r.valuationId}-${r.realisedDate}-${r.realisedPriceYuan}`}
            pagination={e.realisations.length > 10 ? { pageSize: 10, size: 'small' } : false}
            title={() => t('evaluators.realisations')}
            locale={{ emptyText: t('evaluators.realisationsEmpty') }}
            dataSource={e.realisations}
            columns={[
              {
                title: t('evaluators.realisationKind'),
                dataIndex: 'kind',
                render: (kind: string) => evaluatorsRealisationKindsLabel(kind, t),
              },
              {
                title: t('evaluators.realisationReport'),
                key: 'report',
                render: (_, r) => (
                  <>
                    <div>{r.reportNumber ?? r.valuationNumber}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.valuationDate} · {r.assetNumbers.join('、')}
                    </Typography.Text>
                  </>
                ),
              },
              {
                title: t('evaluators.reportedValue'),
                key: 'reported',
                align: 'right',
                render: (_, r) => formatMoney(r.reportedValueYuan),
              },
              {
                title: t('evaluators.realisedPrice'),
                key: 'realised',
                align: 'right',
                render: (_, r) => (
                  <>
                    <div>{formatMoney(r.realisedPriceYuan)}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.realisedDate}
                    </Typography.Text>
                  </>
                ),
              },
              {
                title: t('evaluators.deviationPct'),
                dataIndex: 'deviationPct',
                align: 'right',
                render: (pct: string) => `${pct}%`,
              },
            ]}
          />
          <FeeQuote evaluator={e} />
          <Card size="small" title={t('evaluators.history')}>
            <Timeline
              items={e.history.map((h) => ({
                key: `${h.occurredAt}-${h.toState}`,
                children: (
                  <>
                    <div>
                      {h.fromState === null ? '' : `${evaluatorStateLabel(h.fromState, t)} → `}
                      {evaluatorStateLabel(h.toState, t)} · {h.actorName} ·{' '}
                      {formatDateTime(h.occurredAt, language)}
                    </div>
                    {h.reason !== null && <Typography.Text type="secondary">{h.reason}</Typography.Text>}
                  </>
                ),
              }))}
            />
          </Card>
        </Space>
      )}
      {e !== undefined && action !== null && (
        <StatusModal
          evaluator={e}
          action={action}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            void queryClient.invalidateQueries({ queryKey: ['evaluator'] });
            void queryClient.invalidateQueries({ queryKey: ['evaluators'] });
          }}
        />
      )}
    </Drawer>
  );
}

/** 入库申请 form of an evaluation firm. */
function ApplicationModal(props: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    licenceNumber: string;
    valuers: string;
    fields: string;
    documents: string;
  }>();
  const mutation = useMutation({
    mutationFn: (values: { licenceNumber: string; valuers: string; fields: string; documents: string }) =>
      evaluatorsApi.apply({
        licenceNumber: values.licenceNumber.trim(),
        certifiedValuers: values.valuers
          .split('\n')
          .map((line) => line.split(/[,，\s]+/).filter((s) => s !== ''))
          .filter((parts) => parts.length > 0)
          .map(([name = '', certificateNumber = '']) => ({ name, certificateNumber })),
        fields: splitList(values.fields),
        documents: splitList(values.documents ?? ''),
      }),
    onSuccess: () => {
      void message.success(t('evaluators.applied'));
      props.onDone();
    },
  });
  return (
    <Modal
      open
      title={t('evaluators.apply')}
      okText={t('evaluators.submitApplication')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {mutation.error !== null && <ProblemAlert error={mutation.error} />}
      <Form form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
        <Form.Item name="licenceNumber" label={t('evaluators.licenceNumber')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="valuers"
          label={t('evaluators.certifiedValuers')}
          extra={t('evaluators.valuersHelp')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={3} placeholder={'张评 44000123\n李估 44000456'} />
        </Form.Item>
        <Form.Item name="fields" label={t('evaluators.fields')} rules={[{ required: true }]}>
          <Input placeholder={t('evaluators.fieldsPlaceholder')} />
        </Form.Item>
        <Form.Item name="documents" label={t('evaluators.documents')} extra={t('evaluators.documentsHelp')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 评估机构名录 (evaluator registry, issue 7 item 6): the bureau reviews applications and manages admitted firms,
 * banks see the admitted ones, a firm its own admission and its application form. Details in a drawer.
 */
export function EvaluatorListPage() {
  const { t } = useTranslation();
  const session = useSession().data;
  const queryClient = useQueryClient();
  const params = useListSearchParams();
  const state = params.text('state');
  const q = params.text('q');
  const [openId, setOpenId] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);
  const canApply = hasPermission(session, 'evaluator.apply');
  const list = useQuery({
    queryKey: ['evaluators', state, q, params.page, params.pageSize],
    queryFn: ({ signal }) =>
      evaluatorsApi.find({ state, q, page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<Evaluator> = [
    {
      title: t('evaluators.name'),
      key: 'name',
      render: (_, e) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(e.id)}>
          {e.organisationName}
        </Button>
      ),
    },
    { title: t('evaluators.licenceNumber'), dataIndex: 'licenceNumber', key: 'licenceNumber' },
    {
      title: t('evaluators.fields'),
      key: 'fields',
      render: (_, e) => e.fields.map((f) => <Tag key={f}>{f}</Tag>),
    },
    {
      title: t('evaluators.valuerCount'),
      key: 'valuers',
      width: 100,
      render: (_, e) => e.certifiedValuers.length,
    },
    {
      title: t('evaluators.score'),
      key: 'score',
      width: 100,
      render: (_, e) =>
        e.quality.score ?? <Typography.Text type="secondary">{t('evaluators.none')}</Typography.Text>,
    },
    {
      title: t('evaluators.state'),
      key: 'state',
      width: 100,
      render: (_, e) => (
        <Tag color={evaluatorStateColor[e.state] ?? 'default'}>{evaluatorStateLabel(e.state, t)}</Tag>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('evaluators.title')}
        subtitle={t('evaluators.subtitle')}
        extra={
          canApply ? (
            <Button type="primary" onClick={() => setApplying(true)}>
              {t('evaluators.apply')}
            </Button>
          ) : undefined
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('evaluators.internalEvaluationHelp')}
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('evaluators.search')}
            style={{ width: 240 }}
            onSearch={(v) => params.setFilters({ q: v })}
          />
          <Select<string>
            allowClear
            value={state ?? null}
            placeholder={t('evaluators.allStates')}
            style={{ width: 160 }}
            options={states.map((s) => ({ value: s, label: evaluatorStateLabel(s, t) }))}
            onChange={(v) => params.setFilters({ state: v })}
          />
        </Space>
        <PagedTable<Evaluator>
          list={list}
          columns={columns}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          emptyText={canApply ? t('evaluators.emptyOwn') : t('evaluators.empty')}
          filtered={state !== undefined || q !== undefined}
        />
      </Card>
      {openId !== null && <EvaluatorDrawer id={openId} onClose={() => setOpenId(null)} />}
      {applying && (
        <ApplicationModal
          onClose={() => setApplying(false)}
          onDone={() => {
            setApplying(false);
            void queryClient.invalidateQueries({ queryKey: ['evaluators'] });
          }}
        />
      )}
    </>
  );
}
