import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { addMonths } from '@ipf/domain/calendar';
import { parseYuan } from '@ipf/domain/money';
import { isApiProblem } from '../api/api-problem.ts';
import type { ProblemItem } from '../api/api-types.ts';
import { PageHeader } from '../common/page-header.tsx';
import { PledgeeCandidateSelect } from '../common/pledgee-candidate-select.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatMoney } from '../format/format-money.ts';
import { applyProblemsToForm } from '../forms/apply-problems-to-form.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { ipAssetApi, type IpAssetSummary, type PledgeEligibility } from '../ip-assets/ip-asset-api.ts';
import { ipLabels } from '../ip-assets/ip-asset-labels.ts';
import { checkPickedFile } from './attachment-file-type.ts';
import { caseAttachmentApi, readFileAsBase64 } from './case-attachment-api.ts';
import { attachmentKindOptions, pickedFileProblem } from './case-attachments-panel.tsx';
import { caseApi, type BankProduct } from './case-api.ts';
import { caseLabels, repaymentMethodLabel } from './case-labels.ts';
import { parseYuanInput } from './parse-yuan-input.ts';
import { todayInShanghai } from './today-in-shanghai.ts';

interface ApplyForm {
  productId?: string | undefined;
  bankUnitId?: string | undefined;
  amountYuan?: string | undefined;
  termMonths?: number | undefined;
  repaymentMethod?: string | undefined;
  spreadBps?: number | undefined;
  combinedModel?: string | undefined;
  guarantorOrganisationId?: string | undefined;
  insurerOrganisationId?: string | undefined;
  assetIds?: string[] | undefined;
  consentFinancials?: boolean | undefined;
  consentCreditReport?: boolean | undefined;
  consentBureau?: boolean | undefined;
  consentExpiresOn?: Dayjs | undefined;
}

/** A document picked on the apply page, uploaded once the case exists. */
interface PickedDocument {
  readonly uid: string;
  readonly file: File;
  readonly kind: string | undefined;
}

const fieldNames = [
  'productId',
  'bankUnitId',
  'amountYuan',
  'termMonths',
  'repaymentMethod',
  'spreadBps',
  'combinedModel',
  'guarantorOrganisationId',
  'insurerOrganisationId',
  'assetIds',
  'consentExpiresOn',
];

/**
 * 在线申请 (online application): product of a bank and the unit to apply to, amount in 元 (sent exactly as a
 * yuan string), term, repayment method, spread within the product's range, the IP assets to pledge with their
 * live pledge eligibility (every refusal reason shown), the documents (申请材料, each with its kind, uploaded
 * right after the case is created), and the consents the application grants the bank and the enterprise's
 * district IP bureau (both named). Coded refusals appear under their fields.
 */
