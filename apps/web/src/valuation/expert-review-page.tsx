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
  Radio,
  Select,
  Space,
  Table,
  Tag,
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
  conflictReasonLabel,
  reviewOutcomeColor,
  reviewOutcomeLabel,
  reviewStateLabel,
} from './evaluator-labels.ts';
import { evaluatorsApi, expertReviewsApi, type ExpertReview } from './evaluators-api.ts';

type Outcome = 'confirmed' | 'adjusted' | 'rejected';
type Member = ExpertReview['members'][number];
const outcomes: Outcome[] = ['confirmed', 'adjusted', 'rejected'];
const yuanPattern = /^\d{1,15}\.\d{2}$/;

/** An outcome with, for "adjusted", the adjusted value and a text: an expert's opinion or the conclusion. */
function OutcomeModal(props: {
  title: string;
  textLabel: string;
  textRequired: boolean;
  onSubmit: (values: { outcome: Outcome; adjustedValueYuan?: string; text: string }) => Promise<unknown>;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [outcome, setOutcome] = useState<Outcome>('confirmed');
  const [value, setValue] = useState('');
  const [text, setText] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      props.onSubmit({
        outcome,
        ...(outcome === 'adjusted' ? { adjustedValueYuan: value.trim() } : {}),
        text: text.trim(),
      }),
    onSuccess: () => {
      void message.success(t('expertReviews.saved'));
      props.onDone();
    },
  });
  return (
    <Modal
      open
      title={props.title}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => mutation.mutate()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {mutation.error !== null && <ProblemAlert error={mutation.error} />}
      <Form layout="vertical">
        <Form.Item label={t('expertReviews.outcome')} required>
          <Radio.Group
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as Outcome)}
            options={outcomes.map((o) => ({ value: o, label: reviewOutcomeLabel(o, t) }))}
          />
        </Form.Item>
        {outcome === 'adjusted' && (
          <Form.Item
            label={t('expertReviews.adjustedValue')}
            required
            validateStatus={value === '' || yuanPattern.test(value) ? '' : 'error'}
            help={t('expertReviews.yuanHelp')}
          >
            <Input id="adjusted-value" value={value} onChange={(e) => setValue(e.target.value.trim())} />
          </Form.Item>
        )}
        <Form.Item label={props.textLabel} required={props.textRequired}>
          <Input.TextArea
            id="outcome-text"
            rows={4}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 抽取验证: the draw re-run on the server from the published seed and the recorded candidate list. */
function DrawVerification({ review }: { review: ExpertReview }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const check = useQuery({
    queryKey: ['expert-draw-verification', review.id],
    queryFn: ({ signal }) => expertReviewsApi.verify(review.id, signal),
    enabled: open,
  });
  const names = new Map(review.members.map((m) => [m.expertId, m.expertName]));
  if (!open)
    return (
      <Button onClick={() => setOpen(true)} disabled={review.seed === null}>
        {t('expertReviews.verify')}
      </Button>
    );
  if (check.isError) return <ProblemAlert error={check.error} onRetry={() => void check.refetch()} />;
  if (check.data === undefined)
    return <Typography.Text type="secondary">{t('expertReviews.verifying')}</Typography.Text>;
  const v = check.data;
  const passed = v.commitmentMatches && v.sameExperts;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type={passed ? 'success' : 'error'}
        showIcon
        title={passed ? t('expertReviews.verifyPassed') : t('expertReviews.verifyFailed')}
        description={
          <>
            <div>
              {t('expertReviews.commitmentMatches')}：{v.commitmentMatches ? '✓' : '✗'}
            </div>
            <div>
              {t('expertReviews.sameExperts')}：{v.sameExperts ? '✓' : '✗'}（
              {v.recomputedExpertIds.map((expertId) => names.get(expertId) ?? expertId).join('、')}）
            </div>
            <div>
              {t('expertReviews.candidates')}：{v.candidates.length} · {t('expertReviews.excluded')}：
              {v.excluded.length}
            </div>
          </>
        }
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('expertReviews.verifyHow')}
      </Typography.Paragraph>
      {v.excluded.length > 0 && (
        <Table
          size="small"
          rowKey="expertId"
          pagination={{ pageSize: 5 }}
          title={() => t('expertReviews.excludedList')}
          dataSource={v.excluded}
          columns={[
            {
              title: t('expertReviews.expertId'),
              dataIndex: 'expertId',
              render: (expertId: string) => <Typography.Text code>{expertId.slice(0, 8)}</Typography.Text>,
            },
            {
              title: t('expertReviews.conflictReasons'),
              key: 'reasons',
              render: (_, e) => e.reasons.map((r) => <Tag key={r}>{conflictReasonLabel(r, t)}</Tag>),
            },
          ]}
        />
      )}
    </Space>
  );
}

