import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseYuanInput } from '../cases/parse-yuan-input.ts';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatMoney } from '../format/format-money.ts';
import { riskSharingApi, type GuaranteeProduct } from './risk-sharing-api.ts';
import { formatBps } from './risk-sharing-labels.ts';

/** Percent (two decimals) to basis points. */
const toBps = (pct: number | null): number | undefined => (pct === null ? undefined : Math.round(pct * 100));

/**
 * 新建担保产品: code, names, coverage share and annual fee rate, optionally the re-guarantee share with one of the
 * re-guarantee funds the guarantor's products already name, and a cap per loan.
 */
function CreateProductModal(props: {
  funds: { id: string; name: string }[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [code, setCode] = useState('');
  const [nameZh, setNameZh] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [coveragePct, setCoveragePct] = useState<number | null>(80);
  const [feePct, setFeePct] = useState<number | null>(1);
  const [reGuaranteePct, setReGuaranteePct] = useState<number | null>(null);
  const [fundId, setFundId] = useState<string | undefined>(props.funds[0]?.id);
  const [capText, setCapText] = useState('');
  const [triggerDays, setTriggerDays] = useState<number | null>(90);
  const cap = capText.trim() === '' ? null : parseYuanInput(capText);
  const mutation = useMutation({
    mutationFn: () => {
      const reGuaranteeShareBps = toBps(reGuaranteePct);
      return riskSharingApi.createGuaranteeProduct({
        code: code.trim(),
        nameZh: nameZh.trim(),
        nameEn: nameEn.trim() === '' ? nameZh.trim() : nameEn.trim(),
        coverageShareBps: toBps(coveragePct) ?? 0,
        feeRateBps: toBps(feePct) ?? 0,
        ...(reGuaranteeShareBps === undefined || fundId === undefined
          ? {}
          : { reGuaranteeShareBps, reGuarantorId: fundId }),
        ...(cap === null ? {} : { capYuan: cap.yuan }),
        ...(triggerDays === null ? {} : { compensationOverdueDays: triggerDays }),
      });
    },
    onSuccess: () => {
      void message.success(t('riskSharing.productCreated'));
      props.onDone();
    },
  });
  return (
    <Modal
      open
      title={t('riskSharing.newProduct')}
      okText={t('riskSharing.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        disabled: code.trim() === '' || nameZh.trim() === '' || (capText.trim() !== '' && cap === null),
      }}
      confirmLoading={mutation.isPending}
      onOk={() => mutation.mutate()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {mutation.error !== null && <ProblemAlert error={mutation.error} />}
      <Form layout="vertical">
        <Form.Item label={t('riskSharing.productCode')} required>
          <Input value={code} onChange={(e) => setCode(e.target.value)} placeholder="IP-STD" maxLength={40} />
        </Form.Item>
        <Form.Item label={t('riskSharing.productNameZh')} required>
          <Input value={nameZh} onChange={(e) => setNameZh(e.target.value)} maxLength={100} />
        </Form.Item>
        <Form.Item label={t('riskSharing.productNameEn')}>
          <Input value={nameEn} onChange={(e) => setNameEn(e.target.value)} maxLength={100} />
        </Form.Item>
        <Form.Item label={t('riskSharing.coverageSharePct')} extra={t('riskSharing.coverageShareHint')}>
          <InputNumber
            min={0}
            max={100}
            precision={2}
            value={coveragePct}
            onChange={setCoveragePct}
            suffix="%"
          />
        </Form.Item>
        <Form.Item label={t('riskSharing.feeRatePct')}>
          <InputNumber min={0} max={20} precision={2} value={feePct} onChange={setFeePct} suffix="%" />
        </Form.Item>
        <Form.Item label={t('riskSharing.reGuaranteePct')} extra={t('riskSharing.reGuaranteeHint')}>
          <InputNumber
            min={20}
            max={50}
            precision={2}
            value={reGuaranteePct}
            onChange={setReGuaranteePct}
            suffix="%"
          />
        </Form.Item>
        {props.funds.length > 0 && (
          <Form.Item label={t('riskSharing.reGuarantor')}>
            <Select<string>
              value={fundId ?? null}
              options={props.funds.map((f) => ({ value: f.id, label: f.name }))}
              onChange={setFundId}
            />
          </Form.Item>
        )}
        <Form.Item label={t('riskSharing.capYuan')}>
          <Input
            value={capText}
            onChange={(e) => setCapText(e.target.value)}
            status={capText.trim() !== '' && cap === null ? 'error' : ''}
            placeholder={t('riskSharing.noCap')}
            suffix="元"
          />
        </Form.Item>
        <Form.Item
          label={t('riskSharing.compensationOverdueDays')}
          extra={t('riskSharing.compensationOverdueDaysHelp')}
        >
          <InputNumber<number>
            value={triggerDays}
            min={1}
            max={720}
            precision={0}
            onChange={setTriggerDays}
            suffix={t('riskSharing.days')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 担保产品 of the guarantor (issue 8 item 1): its products with coverage, fee, re-guarantee and cap; it creates
 * new ones and switches them off or on (guarantees already recorded keep the terms they copied).
 */
export function GuaranteeProductsCard() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const products = useQuery({
    queryKey: ['guarantee-products', 'own'],
    queryFn: () => riskSharingApi.guaranteeProducts({ pageSize: 100 }),
  });
  const toggle = useMutation({
    mutationFn: (p: GuaranteeProduct) => riskSharingApi.setGuaranteeProductActive(p, !p.active),
    onSuccess: () => void products.refetch(),
  });
  const items = products.data?.items ?? [];
  const funds = [
    ...new Map(
      items.flatMap((p) =>
        p.reGuarantorId === null
          ? []
          : [[p.reGuarantorId, { id: p.reGuarantorId, name: p.reGuarantorName ?? '' }]],
      ),
    ).values(),
  ];

  const columns: TableColumnsType<GuaranteeProduct> = [
    { title: t('riskSharing.productCode'), dataIndex: 'code', key: 'code' },
    { title: t('riskSharing.product'), dataIndex: 'nameZh', key: 'name' },
    {
      title: t('riskSharing.coverageShare'),
      key: 'share',
      align: 'right',
      render: (_, p) => formatBps(p.coverageShareBps),
    },
    {
      title: t('riskSharing.feeRatePct'),
      key: 'fee',
      align: 'right',
      render: (_, p) => formatBps(p.feeRateBps),
    },
    {
      title: t('riskSharing.reGuarantee'),
      key: 'reGuarantee',
      render: (_, p) =>
        p.reGuaranteeShareBps === null
          ? t('riskSharing.none')
          : `${p.reGuarantorName ?? ''} ${formatBps(p.reGuaranteeShareBps)}`,
    },
    {
      title: t('riskSharing.cap'),
      key: 'cap',
      align: 'right',
      render: (_, p) => (p.capYuan === null ? t('riskSharing.noCap') : formatMoney(p.capYuan)),
    },
    {
      title: t('riskSharing.compensationOverdueDays'),
      key: 'trigger',
      align: 'right',
      render: (_, p) =>
        p.compensationOverdueDays === null
          ? t('riskSharing.atDefaultOnly')
          : t('riskSharing.overdueDays', { days: p.compensationOverdueDays }),
    },
    {
      title: t('riskSharing.stateLabel'),
      key: 'active',
      render: (_, p) =>
        p.active ? (
          <Tag color="green">{t('riskSharing.state.active')}</Tag>
        ) : (
          <Tag>{t('riskSharing.inactive')}</Tag>
        ),
    },
    {
      title: t('riskSharing.actions'),
      key: 'actions',
      render: (_, p) => (
        <Button
          size="small"
          loading={toggle.isPending && toggle.variables.id === p.id}
          onClick={() => toggle.mutate(p)}
        >
          {p.active ? t('riskSharing.deactivate') : t('riskSharing.activate')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={t('riskSharing.productsTitle')}
      style={{ marginBottom: 16 }}
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('riskSharing.newProduct')}
        </Button>
      }
    >
      {products.error !== null && (
        <ProblemAlert error={products.error} onRetry={() => void products.refetch()} />
      )}
      {toggle.error !== null && <ProblemAlert error={toggle.error} />}
      <Table<GuaranteeProduct>
        rowKey="id"
        size="small"
        loading={products.isPending}
        columns={columns}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('riskSharing.noProducts') }}
      />
      {creating && (
        <CreateProductModal
          funds={funds}
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            void products.refetch();
          }}
        />
      )}
    </Card>
  );
}