export function CaseApplyPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ApplyForm>();
  const [unplaced, setUnplaced] = useState<ProblemItem[] | undefined>(undefined);
  const [documents, setDocuments] = useState<PickedDocument[]>([]);
  const [documentProblem, setDocumentProblem] = useState<string | null>(null);
  const bureau = useQuery({
    queryKey: ['cases', 'application-bureau'],
    queryFn: () => caseAttachmentApi.applicationBureau(),
  });
  const productId = Form.useWatch('productId', form);
  const bankUnitId = Form.useWatch('bankUnitId', form);
  const termMonths = Form.useWatch('termMonths', form);
  const assetIds = Form.useWatch('assetIds', form) ?? [];
  const combinedModel = Form.useWatch('combinedModel', form);
  const guarantorId = Form.useWatch('guarantorOrganisationId', form);
  const withGuarantee = combinedModel === 'plus_guarantee';
  const withInsurance = combinedModel === 'plus_insurance';
  // Under 质押+担保 the IP is pledged to the guarantor (反担保): eligibility is checked against it once chosen.
  const pledgeeId = withGuarantee ? guarantorId : bankUnitId;

  const products = useQuery({ queryKey: ['bank-products'], queryFn: () => caseApi.products() });
  const product: BankProduct | undefined = products.data?.find((p) => p.id === productId);
  const assets = useQuery({
    queryKey: ['ip-assets', 'own-for-pledge'],
    queryFn: ({ signal }) => ipAssetApi.find({ page: 1, pageSize: 200 }, signal),
  });
  const today = todayInShanghai();
  const debtMaturityDate =
    typeof termMonths === 'number' && termMonths > 0 ? addMonths(today, termMonths) : undefined;
  const eligibility = useQueries({
    queries: assetIds.map((id) => ({
      queryKey: ['ip-assets', 'eligibility', id, debtMaturityDate, pledgeeId],
      queryFn: () =>
        ipAssetApi.checkEligibility(id, {
          debtMaturityDate: debtMaturityDate!,
          ...(pledgeeId === undefined ? {} : { pledgeeOrganisationId: pledgeeId }),
        }),
      enabled: debtMaturityDate !== undefined && pledgeeId !== undefined,
    })),
  });
  const eligibilityOf = new Map(assetIds.map((id, i) => [id, eligibility[i]]));

  const apply = useMutation({
    mutationFn: async (values: ApplyForm) => {
      const created = await caseApi.apply({
        bankUnitId: values.bankUnitId!,
        productId: values.productId!,
        amountYuan: parseYuanInput(values.amountYuan ?? '')!.yuan,
        termMonths: values.termMonths!,
        repaymentMethod: values.repaymentMethod as never,
        spreadBps: values.spreadBps!,
        combinedModel: values.combinedModel as never,
        ...(values.combinedModel === 'plus_guarantee' && values.guarantorOrganisationId !== undefined
          ? { guarantorOrganisationId: values.guarantorOrganisationId }
          : {}),
        ...(values.combinedModel === 'plus_insurance' && values.insurerOrganisationId !== undefined
          ? { insurerOrganisationId: values.insurerOrganisationId }
          : {}),
        assetIds: values.assetIds ?? [],
        consentExpiresOn: values.consentExpiresOn!.format('YYYY-MM-DD'),
      });
      // The case exists now: its documents follow one by one; a refused one can be added on the case page.
      let failed = 0;
      for (const d of documents) {
        const check = checkPickedFile(d.file);
        try {
          await caseAttachmentApi.upload(created.id, {
            kind: d.kind!,
            fileName: d.file.name,
            mimeType: check.ok ? check.mimeType : d.file.type,
            contentBase64: await readFileAsBase64(d.file),
          });
        } catch {
          // Counted, not lost: the case exists, so the page moves on and says how many to upload again there.
          failed += 1;
        }
      }
      return { created, failed };
    },
    onSuccess: ({ created, failed }) => {
      if (failed > 0) void message.warning(t('caseAttachments.applyUploadFailed', { count: failed }));
      void navigate(`/cases/${encodeURIComponent(created.id)}`);
    },
    onError: (error) => {
      setUnplaced(isApiProblem(error) ? applyProblemsToForm(form, error.problems, fieldNames) : undefined);
    },
  });

  const onProductChange = (id: string) => {
    const next = products.data?.find((p) => p.id === id);
    if (next === undefined) return;
    form.setFieldsValue({
      bankUnitId: undefined,
      termMonths: next.minTermMonths === next.maxTermMonths ? next.minTermMonths : undefined,
      repaymentMethod: next.repaymentMethods.length === 1 ? next.repaymentMethods[0] : undefined,
      combinedModel: next.combinedModels.length === 1 ? next.combinedModels[0] : undefined,
      spreadBps: Math.max(next.minSpreadBps, Math.min(0, next.maxSpreadBps)),
      assetIds: [],
    });
  };

  const byBank = new Map<string, BankProduct[]>();
  for (const p of products.data ?? []) byBank.set(p.bankId, [...(byBank.get(p.bankId) ?? []), p]);
  const productOptions = [...byBank.values()].map((group) => ({
    label: language === 'en' ? group[0]!.bankNameEn : group[0]!.bankNameZh,
    options: group.map((p) => ({
      value: p.id,
      label: `${language === 'en' ? p.bankNameEn : p.bankNameZh} · ${language === 'en' ? p.nameEn : p.nameZh}`,
    })),
  }));

  const selectedUnit = product?.units.find((u) => u.id === bankUnitId);
  const acceptedKinds = product?.acceptedIpKinds ?? [];
  const pledgeable = (assets.data?.items ?? []).filter(
    (a) => product === undefined || acceptedKinds.includes(a.kind),
  );

  const assetColumns: TableColumnsType<IpAssetSummary> = [
    {
      title: t('ipAssets.number'),
      key: 'number',
      render: (_, a) => (
        <div>
          <span style={{ fontFamily: 'monospace' }}>{a.number}</span>
          <div>{a.title}</div>
        </div>
      ),
    },
    { title: t('ipAssets.kind'), key: 'kind', width: 140, render: (_, a) => ipLabels.kind(a.kind, language) },
    {
      title: t('ipAssets.expiryDate'),
      dataIndex: 'expiryDate',
      width: 120,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('cases.eligibility'),
      key: 'eligibility',
      width: 380,
      render: (_, a) => (
        <EligibilityCell query={eligibilityOf.get(a.id)} selected={assetIds.includes(a.id)} />
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('cases.applyTitle')} subtitle={t('cases.applySubtitle')} />
      <Form<ApplyForm>
        form={form}
        name="case-apply"
        layout="vertical"
        initialValues={{ consentExpiresOn: dayjs(addMonths(today, 12)) }}
        onValuesChange={() => setUnplaced(undefined)}
        onFinish={(values) => {
          setUnplaced(undefined);
          if (documents.some((d) => d.kind === undefined)) {
            setDocumentProblem(t('caseAttachments.kindRequired'));
            return;
          }
          apply.mutate(values);
        }}
      >
        <Card title={t('cases.productAndTerms')}>
          {products.isError && (
            <ProblemAlert error={products.error} onRetry={() => void products.refetch()} />
          )}
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                name="productId"
                label={t('cases.product')}
                rules={[{ required: true, message: t('cases.required') }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={products.isPending}
                  options={productOptions}
                  placeholder={t('cases.productPlaceholder')}
                  onChange={onProductChange}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="bankUnitId"
                label={t('cases.bankUnit')}
                rules={[{ required: true, message: t('cases.required') }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  disabled={product === undefined}
                  placeholder={t('cases.bankUnitPlaceholder')}
                  options={(product?.units ?? []).map((u) => ({
                    value: u.id,
                    label: language === 'en' ? u.nameEn : u.nameZh,
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          {product !== undefined && (
            <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('cases.amountRange')}>
                {formatMoney(product.minAmountYuan)} – {formatMoney(product.maxAmountYuan)}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.termRange')}>
                {t('cases.termRangeValue', { min: product.minTermMonths, max: product.maxTermMonths })}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.rate')}>
                {t('cases.rateRange', {
                  tenor: product.lprTenor,
                  min: product.minSpreadBps,
                  max: product.maxSpreadBps,
                })}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.pledgeRateCaps')} span={3}>
                {Object.entries(product.maxPledgeRateBpsByKind)
                  .map(([kind, bps]) => `${ipLabels.kind(kind, language)} ≤ ${(bps / 100).toFixed(2)}%`)
                  .join('；')}
              </Descriptions.Item>
            </Descriptions>
          )}
          <Row gutter={16}>
            <Col span={6}>
              <Form.Item
                name="amountYuan"
                label={t('cases.amountYuan')}
                validateFirst
                rules={[
                  { required: true, message: t('cases.required') },
                  {
                    validator: (_, value: string) => {
                      const parsed = parseYuanInput(value ?? '');
                      if (parsed === null) return Promise.reject(new Error(t('cases.amountInvalid')));
                      if (
                        product !== undefined &&
                        (parsed.fen < parseYuan(product.minAmountYuan) ||
                          parsed.fen > parseYuan(product.maxAmountYuan))
                      )
                        return Promise.reject(
                          new Error(
                            t('cases.amountOutOfRange', {
                              min: formatMoney(product.minAmountYuan),
                              max: formatMoney(product.maxAmountYuan),
                            }),
                          ),
                        );
                      return Promise.resolve();
                    },
                  },
                ]}
              >
                <Input prefix="¥" placeholder="1000000.00" inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name="termMonths"
                label={t('cases.termMonths')}
                rules={[{ required: true, message: t('cases.required') }]}
              >
                <InputNumber
                  min={product?.minTermMonths ?? 1}
                  max={product?.maxTermMonths ?? 360}
                  precision={0}
                  style={{ width: '100%' }}
                  suffix={t('cases.monthsUnit')}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name="repaymentMethod"
                label={t('cases.repaymentMethod')}
                rules={[{ required: true, message: t('cases.required') }]}
              >
                <Select
                  options={(product?.repaymentMethods ?? []).map((m) => ({
                    value: m,
                    label: repaymentMethodLabel(m, t),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name="spreadBps"
                label={t('cases.spreadBps')}
                rules={[{ required: true, message: t('cases.required') }]}
              >
                <InputNumber
                  min={product?.minSpreadBps ?? -1000}
                  max={product?.maxSpreadBps ?? 2000}
                  precision={0}
                  style={{ width: '100%' }}
                  suffix="bp"
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name="combinedModel"
                label={t('cases.combinedModel')}
                rules={[{ required: true, message: t('cases.required') }]}
              >
                <Select
                  options={(product?.combinedModels ?? []).map((m) => ({
                    value: m,
                    label: caseLabels.combinedModel(m, language),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          {withGuarantee && (
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item
                  name="guarantorOrganisationId"
                  label={t('cases.guarantor')}
                  extra={t('cases.guarantorHint')}
                  rules={[{ required: true, message: t('cases.required') }]}
                >
                  <PledgeeCandidateSelect
                    kinds={['guarantor']}
                    placeholder={t('cases.guarantorPlaceholder')}
                  />
                </Form.Item>
              </Col>
            </Row>
          )}
          {withInsurance && (
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item
                  name="insurerOrganisationId"
                  label={t('cases.insurer')}
                  extra={t('cases.insurerHint')}
                  rules={[{ required: true, message: t('cases.required') }]}
                >
                  <PledgeeCandidateSelect kinds={['insurer']} placeholder={t('cases.insurerPlaceholder')} />
                </Form.Item>
              </Col>
            </Row>
          )}
        </Card>

        <Card title={t('cases.assetsToPledge')} style={{ marginTop: 16 }}>
          <Typography.Paragraph type="secondary">
            {debtMaturityDate === undefined || pledgeeId === undefined
              ? t('cases.eligibilityNeedsTerms')
              : t('cases.eligibilityAsOf', { date: debtMaturityDate })}
          </Typography.Paragraph>
          {assets.isError && <ProblemAlert error={assets.error} onRetry={() => void assets.refetch()} />}
          <Form.Item
            name="assetIds"
            rules={[{ required: true, type: 'array', min: 1, message: t('cases.assetsRequired') }]}
          >
            <AssetPicker loading={assets.isPending} columns={assetColumns} assets={pledgeable} />
          </Form.Item>
        </Card>

        <Card title={t('caseAttachments.title')} style={{ marginTop: 16 }} data-testid="apply-documents">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('caseAttachments.applyHint')}
            </Typography.Paragraph>
            <Upload
              multiple
              showUploadList={false}
              accept=".pdf,.jpg,.jpeg,.png,.xlsx"
              beforeUpload={(file) => {
                const problem = pickedFileProblem(file, t);
                setDocumentProblem(problem);
                if (problem === null)
                  setDocuments((current) => [...current, { uid: file.uid, file, kind: undefined }]);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('caseAttachments.pickFiles')}</Button>
            </Upload>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('caseAttachments.pickHint')}
            </Typography.Text>
            {documentProblem !== null && <Typography.Text type="danger">{documentProblem}</Typography.Text>}
            <Table<PickedDocument>
              size="small"
              rowKey="uid"
              pagination={false}
              dataSource={documents}
              locale={{ emptyText: t('caseAttachments.noneSelected') }}
              columns={[
                { title: t('caseAttachments.fileName'), key: 'name', render: (_, d) => d.file.name },
                {
                  title: t('caseAttachments.kind'),
                  key: 'kind',
                  width: 220,
                  render: (_, d) => (
                    <Select
                      style={{ width: 200 }}
                      {...(d.kind === undefined
                        ? documentProblem === null
                          ? {}
                          : { status: 'error' as const }
                        : { value: d.kind })}
                      placeholder={t('caseAttachments.kindPlaceholder')}
                      options={attachmentKindOptions(language, 'enterprise')}
                      onChange={(kind: string) =>
                        setDocuments((current) => current.map((x) => (x.uid === d.uid ? { ...x, kind } : x)))
                      }
                    />
                  ),
                },
                {
                  title: t('caseAttachments.actions'),
                  key: 'remove',
                  width: 90,
                  render: (_, d) => (
                    <Button
                      type="link"
                      size="small"
                      icon={<DeleteOutlined />}
                      onClick={() => setDocuments((current) => current.filter((x) => x.uid !== d.uid))}
                    >
                      {t('caseAttachments.remove')}
                    </Button>
                  ),
                },
              ]}
            />
          </Space>
        </Card>

        <Card title={t('cases.consents')} style={{ marginTop: 16 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Form.Item
              name="consentFinancials"
              valuePropName="checked"
              rules={[{ validator: mustAgree(t('cases.consentRequired')) }]}
              style={{ marginBottom: 0 }}
            >
              <Checkbox>{t('cases.consentFinancials')}</Checkbox>
            </Form.Item>
            <Form.Item
              name="consentCreditReport"
              valuePropName="checked"
              rules={[{ validator: mustAgree(t('cases.consentRequired')) }]}
              style={{ marginBottom: 0 }}
            >
              <Checkbox>{t('cases.consentCreditReport')}</Checkbox>
            </Form.Item>
            <Form.Item
              name="consentBureau"
              valuePropName="checked"
              rules={[{ validator: mustAgree(t('cases.consentRequired')) }]}
              style={{ marginBottom: 0 }}
            >
              <Checkbox data-testid="consent-bureau">
                {t('caseAttachments.consentBureau', {
                  bank:
                    selectedUnit === undefined
                      ? t('caseAttachments.selectedBank')
                      : language === 'en'
                        ? selectedUnit.nameEn
                        : selectedUnit.nameZh,
                  bureau:
                    bureau.data === undefined
                      ? t('caseAttachments.districtBureau')
                      : language === 'en'
                        ? bureau.data.nameEn
                        : bureau.data.nameZh,
                })}
              </Checkbox>
            </Form.Item>
            <Form.Item
              name="consentExpiresOn"
              label={t('cases.consentExpiresOn')}
              rules={[{ required: true, message: t('cases.required') }]}
            >
              <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') <= today} allowClear={false} />
            </Form.Item>
            <Alert type="info" showIcon title={t('cases.consentNote')} />
          </Space>
        </Card>

        <div style={{ marginTop: 16 }}>
          {apply.isError && (
            <div style={{ marginBottom: 16 }}>
              <ProblemAlert error={apply.error} {...(unplaced === undefined ? {} : { problems: unplaced })} />
            </div>
          )}
          <Space>
            <Button type="primary" htmlType="submit" loading={apply.isPending}>
              {t('cases.submitApplication')}
            </Button>
            <Button onClick={() => void navigate('/cases')}>{t('common.cancel')}</Button>
          </Space>
        </div>
      </Form>
    </>
  );
}

/** The enterprise's assets as a selectable table; the form field holds the selected ids. */
function AssetPicker(props: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  loading: boolean;
  columns: TableColumnsType<IpAssetSummary>;
  assets: IpAssetSummary[];
}) {
  return (
    <Table<IpAssetSummary>
      rowKey="id"
      size="small"
      loading={props.loading}
      columns={props.columns}
      dataSource={props.assets}
      pagination={{ pageSize: 10 }}
      rowSelection={{
        selectedRowKeys: props.value ?? [],
        onChange: (keys) => props.onChange?.(keys.map(String)),
      }}
    />
  );
}

function mustAgree(message: string) {
  return (_: unknown, value: boolean | undefined) =>
    value === true ? Promise.resolve() : Promise.reject(new Error(message));
}

/** The live eligibility of a selected asset: a spinner, "eligible", or every refusal reason with its ground. */
function EligibilityCell({
  query,
  selected,
}: {
  query:
    | { data?: PledgeEligibility | undefined; isFetching: boolean; isError: boolean; error: unknown }
    | undefined;
  selected: boolean;
}) {
  const { t } = useTranslation();
  if (!selected || query === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (query.isFetching && query.data === undefined) return <Spin size="small" />;
  if (query.data === undefined)
    return <Typography.Text type="secondary">{t('cases.eligibilityPending')}</Typography.Text>;
  if (query.data.eligible)
    return (
      <Tag color="green" data-eligible="true">
        {t('ipAssets.eligible')}
      </Tag>
    );
  return (
    <Space direction="vertical" size={2} data-eligible="false">
      <Tag color="red">{t('ipAssets.notEligible', { count: query.data.reasons.length })}</Tag>
      {query.data.reasons.map((r, i) => (
        <Typography.Text key={`${r.code}-${i}`} type="danger" style={{ fontSize: 12 }}>
          {r.message}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            ({r.code} · {r.ground.regulation}
            {r.ground.item === null ? '' : ` ${r.ground.item}`})
          </Typography.Text>
        </Typography.Text>
      ))}
    </Space>
  );
}
