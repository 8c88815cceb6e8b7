import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/api-problem.ts';
import type { ProblemItem } from '../api/api-types.ts';
import type { Session } from '../api/api-types.ts';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { applyProblemsToForm } from '../forms/apply-problems-to-form.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { allowedCaseActions, type OriginationAction } from './allowed-case-actions.ts';
import { caseApi, type CaseDetail, type RiskFacts } from './case-api.ts';
import { caseLabels } from './case-labels.ts';
import { parseYuanInput } from './parse-yuan-input.ts';
import { todayInShanghai } from './today-in-shanghai.ts';
import { EvaluatorFirmSelect } from '../valuation/evaluator-firm-select.tsx';
import { ValuationRecordSelect } from '../valuation/valuation-record-select.tsx';

type Values = Record<string, unknown>;

interface ActionSpec {
  /** Form fields that take the server's problems; the others are listed in the alert. */
  readonly fields: readonly string[];
  readonly danger?: boolean;
  readonly initial?: (detail: CaseDetail) => Values;
  readonly form: (detail: CaseDetail, t: TFunction) => ReactNode;
  readonly submit: (detail: CaseDetail, values: Values) => Promise<CaseDetail>;
}

const noteField = (t: (key: string) => string, required = false) => (
  <Form.Item
    name="note"
    label={t('cases.note')}
    rules={required ? [{ required: true, message: t('cases.required') }] : []}
  >
    <Input.TextArea rows={2} maxLength={2000} />
  </Form.Item>
);
const optionalNote = (values: Values) =>
  typeof values['note'] === 'string' && values['note'].trim() !== '' ? { note: values['note'].trim() } : {};
const isoDate = (value: unknown) => (value as Dayjs).format('YYYY-MM-DD');
const yuanOf = (value: unknown) => parseYuanInput(typeof value === 'string' ? value : '')?.yuan ?? '';
const yuanRule = (t: (key: string) => string) => ({
  validator: (_: unknown, value: string | undefined) =>
    value !== undefined && parseYuanInput(value) !== null
      ? Promise.resolve()
      : Promise.reject(new Error(t('cases.amountInvalid'))),
});

/** `王评估、李评估` or `Wang, Li` → the names, in order. */
const splitNames = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split(/[,，、;；\n]+/)
        .map((name) => name.trim())
        .filter((name) => name !== '')
    : [];

const riskFactFields: readonly (keyof RiskFacts)[] = [
  'yearsInOperation',
  'debtToAssetPct',
  'revenueGrowthPct',
  'overdueLoansLast24Months',
  'pendingLitigationCount',
  'grantedInventionPatentCount',
];
const riskFlagFields: readonly (keyof RiskFacts)[] = [
  'hasAdverseCreditRecord',
  'isHighTechEnterprise',
  'isOnWhitelist',
];

function riskFactLabel(fact: keyof RiskFacts, t: (key: string) => string): string {
  switch (fact) {
    case 'yearsInOperation':
      return t('cases.risk.yearsInOperation');
    case 'hasAdverseCreditRecord':
      return t('cases.risk.hasAdverseCreditRecord');
    case 'overdueLoansLast24Months':
      return t('cases.risk.overdueLoansLast24Months');
    case 'debtToAssetPct':
      return t('cases.risk.debtToAssetPct');
    case 'revenueGrowthPct':
      return t('cases.risk.revenueGrowthPct');
    case 'isHighTechEnterprise':
      return t('cases.risk.isHighTechEnterprise');
    case 'isOnWhitelist':
      return t('cases.risk.isOnWhitelist');
    case 'pendingLitigationCount':
      return t('cases.risk.pendingLitigationCount');
    case 'taxCreditGrade':
      return t('cases.risk.taxCreditGrade');
    case 'grantedInventionPatentCount':
      return t('cases.risk.grantedInventionPatentCount');
  }
}

