import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { formatYuan, parseYuan } from '@ipf/domain/money';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/api-problem.ts';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatDateTime } from '../format/format-date-time.ts';
import { formatMoney } from '../format/format-money.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { allowedLoanActions, loanCaseStates } from './allowed-loan-actions.ts';
import { buildRepaymentBody, type RepaymentMode } from './build-repayment-body.ts';
import { caseApi } from './case-api.ts';
import { repaymentMethodLabel } from './case-labels.ts';
import { caseLoanApi, type DisburseInput, type LoanAccount, type RepaymentInput } from './case-loan-api.ts';
import { CaseLoanRestructuringModal } from './case-loan-restructuring-modal.tsx';
import { loanLabels } from './loan-labels.ts';
import { newIdempotencyKey } from './new-idempotency-key.ts';

/** Adds yuan strings exactly (through fen), for the "paid" column. */
const addYuan = (...amounts: string[]) => formatYuan(amounts.reduce((sum, a) => sum + parseYuan(a), 0n));

/** The server's coded error: its message (in the UI language) with the code beneath, and a reload on 409. */
function LoanProblem({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }} size={4}>
      <ProblemAlert error={error} {...(isApiProblem(error, 409) ? { onRetry: onReload } : {})} />
      {isApiProblem(error) && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="loan-error-code">
          {t('loan.errorCode')}: <Typography.Text code>{error.code}</Typography.Text>
        </Typography.Text>
      )}
    </Space>
  );
}

interface DisburseValues {
  penaltyMarkupPct?: string;
  entrusted?: boolean;
  counterpartyName?: string;
  counterpartyAccount?: string;
  reference?: string;
}

/**
 * 放款 dialog: optional 罚息上浮 and 受托支付 (counterparty, account, invoice or contract number); one idempotency key
 * per opening, like the repayment dialog.
 */