/** 复核详情 drawer: commitment and seed, drawn experts with opinions, draw, opinions and conclusion. */
function ReviewDrawer(props: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useSession().data;
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const canManage = hasPermission(session, 'expert_review.manage');
  const canRecord = hasPermission(session, 'expert_review.opinion');
  const [opinionFor, setOpinionFor] = useState<Member | null>(null);
  const [concluding, setConcluding] = useState(false);
  const detail = useQuery({
    queryKey: ['expert-review', props.id],
    queryFn: ({ signal }) => expertReviewsApi.get(props.id, signal),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['expert-review'] });
    void queryClient.invalidateQueries({ queryKey: ['expert-reviews'] });
  };
  const draw = useMutation({
    mutationFn: (review: ExpertReview) => expertReviewsApi.draw(review),
    onSuccess: () => {
      void message.success(t('expertReviews.drawn'));
      refresh();
    },
  });
  const r = detail.data;
  const columns: TableColumnsType<Member> = [
    { title: t('expertReviews.drawOrder'), dataIndex: 'drawOrder', key: 'order', width: 60 },
    {
      title: t('expertReviews.expertName'),
      key: 'name',
      render: (_, m) => (
        <Space orientation="vertical" size={0}>
          <span>{m.expertName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.affiliationName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('expertReviews.opinion'),
      key: 'opinion',
      render: (_, m) =>
        m.opinionOutcome === null ? (
          <Typography.Text type="secondary">{t('expertReviews.noOpinion')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={0}>
            <span>
              <Tag color={reviewOutcomeColor[m.opinionOutcome] ?? 'default'}>
                {reviewOutcomeLabel(m.opinionOutcome, t)}
              </Tag>
              {m.opinionAdjustedValueYuan !== null && formatMoney(m.opinionAdjustedValueYuan)}
            </span>
            <Typography.Text type="secondary">{m.opinion}</Typography.Text>
          </Space>
        ),
    },
    ...(canRecord && r?.state === 'drawn'
      ? [
          {
            title: t('expertReviews.actions'),
            key: 'actions',
            width: 110,
            render: (_: unknown, m: Member) => (
              <Button size="small" onClick={() => setOpinionFor(m)}>
                {t('expertReviews.recordOpinion')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Drawer open width={760} title={r?.reviewNumber ?? t('expertReviews.detail')} onClose={props.onClose}>
      {detail.isError && <ProblemAlert error={detail.error} onRetry={() => void detail.refetch()} />}
      {draw.error !== null && <ProblemAlert error={draw.error} />}
      {r !== undefined && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered styles={{ label: { width: 150 } }}>
            <Descriptions.Item label={t('expertReviews.state')}>
              <Tag>{reviewStateLabel(r.state, t)}</Tag>
              {r.outcome !== null && (
                <Tag color={reviewOutcomeColor[r.outcome] ?? 'default'}>
                  {reviewOutcomeLabel(r.outcome, t)}
                </Tag>
              )}
              {r.adjustedValueYuan !== null && formatMoney(r.adjustedValueYuan)}
            </Descriptions.Item>
            {r.conclusionReason !== null && (
              <Descriptions.Item label={t('expertReviews.conclusionReason')}>
                {r.conclusionReason}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('expertReviews.case')}>{r.caseNumber}</Descriptions.Item>
            <Descriptions.Item label={t('expertReviews.evaluator')}>{r.evaluatorName}</Descriptions.Item>
            <Descriptions.Item label={t('expertReviews.reportedValue')}>
              {formatMoney(r.reportedValueYuan)}
            </Descriptions.Item>
            <Descriptions.Item label={t('expertReviews.expertCount')}>
              {r.expertCount}
              {r.requiredIpcPrefixes.length > 0 && ` · IPC ${r.requiredIpcPrefixes.join(', ')}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('expertReviews.commitment')}>
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {r.hashAlgorithm.toUpperCase()}: {r.seedCommitment}
              </Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('expertReviews.commitmentHelp')} {formatDateTime(r.createdAt, language)}
                </Typography.Text>
              </div>
            </Descriptions.Item>
            <Descriptions.Item label={t('expertReviews.seed')}>
              {r.seed === null ? (
                <Typography.Text type="secondary">{t('expertReviews.seedHidden')}</Typography.Text>
              ) : (
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                  {r.seed}
                </Typography.Text>
              )}
            </Descriptions.Item>
          </Descriptions>
          {r.state === 'committed' && canManage && (
            <Button type="primary" loading={draw.isPending} onClick={() => draw.mutate(r)}>
              {t('expertReviews.draw')}
            </Button>
          )}
          {r.state !== 'committed' && (
            <Card size="small" title={t('expertReviews.members')}>
              <Table<Member>
                size="small"
                rowKey="id"
                pagination={false}
                columns={columns}
                dataSource={r.members}
              />
              {r.state === 'drawn' && canManage && (
                <Button type="primary" style={{ marginTop: 12 }} onClick={() => setConcluding(true)}>
                  {t('expertReviews.conclude')}
                </Button>
              )}
            </Card>
          )}
          {r.state !== 'committed' && (
            <Card size="small" title={t('expertReviews.verifyTitle')}>
              <DrawVerification review={r} />
            </Card>
          )}
        </Space>
      )}
      {r !== undefined && opinionFor !== null && (
        <OutcomeModal
          title={`${t('expertReviews.recordOpinion')} · ${opinionFor.expertName}`}
          textLabel={t('expertReviews.opinion')}
          textRequired
          onSubmit={(v) =>
            expertReviewsApi.recordOpinion(r.id, {
              expertId: opinionFor.expertId,
              outcome: v.outcome,
              opinion: v.text,
              ...(v.adjustedValueYuan === undefined ? {} : { adjustedValueYuan: v.adjustedValueYuan }),
            })
          }
          onClose={() => setOpinionFor(null)}
          onDone={() => {
            setOpinionFor(null);
            refresh();
          }}
        />
      )}
      {r !== undefined && concluding && (
        <OutcomeModal
          title={t('expertReviews.conclude')}
          textLabel={t('expertReviews.conclusionReason')}
          textRequired={false}
          onSubmit={(v) =>
            expertReviewsApi.conclude(r.id, {
              outcome: v.outcome,
              version: r.version,
              ...(v.text === '' ? {} : { reason: v.text }),
              ...(v.adjustedValueYuan === undefined ? {} : { adjustedValueYuan: v.adjustedValueYuan }),
            })
          }
          onClose={() => setConcluding(false)}
          onDone={() => {
            setConcluding(false);
            refresh();
          }}
        />
      )}
    </Drawer>
  );
}

/** 发起复核: the case number, the admitted firm, the reported value, how many experts and an optional IPC filter. */
function CreateReviewModal(props: { onClose: () => void; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    caseNumber: string;
    evaluatorOrganisationId: string;
    reportedValueYuan: string;
    expertCount: number;
    ipc?: string;
  }>();
  const firms = useQuery({
    queryKey: ['evaluators', 'admitted-options'],
    queryFn: ({ signal }) => evaluatorsApi.find({ state: 'admitted', pageSize: 200 }, signal),
  });
  const mutation = useMutation({
    mutationFn: (values: {
      caseNumber: string;
      evaluatorOrganisationId: string;
      reportedValueYuan: string;
      expertCount: number;
      ipc?: string;
    }) =>
      expertReviewsApi.create({
        caseNumber: values.caseNumber.trim(),
        evaluatorOrganisationId: values.evaluatorOrganisationId,
        reportedValueYuan: values.reportedValueYuan.trim(),
        expertCount: values.expertCount,
        requiredIpcPrefixes: (values.ipc ?? '')
          .split(/[,，、;；]+/)
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      }),
    onSuccess: (review) => props.onDone(review.id),
  });
  return (
    <Modal
      open
      title={t('expertReviews.create')}
      okText={t('expertReviews.createAndCommit')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {mutation.error !== null && <ProblemAlert error={mutation.error} />}
      <Typography.Paragraph type="secondary">{t('expertReviews.createHelp')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ expertCount: 5 }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item name="caseNumber" label={t('expertReviews.caseNumber')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="evaluatorOrganisationId"
          label={t('expertReviews.evaluator')}
          rules={[{ required: true }]}
        >
          <Select
            loading={firms.isPending}
            options={(firms.data?.items ?? []).map((f) => ({
              value: f.organisationId,
              label: f.organisationName,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reportedValueYuan"
          label={t('expertReviews.reportedValue')}
          extra={t('expertReviews.yuanHelp')}
          rules={[{ required: true, pattern: yuanPattern, message: t('expertReviews.yuanHelp') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="expertCount" label={t('expertReviews.expertCount')} rules={[{ required: true }]}>
          <InputNumber min={1} max={15} precision={0} />
        </Form.Item>
        <Form.Item
          name="ipc"
          label={t('expertReviews.requiredIpc')}
          extra={t('expertReviews.requiredIpcHelp')}
        >
          <Input placeholder="G06F" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 复核认定 (expert review, issue 7 item 7): the reviews the user may see; the bureau opens one (publishing the
 * hash of a secret seed), draws the experts (conflicts excluded, seed revealed), records opinions and the
 * conclusion; anyone may re-run the draw from the published seed.
 */
export function ExpertReviewPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useSession().data;
  const params = useListSearchParams();
  const queryClient = useQueryClient();
  const state = params.text('state');
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const canManage = hasPermission(session, 'expert_review.manage');
  const list = useQuery({
    queryKey: ['expert-reviews', state, params.page, params.pageSize],
    queryFn: ({ signal }) =>
      expertReviewsApi.find({ state, page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<ExpertReview> = [
    {
      title: t('expertReviews.number'),
      key: 'number',
      render: (_, r) => (
        <Button type="link" style={{ padding: 0, fontFamily: 'monospace' }} onClick={() => setOpenId(r.id)}>
          {r.reviewNumber}
        </Button>
      ),
    },
    { title: t('expertReviews.case'), dataIndex: 'caseNumber', key: 'case' },
    { title: t('expertReviews.evaluator'), dataIndex: 'evaluatorName', key: 'evaluator' },
    {
      title: t('expertReviews.reportedValue'),
      key: 'value',
      align: 'right',
      render: (_, r) => formatMoney(r.reportedValueYuan),
    },
    {
      title: t('expertReviews.state'),
      key: 'state',
      render: (_, r) => (
        <Space size={4}>
          <Tag>{reviewStateLabel(r.state, t)}</Tag>
          {r.outcome !== null && (
            <Tag color={reviewOutcomeColor[r.outcome] ?? 'default'}>{reviewOutcomeLabel(r.outcome, t)}</Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('expertReviews.createdAt'),
      key: 'createdAt',
      render: (_, r) => formatDateTime(r.createdAt, language),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('expertReviews.title')}
        subtitle={t('expertReviews.subtitle')}
        extra={
          canManage ? (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('expertReviews.create')}
            </Button>
          ) : undefined
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<string>
            allowClear
            value={state ?? null}
            placeholder={t('expertReviews.allStates')}
            style={{ width: 160 }}
            options={['committed', 'drawn', 'concluded'].map((s) => ({
              value: s,
              label: reviewStateLabel(s, t),
            }))}
            onChange={(v) => params.setFilters({ state: v })}
          />
        </Space>
        <PagedTable<ExpertReview>
          list={list}
          columns={columns}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          emptyText={t('expertReviews.empty')}
          filtered={state !== undefined}
        />
      </Card>
      {openId !== null && <ReviewDrawer id={openId} onClose={() => setOpenId(null)} />}
      {creating && (
        <CreateReviewModal
          onClose={() => setCreating(false)}
          onDone={(id) => {
            setCreating(false);
            void queryClient.invalidateQueries({ queryKey: ['expert-reviews'] });
            setOpenId(id);
          }}
        />
      )}
    </>
  );
}