const specs: Record<OriginationAction, ActionSpec> = {
  record_risk_evaluation: {
    fields: [],
    initial: () => ({
      yearsInOperation: 5,
      debtToAssetPct: 40,
      revenueGrowthPct: 10,
      overdueLoansLast24Months: 0,
      pendingLitigationCount: 0,
      grantedInventionPatentCount: 1,
      hasAdverseCreditRecord: false,
      isHighTechEnterprise: false,
      isOnWhitelist: false,
      taxCreditGrade: 'B',
    }),
    form: (_, t) => (
      <>
        <Row gutter={12}>
          {riskFactFields.map((fact) => (
            <Col span={8} key={fact}>
              <Form.Item
                name={fact}
                label={riskFactLabel(fact, t)}
                rules={[{ required: true, message: t('cases.required') }]}
              >
                <InputNumber
                  style={{ width: '100%' }}
                  {...(fact.endsWith('Pct') ? { suffix: '%' } : { min: 0, precision: 0 })}
                  {...(fact === 'yearsInOperation' ? { precision: 1 } : {})}
                />
              </Form.Item>
            </Col>
          ))}
          <Col span={8}>
            <Form.Item name="taxCreditGrade" label={riskFactLabel('taxCreditGrade', t)}>
              <Select options={['A', 'B', 'M', 'C', 'D'].map((g) => ({ value: g, label: g }))} />
            </Form.Item>
          </Col>
          {riskFlagFields.map((fact) => (
            <Col span={8} key={fact}>
              <Form.Item name={fact} label={riskFactLabel(fact, t)} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {noteField(t)}
      </>
    ),
    submit: (detail, v) =>
      caseApi.recordRiskEvaluation(detail.id, {
        facts: {
          yearsInOperation: Number(v['yearsInOperation']),
          hasAdverseCreditRecord: v['hasAdverseCreditRecord'] === true,
          overdueLoansLast24Months: Number(v['overdueLoansLast24Months']),
          debtToAssetPct: Number(v['debtToAssetPct']),
          revenueGrowthPct: Number(v['revenueGrowthPct']),
          isHighTechEnterprise: v['isHighTechEnterprise'] === true,
          isOnWhitelist: v['isOnWhitelist'] === true,
          pendingLitigationCount: Number(v['pendingLitigationCount']),
          taxCreditGrade: v['taxCreditGrade'] as RiskFacts['taxCreditGrade'],
          grantedInventionPatentCount: Number(v['grantedInventionPatentCount']),
        },
        version: detail.version,
        ...optionalNote(v),
      }),
  },
  record_value_evaluation: {
    fields: [
      'basis',
      'evaluatorOrganisationId',
      'evaluatorName',
      'valuers',
      'method',
      'valuationDate',
      'validUntil',
    ],
    initial: () => ({
      basis: 'formal_report',
      method: 'income',
      valuationDate: dayjs(todayInShanghai()),
      validUntil: dayjs(todayInShanghai()).add(1, 'year').subtract(1, 'day'),
    }),
    form: (detail, t) => (
      <>
        <ValuationRecordSelect assetIds={detail.assets.map((a) => a.assetId)} />
        <Form.Item name="basis" label={t('cases.valueBasisLabel')}>
          <Radio.Group
            options={[
              { value: 'formal_report', label: t('cases.valueBasis.formal_report') },
              { value: 'internal_evaluation', label: t('cases.valueBasis.internal_evaluation') },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['basis']}>
          {({ getFieldValue }) =>
            getFieldValue('basis') === 'formal_report' && (
              <Row gutter={12}>
                <Col span={24}>
                  <EvaluatorFirmSelect />
                </Col>
                <Col span={12}>
                  <Form.Item
                    name="evaluatorName"
                    label={t('cases.evaluatorName')}
                    rules={[{ required: true, message: t('cases.required') }]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name="valuers"
                    label={t('cases.valuers')}
                    rules={[{ required: true, whitespace: true, message: t('cases.required') }]}
                  >
                    <Input maxLength={500} placeholder={t('cases.valuersPlaceholder')} />
                  </Form.Item>
                </Col>
              </Row>
            )
          }
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="method" label={t('cases.valuationMethod')}>
              <Select
                options={[
                  { value: 'income', label: t('cases.method.income') },
                  { value: 'market', label: t('cases.method.market') },
                  { value: 'cost', label: t('cases.method.cost') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="valuationDate"
              label={t('cases.valuationDate')}
              rules={[{ required: true, message: t('cases.required') }]}
            >
              <DatePicker allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="validUntil"
              label={t('cases.validUntil')}
              rules={[{ required: true, message: t('cases.required') }]}
            >
              <DatePicker allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {detail.assets.map((a) => (
          <Form.Item
            key={a.assetId}
            name={['assetValue', a.assetId]}
            label={t('cases.assetValueFor', { number: a.number, title: a.title })}
            rules={[{ required: true, message: t('cases.required') }, yuanRule(t)]}
          >
            <Input prefix="¥" inputMode="decimal" />
          </Form.Item>
        ))}
        {noteField(t)}
      </>
    ),
    submit: (detail, v) => {
      const formal = v['basis'] === 'formal_report';
      const values = (v['assetValue'] ?? {}) as Record<string, unknown>;
      return caseApi.recordValueEvaluation(detail.id, {
        ...(typeof v['valuationId'] === 'string' ? { valuationId: v['valuationId'] } : {}),
        basis: v['basis'] as 'formal_report' | 'internal_evaluation',
        ...(formal
          ? { evaluatorName: typeof v['evaluatorName'] === 'string' ? v['evaluatorName'].trim() : '' }
          : {}),
        // A firm picked from the registry, unless a valuation on record (which brings its own firm) was chosen.
        ...(formal && typeof v['evaluatorOrganisationId'] === 'string' && typeof v['valuationId'] !== 'string'
          ? { evaluatorOrganisationId: v['evaluatorOrganisationId'] }
          : {}),
        ...(formal ? { valuers: splitNames(v['valuers']) } : {}),
        ...(typeof v['method'] === 'string' ? { method: v['method'] } : {}),
        valuationDate: isoDate(v['valuationDate']),
        validUntil: isoDate(v['validUntil']),
        assetValues: detail.assets.map((a) => ({ assetId: a.assetId, valueYuan: yuanOf(values[a.assetId]) })),
        version: detail.version,
        ...optionalNote(v),
      });
    },
  },
  record_credit_rating: {
    fields: ['creditRating', 'creditLineYuan'],
    initial: (detail) => ({ creditRating: 'A', creditLineYuan: detail.amountYuan ?? '' }),
    form: (_, t) => (
      <>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item
              name="creditRating"
              label={t('cases.creditRating')}
              rules={[{ required: true, message: t('cases.required') }]}
            >
              <Select
                options={['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC'].map((g) => ({ value: g, label: g }))}
              />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item
              name="creditLineYuan"
              label={t('cases.creditLineYuan')}
              rules={[{ required: true, message: t('cases.required') }, yuanRule(t)]}
            >
              <Input prefix="¥" inputMode="decimal" />
            </Form.Item>
          </Col>
        </Row>
        {noteField(t)}
      </>
    ),
    submit: (detail, v) =>
      caseApi.recordCreditRating(detail.id, {
        creditRating: String(v['creditRating']),
        creditLineYuan: yuanOf(v['creditLineYuan']),
        version: detail.version,
        ...optionalNote(v),
      }),
  },
  committee_vote: {
    fields: ['vote'],
    initial: () => ({ vote: 'approve' }),
    form: (_, t) => (
      <>
        <Form.Item name="vote" label={t('cases.voteLabel')}>
          <Radio.Group
            options={[
              { value: 'approve', label: t('cases.vote.approve') },
              { value: 'reject', label: t('cases.vote.reject') },
              { value: 'abstain', label: t('cases.vote.abstain') },
            ]}
          />
        </Form.Item>
        {noteField(t)}
      </>
    ),
    submit: (detail, v) =>
      caseApi.voteCommittee(detail.id, {
        vote: v['vote'] as 'approve' | 'reject' | 'abstain',
        ...optionalNote(v),
      }),
  },
  approve: {
    fields: [],
    form: (_, t) => (
      <>
        <Typography.Paragraph>{t('cases.approveConfirm')}</Typography.Paragraph>
        {noteField(t)}
      </>
    ),
    submit: (detail, v) => caseApi.approve(detail.id, { version: detail.version, ...optionalNote(v) }),
  },
  decline: {
    fields: ['reasonCode'],
    danger: true,
    form: (_, t) => (
      <>
        <Form.Item
          name="reasonCode"
          label={t('cases.declineReason')}
          rules={[{ required: true, message: t('cases.required') }]}
        >
          <Select options={caseLabels.declineReasonOptions(currentLanguage())} />
        </Form.Item>
        {noteField(t)}
      </>
    ),
    submit: (detail, v) =>
      caseApi.decline(detail.id, {
        reasonCode: String(v['reasonCode']),
        version: detail.version,
        ...optionalNote(v),
      }),
  },
  withdraw: {
    fields: [],
    danger: true,
    form: (_, t) => (
      <>
        <Typography.Paragraph>{t('cases.withdrawConfirm')}</Typography.Paragraph>
        {noteField(t)}
      </>
    ),
    submit: (detail, v) => caseApi.withdraw(detail.id, { version: detail.version, ...optionalNote(v) }),
  },
  accept_guarantee: {
    fields: [],
    form: (_, t) => (
      <>
        <Typography.Paragraph>{t('cases.acceptGuaranteeConfirm')}</Typography.Paragraph>
        {noteField(t)}
      </>
    ),
    submit: (detail, v) =>
      caseApi.acceptGuarantee(detail.id, { version: detail.version, ...optionalNote(v) }),
  },
  accept_insurance: {
    fields: [],
    form: (_, t) => (
      <>
        <Typography.Paragraph>{t('cases.acceptInsuranceConfirm')}</Typography.Paragraph>
        {noteField(t)}
      </>
    ),
    submit: (detail, v) =>
      caseApi.acceptInsurance(detail.id, { version: detail.version, ...optionalNote(v) }),
  },
};

/** The server names the decline reason `declineReasonCode`; the form field is `reasonCode`. */
const toFormField = (problem: ProblemItem): ProblemItem =>
  problem.field === 'declineReasonCode' ? { ...problem, field: 'reasonCode' } : problem;

/**
 * 操作面板: only the origination actions this user may take on the case in its state (see allowedCaseActions),
 * each a dialog with its form; every action sends the version read (`expectedVersion`), so a case changed by
 * someone else meanwhile is refused with CONFLICT and the user is asked to reload. Nothing for read-only roles.
 */
export function CaseActionPanel(props: {
  detail: CaseDetail;
  session: Session;
  creditCommitteeThresholdYuan: string | null;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { detail, session } = props;
  const language = currentLanguage();
  const [open, setOpen] = useState<OriginationAction | null>(null);
  const actions = allowedCaseActions({
    state: detail.state,
    role: session.role,
    userId: session.user.id,
    preparedByUserIds: detail.preparedByUserIds,
    amountYuan: detail.amountYuan,
    creditCommitteeThresholdYuan: props.creditCommitteeThresholdYuan,
    committeeVoterUserIds: detail.committeeVotes.map((v) => v.memberUserId),
    organisationId: session.organisation.id,
    participants: detail.participants,
  });
  if (actions.length === 0) return null;
  return (
    <Card title={t('cases.actions')} style={{ marginTop: 16 }} data-testid="case-actions">
      <Space wrap>
        {actions.map((action) => (
          <Button
            key={action}
            type={specs[action].danger === true ? 'default' : 'primary'}
            danger={specs[action].danger === true}
            onClick={() => setOpen(action)}
          >
            {caseLabels.action(action, language)}
          </Button>
        ))}
      </Space>
      {open !== null && (
        <ActionModal
          action={open}
          detail={detail}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            props.onChanged();
          }}
          onReload={() => {
            setOpen(null);
            props.onChanged();
          }}
        />
      )}
    </Card>
  );
}

function ActionModal(props: {
  action: OriginationAction;
  detail: CaseDetail;
  onClose: () => void;
  onDone: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = currentLanguage();
  const spec = specs[props.action];
  const [form] = Form.useForm<Values>();
  const [unplaced, setUnplaced] = useState<ProblemItem[]>([]);
  const mutation = useMutation({
    mutationFn: (values: Values) => spec.submit(props.detail, values),
    onSuccess: () => {
      void message.success(t('cases.actionDone', { action: caseLabels.action(props.action, language) }));
      props.onDone();
    },
    onError: (error) =>
      setUnplaced(
        isApiProblem(error)
          ? applyProblemsToForm(form as FormInstance, error.problems.map(toFormField), spec.fields)
          : [],
      ),
  });
  const conflict = isApiProblem(mutation.error, 409);
  const formId = `case-action-${props.action}`;
  return (
    <Modal
      open
      title={caseLabels.action(props.action, language)}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, danger: spec.danger === true, disabled: conflict }}
      confirmLoading={mutation.isPending}
      onCancel={props.onClose}
      destroyOnHidden
      width={
        props.action === 'record_risk_evaluation' || props.action === 'record_value_evaluation' ? 760 : 520
      }
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('cases.conflict')}
          action={
            <Button size="small" onClick={props.onReload}>
              {t('cases.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      ) : (
        mutation.isError && (
          <div style={{ marginBottom: 16 }}>
            <ProblemAlert error={mutation.error} problems={unplaced} />
          </div>
        )
      )}
      <Form<Values>
        form={form}
        name={formId}
        layout="vertical"
        initialValues={spec.initial?.(props.detail) ?? {}}
        onFinish={(values) => mutation.mutate(values)}
      >
        {spec.form(props.detail, t)}
      </Form>
    </Modal>
  );
}