function DisburseModal(props: {
  caseId: string;
  version: number | undefined;
  onClose: () => void;
  onReload: () => void;
  onDone: (loan: LoanAccount) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [form] = Form.useForm<DisburseValues>();
  const entrusted = Form.useWatch('entrusted', form) === true;
  const mutation = useMutation({
    mutationFn: (body: DisburseInput) => caseLoanApi.disburse(props.caseId, body, idempotencyKey),
    onSuccess: (loan) => {
      void message.success(t('loan.disbursed'));
      props.onDone(loan);
    },
  });
  const submit = (values: DisburseValues) => {
    if (mutation.isPending) return;
    const markup = values.penaltyMarkupPct?.trim() ?? '';
    mutation.mutate({
      ...(props.version === undefined ? {} : { version: props.version }),
      ...(markup === '' ? {} : { penaltyMarkupPct: markup }),
      ...(values.entrusted === true
        ? {
            entrustedPayment: {
              counterpartyName: values.counterpartyName?.trim() ?? '',
              counterpartyAccount: values.counterpartyAccount?.trim() ?? '',
              reference: values.reference?.trim() ?? '',
            },
          }
        : {}),
    });
  };
  const required = [{ required: true, whitespace: true, message: t('loan.required') }];
  return (
    <Modal
      open
      title={t('loan.disburse')}
      okText={t('loan.disburseConfirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'loan-disburse' }}
      confirmLoading={mutation.isPending}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {mutation.isError && <LoanProblem error={mutation.error} onReload={props.onReload} />}
      <Typography.Paragraph type="secondary">{t('loan.disburseHint')}</Typography.Paragraph>
      <Form<DisburseValues> form={form} name="loan-disburse" layout="vertical" onFinish={submit}>
        <Form.Item
          name="penaltyMarkupPct"
          label={t('loan.penaltyMarkupPct')}
          rules={[{ pattern: /^\d{1,3}(\.\d{1,2})?$/, message: t('loan.penaltyMarkupInvalid') }]}
        >
          <Input placeholder="50" inputMode="decimal" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="entrusted" label={t('loan.entrustedSwitch')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {entrusted && (
          <>
            <Form.Item name="counterpartyName" label={t('loan.counterpartyName')} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="counterpartyAccount" label={t('loan.counterpartyAccount')} rules={required}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="reference" label={t('loan.reference')} rules={required}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

interface RepaymentValues {
  mode: RepaymentMode;
  amount?: string;
}

/**
 * 登记还款 dialog. One idempotency key per opening, kept across retries: a double click or a retry after a network
 * failure repeats the same request under the same key, which the server answers once (issue 6 item 2).
 */
function RepaymentModal(props: {
  caseId: string;
  loan: LoanAccount;
  onClose: () => void;
  onReload: () => void;
  onDone: (loan: LoanAccount) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [form] = Form.useForm<RepaymentValues>();
  const mode = Form.useWatch('mode', form) ?? 'regular';
  const mutation = useMutation({
    mutationFn: (body: RepaymentInput) => caseLoanApi.repay(props.caseId, body, idempotencyKey),
    onSuccess: (result) => {
      void message.success(t('loan.repaid', { amount: formatMoney(result.repayment.amountYuan) }));
      props.onDone(result.loan);
    },
  });
  const submit = (values: RepaymentValues) => {
    if (mutation.isPending) return;
    const body = buildRepaymentBody(values.mode, values.amount ?? '');
    if (body !== null) mutation.mutate(body);
  };
  const payableFen = parseYuan(props.loan.payable.totalYuan);
  const modes: RepaymentMode[] = ['regular', 'shortenTerm', 'lowerInstallment', 'settleInFull'];
  const modeLabel = (m: RepaymentMode) => {
    switch (m) {
      case 'regular':
        return t('loan.modes.regular');
      case 'shortenTerm':
        return t('loan.modes.shortenTerm');
      case 'lowerInstallment':
        return t('loan.modes.lowerInstallment');
      case 'settleInFull':
        return t('loan.modes.settleInFull');
    }
  };
  return (
    <Modal
      open
      title={t('loan.repay')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'loan-repayment' }}
      confirmLoading={mutation.isPending}
      onCancel={props.onClose}
      destroyOnHidden
      width={560}
    >
      {mutation.isError && <LoanProblem error={mutation.error} onReload={props.onReload} />}
      <Form<RepaymentValues>
        form={form}
        name="loan-repayment"
        layout="vertical"
        initialValues={{ mode: 'regular', amount: payableFen > 0n ? props.loan.payable.totalYuan : '' }}
        onFinish={submit}
      >
        <Form.Item name="mode" label={t('loan.mode')}>
          <Radio.Group>
            <Space orientation="vertical">
              {modes.map((m) => (
                <Radio key={m} value={m}>
                  {modeLabel(m)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {mode === 'settleInFull' ? (
          <Alert type="info" showIcon title={t('loan.settleHint')} style={{ marginBottom: 16 }} />
        ) : (
          <Form.Item
            name="amount"
            label={mode === 'regular' ? t('loan.amountYuan') : t('loan.prepaymentPrincipalYuan')}
            extra={mode === 'regular' ? t('loan.regularHint') : undefined}
            rules={[
              {
                validator: (_: unknown, value: string | undefined) =>
                  buildRepaymentBody(mode, value ?? '') !== null
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('loan.amountInvalid'))),
              },
            ]}
          >
            <Input prefix="¥" inputMode="decimal" style={{ width: 240 }} />
          </Form.Item>
        )}
      </Form>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('loan.idempotencyHint', { key: idempotencyKey })}
      </Typography.Text>
    </Modal>
  );
}

/** 贷款账户 facts: principal, outstanding, rate = LPR + spread, method, dates, payment, grade, days past due. */
function LoanTerms({ loan }: { loan: LoanAccount }) {
  const { t } = useTranslation();
  const dash = '—';
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="loan-terms">
      <Descriptions.Item label={t('loan.principal')}>
        <Typography.Text strong>{formatMoney(loan.principalYuan)}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('loan.outstanding')}>
        <Typography.Text strong data-testid="loan-outstanding">
          {formatMoney(loan.outstandingPrincipalYuan)}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('loan.accountStatus')}>
        <Tag color={loan.status === 'active' ? 'blue' : 'default'}>
          {loanLabels.loanStatus(loan.status, t)}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('loan.annualRate')}>
        {t('loan.annualRateValue', {
          rate: loan.annualRatePct,
          tenor: loan.lprTenor,
          lpr: loan.lprRatePct,
          spread: loan.spreadBps,
        })}
      </Descriptions.Item>
      <Descriptions.Item label={t('loan.penaltyMarkup')}>
        {t('loan.penaltyMarkupValue', { pct: loan.penaltyMarkupPct })}
      </Descriptions.Item>
      <Descriptions.Item label={t('loan.method')}>
        {repaymentMethodLabel(loan.repaymentMethod, t)}
      </Descriptions.Item>
      <Descriptions.Item label={t('loan.term')}>
        {t('cases.termMonthsValue', { count: loan.termMonths })}
      </Descriptions.Item>
      <Descriptions.Item label={t('loan.disbursementDate')}>{loan.disbursementDate}</Descriptions.Item>
      <Descriptions.Item label={t('loan.maturityDate')}>{loan.maturityDate}</Descriptions.Item>
      <Descriptions.Item label={t('loan.servicedThrough')}>
        {loan.servicedThroughDate ?? dash}
      </Descriptions.Item>
      {loan.closedDate !== null && (
        <Descriptions.Item label={t('loan.closedDate')}>{loan.closedDate}</Descriptions.Item>
      )}
      <Descriptions.Item label={t('loan.gradeLabel')}>
        <Tag
          color={loan.grade === 'normal' ? 'green' : loan.grade === 'special_mention' ? 'orange' : 'red'}
          data-testid="loan-grade"
        >
          {loanLabels.grade(loan.grade, loan.gradeZh, t)}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('loan.daysPastDue')}>
        <Typography.Text
          {...(loan.daysPastDue > 0 ? { type: 'danger' as const } : {})}
          data-testid="loan-days-past-due"
        >
          {t('loan.daysPastDueValue', { count: loan.daysPastDue })}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('loan.payment')}>
        {loan.entrustedPayment === null ? t('loan.selfPayment') : t('loan.entrustedPayment')}
      </Descriptions.Item>
      {loan.entrustedPayment !== null && (
        <>
          <Descriptions.Item label={t('loan.counterpartyName')}>
            {loan.entrustedPayment.counterpartyName}
          </Descriptions.Item>
          <Descriptions.Item label={t('loan.counterpartyAccount')}>
            <Typography.Text style={{ fontFamily: 'monospace' }}>
              {loan.entrustedPayment.counterpartyAccount}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('loan.reference')}>{loan.entrustedPayment.reference}</Descriptions.Item>
        </>
      )}
    </Descriptions>
  );
}

/** 今日应还: what a regular repayment today would settle, by bucket. */
function LoanPayable({ loan }: { loan: LoanAccount }) {
  const { t } = useTranslation();
  const p = loan.payable;
  return (
    <Descriptions
      size="small"
      bordered
      column={4}
      title={t('loan.payableToday', { date: p.asOfDate })}
      data-testid="loan-payable"
    >
      <Descriptions.Item label={t('loan.payablePenalty')}>{formatMoney(p.penaltyYuan)}</Descriptions.Item>
      <Descriptions.Item label={t('loan.payableInterest')}>{formatMoney(p.interestYuan)}</Descriptions.Item>
      <Descriptions.Item label={t('loan.payablePrincipal')}>{formatMoney(p.principalYuan)}</Descriptions.Item>
      <Descriptions.Item label={t('loan.payableTotal')}>
        <Typography.Text strong data-testid="loan-payable-total">
          {formatMoney(p.totalYuan)}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** 还款计划: the instalments in force; those a 展期, 续贷 or prepayment replaced (已重排) on request. */
function LoanSchedule({ loan }: { loan: LoanAccount }) {
  const { t } = useTranslation();
  const [showSuperseded, setShowSuperseded] = useState(false);
  const superseded = loan.installments.filter((i) => i.status === 'superseded').length;
  const rows = showSuperseded
    ? loan.installments
    : loan.installments.filter((i) => i.status !== 'superseded');
  return (
    <div data-testid="loan-schedule">
      <Table
        rowKey={(i) => `${i.contractVersion}-${i.period}-${i.status}-${i.dueDate}`}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        title={() => (
          <Space>
            <Typography.Text strong>{t('loan.schedule')}</Typography.Text>
            {superseded > 0 && (
              <>
                <Switch size="small" checked={showSuperseded} onChange={setShowSuperseded} />
                <Typography.Text type="secondary">
                  {t('loan.showSuperseded', { count: superseded })}
                </Typography.Text>
              </>
            )}
          </Space>
        )}
        dataSource={rows}
        columns={[
          { title: t('loan.period'), dataIndex: 'period', key: 'period' },
          { title: t('loan.dueDate'), dataIndex: 'dueDate', key: 'dueDate' },
          {
            title: t('loan.scheduledPrincipal'),
            key: 'principal',
            align: 'right',
            render: (_, i) => formatMoney(i.principalYuan),
          },
          {
            title: t('loan.scheduledInterest'),
            key: 'interest',
            align: 'right',
            render: (_, i) => formatMoney(i.interestYuan),
          },
          {
            title: t('loan.scheduledPayment'),
            key: 'payment',
            align: 'right',
            render: (_, i) => formatMoney(i.paymentYuan),
          },
          {
            title: t('loan.paid'),
            key: 'paid',
            align: 'right',
            render: (_, i) => formatMoney(addYuan(i.principalPaidYuan, i.interestPaidYuan)),
          },
          {
            title: t('loan.charges'),
            key: 'charges',
            render: (_, i) =>
              parseYuan(i.penaltyYuan) + parseYuan(i.compoundYuan) === 0n ? (
                '—'
              ) : (
                <Typography.Text type="danger">
                  {t('loan.chargesValue', {
                    penalty: formatMoney(i.penaltyYuan),
                    compound: formatMoney(i.compoundYuan),
                    paid: formatMoney(i.chargesPaidYuan),
                  })}
                </Typography.Text>
              ),
          },
          {
            title: t('loan.installmentStatusColumn'),
            key: 'status',
            render: (_, i) => (
              <Tag color={loanLabels.installmentStatusColor(i.status)} data-status={i.status}>
                {loanLabels.installmentStatus(i.status, t)}
              </Tag>
            ),
          },
          {
            title: t('loan.paidDate'),
            dataIndex: 'paidDate',
            key: 'paidDate',
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </div>
  );
}

function LoanRepayments({ loan }: { loan: LoanAccount }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <div data-testid="loan-repayments">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        title={() => <Typography.Text strong>{t('loan.repayments')}</Typography.Text>}
        locale={{ emptyText: t('loan.noRepayments') }}
        dataSource={loan.repayments}
        columns={[
          { title: t('loan.repaymentDate'), dataIndex: 'repaymentDate', key: 'date' },
          {
            title: t('loan.repaymentKindColumn'),
            key: 'kind',
            render: (_, r) => loanLabels.repaymentKind(r.kind, r.prepaymentOption, t),
          },
          {
            title: t('loan.amount'),
            key: 'amount',
            align: 'right',
            render: (_, r) => <Typography.Text strong>{formatMoney(r.amountYuan)}</Typography.Text>,
          },
          {
            title: t('loan.toPenalty'),
            key: 'penalty',
            align: 'right',
            render: (_, r) => formatMoney(r.penaltyYuan),
          },
          {
            title: t('loan.toInterest'),
            key: 'interest',
            align: 'right',
            render: (_, r) => formatMoney(r.interestYuan),
          },
          {
            title: t('loan.toPrincipal'),
            key: 'principal',
            align: 'right',
            render: (_, r) => formatMoney(r.principalYuan),
          },
          {
            title: t('loan.postedAt'),
            dataIndex: 'postedAt',
            key: 'postedAt',
            render: (v: string) => formatDateTime(v, language),
          },
        ]}
      />
    </div>
  );
}

/** 合同版本: the original contract and each 展期 / 续贷 after it, with its terms; shown once there is more than one. */
function LoanContractVersions({ loan }: { loan: LoanAccount }) {
  const { t } = useTranslation();
  if (loan.contractVersions.length < 2) return null;
  return (
    <div data-testid="loan-contract-versions">
      <Table
        rowKey="version"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        title={() => <Typography.Text strong>{t('loan.contractVersions')}</Typography.Text>}
        dataSource={loan.contractVersions}
        columns={[
          { title: t('loan.contractVersion'), dataIndex: 'version', key: 'version' },
          {
            title: t('loan.contractKindColumn'),
            key: 'kind',
            render: (_, v) => (
              <Space size={4}>
                {loanLabels.contractVersionKind(v.kind, t)}
                {v.restructured && <Tag color="orange">{t('loan.restructured')}</Tag>}
              </Space>
            ),
          },
          { title: t('loan.effectiveDate'), dataIndex: 'effectiveDate', key: 'effectiveDate' },
          {
            title: t('loan.principal'),
            key: 'principal',
            align: 'right',
            render: (_, v) => formatMoney(v.principalYuan),
          },
          {
            title: t('loan.annualRate'),
            key: 'rate',
            render: (_, v) =>
              t('loan.annualRateValue', {
                rate: v.annualRatePct,
                tenor: loan.lprTenor,
                lpr: v.lprRatePct,
                spread: v.spreadBps,
              }),
          },
          {
            title: t('loan.term'),
            key: 'term',
            render: (_, v) => t('cases.termMonthsValue', { count: v.termMonths }),
          },
          { title: t('loan.maturityDate'), dataIndex: 'maturityDate', key: 'maturityDate' },
          {
            title: t('cases.note'),
            dataIndex: 'note',
            key: 'note',
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </div>
  );
}

/**
 * 贷款账户 of the case page: the loan's terms (rate = LPR + spread, method, dates, 受托支付, five-category grade,
 * days past due), what is payable today, the schedule and the repayments with their allocation; for the bank clerk
 * of the case 放款 (in the states the domain allows), 登记还款 (regular or prepayment, under one idempotency key
 * per form), 展期 and 续贷 (new contract versions, listed under 合同版本). Nothing when the case has no loan and the
 * user cannot disburse (issue 6 items 1–2).
 */
export function CaseLoanPanel(props: { caseId: string; caseState: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession().data ?? null;
  const [open, setOpen] = useState<'disburse' | 'repay' | 'extend' | 'renew' | null>(null);
  const canRead = hasPermission(session, 'loan.read');
  const mayDisburse = hasPermission(session, 'loan.disburse');
  const mayRestructure = hasPermission(session, 'loan.restructure');
  const hasLoan = loanCaseStates.includes(props.caseState);
  const loanKey = ['cases', 'loan', props.caseId];
  const loan = useQuery({
    queryKey: loanKey,
    queryFn: () => caseLoanApi.get(props.caseId),
    enabled: canRead && hasLoan,
  });
  // The same queries as the case page, so they come from its cache: the version read and the product's rule.
  const detail = useQuery({
    queryKey: ['cases', 'detail', props.caseId],
    queryFn: () => caseApi.get(props.caseId),
    enabled: (mayDisburse && !hasLoan) || (mayRestructure && hasLoan),
  });
  const bankId = detail.data?.bankId;
  const products = useQuery({
    queryKey: ['bank-products', bankId],
    queryFn: () => caseApi.products(bankId),
    enabled: mayDisburse && !hasLoan && bankId !== undefined,
  });
  const product = products.data?.find((p) => p.id === detail.data?.productId);

  if (session === null || !canRead) return null;
  const actions = allowedLoanActions({
    caseState: props.caseState,
    role: session.role,
    permissions: session.permissions,
    disbursementRequiresRegistration: product?.disbursementRequiresRegistration ?? null,
    loanStatus: hasLoan ? (loan.data?.status ?? null) : null,
  });
  if (!hasLoan && !actions.includes('disburse')) return null;

  const done = (updated: LoanAccount) => {
    queryClient.setQueryData(loanKey, updated);
    setOpen(null);
    props.onChanged();
  };
  const reload = () => {
    setOpen(null);
    props.onChanged();
  };

  return (
    <Card
      data-testid="case-loan"
      title={t('loan.title')}
      size="small"
      style={{ marginTop: 16 }}
      loading={hasLoan && loan.isPending}
      extra={
        <Space>
          {actions.includes('disburse') && (
            <Button type="primary" onClick={() => setOpen('disburse')}>
              {t('loan.disburse')}
            </Button>
          )}
          {actions.includes('repay') && (
            <Button type="primary" onClick={() => setOpen('repay')}>
              {t('loan.repay')}
            </Button>
          )}
          {actions.includes('extend') && (
            <Button onClick={() => setOpen('extend')}>{t('loanRestructuring.extend')}</Button>
          )}
          {actions.includes('renew') && (
            <Button onClick={() => setOpen('renew')}>{t('loanRestructuring.renew')}</Button>
          )}
        </Space>
      }
    >
      {loan.isError ? (
        <ProblemAlert error={loan.error} onRetry={() => void loan.refetch()} />
      ) : loan.data === undefined ? (
        <Typography.Text type="secondary">{t('loan.notDisbursed')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <LoanTerms loan={loan.data} />
          <LoanPayable loan={loan.data} />
          <LoanContractVersions loan={loan.data} />
          <LoanSchedule loan={loan.data} />
          <LoanRepayments loan={loan.data} />
        </Space>
      )}
      {open === 'disburse' && (
        <DisburseModal
          caseId={props.caseId}
          version={detail.data?.version}
          onClose={() => setOpen(null)}
          onReload={reload}
          onDone={done}
        />
      )}
      {(open === 'extend' || open === 'renew') && loan.data !== undefined && (
        <CaseLoanRestructuringModal
          kind={open === 'extend' ? 'extension' : 'renewal'}
          caseId={props.caseId}
          loan={loan.data}
          caseVersion={detail.data?.version}
          onClose={() => setOpen(null)}
          onReload={reload}
          onDone={done}
        />
      )}
      {open === 'repay' && loan.data !== undefined && (
        <RepaymentModal
          caseId={props.caseId}
          loan={loan.data}
          onClose={() => setOpen(null)}
          onReload={reload}
          onDone={done}
        />
      )}
    </Card>
  );
}
