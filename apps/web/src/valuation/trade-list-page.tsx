import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Tabs,
  Tag,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/api-problem.ts';
import type { ProblemItem } from '../api/api-types.ts';
import { CreateModal } from '../common/create-modal.tsx';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { applyProblemsToForm } from '../forms/apply-problems-to-form.ts';
import { formatMoney } from '../format/format-money.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { ipAssetApi } from '../ip-assets/ip-asset-api.ts';
import { ipLabels } from '../ip-assets/ip-asset-labels.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { ipTradeApi, type TradeListing, type TradeRecord } from './ip-trade-api.ts';

const tradeKinds = ['sale', 'exclusive_licence', 'non_exclusive_licence'] as const;
const sources = ['trading_centre', 'registration_notice', 'platform_listing', 'other'] as const;
type Translate = (key: string) => string;
/** 交易方式 labels, each key written out so that the i18n completeness test sees it. */
const tradeKindLabels = (t: Translate): Record<string, string> => ({
  sale: t('ipTrades.kinds.sale'),
  exclusive_licence: t('ipTrades.kinds.exclusive_licence'),
  non_exclusive_licence: t('ipTrades.kinds.non_exclusive_licence'),
});
const sourceLabels = (t: Translate): Record<string, string> => ({
  trading_centre: t('ipTrades.sources.trading_centre'),
  registration_notice: t('ipTrades.sources.registration_notice'),
  platform_listing: t('ipTrades.sources.platform_listing'),
  other: t('ipTrades.sources.other'),
});
const filterNames = ['ipKind', 'ipcPrefix', 'kind', 'dateFrom', 'dateTo', 'priceMin', 'priceMax'] as const;

/**
 * Yuan text with two decimals as the API wants it ("1200000" → "1200000.00", "5.5" → "5.50"), kept as text so
 * that money never passes through a JS number; undefined when empty, unchanged when not a plain amount (the
 * server then names the problem).
 */
function toYuan(value: string | null | undefined): string | undefined {
  const text = (value ?? '').trim();
  if (text === '') return undefined;
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  return match === null ? text : `${match[1]!}.${(match[2] ?? '').padEnd(2, '0')}`;
}

/**
 * 交易记录: the market of R4 in two tabs — 挂牌信息 (listings for sale or licence, the enterprise lists its own
 * assets and withdraws them) and 成交记录 (completed trades and licences, searchable by IP kind, IPC prefix, kind,
 * date and price, recorded by the bureaus). Filters and paging live in the URL.
 */
export function TradeListPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useSession().data;
  const params = useListSearchParams();
  const tab = params.text('tab') ?? 'trades';
  const filters = Object.fromEntries(filterNames.map((name) => [name, params.text(name)]));
  const [recording, setRecording] = useState(false);
  const [listing, setListing] = useState(false);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const kindLabel = (code: string) => tradeKindLabels(t)[code] ?? code;

  const trades = useQuery({
    queryKey: ['ip-trades', 'trades', filters, params.page, params.pageSize],
    queryFn: ({ signal }) =>
      ipTradeApi.trades({ ...filters, page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled: tab === 'trades',
  });
  const listings = useQuery({
    queryKey: ['ip-trades', 'listings', filters, params.text('mine'), params.page, params.pageSize],
    queryFn: ({ signal }) =>
      ipTradeApi.listings(
        {
          ipKind: filters['ipKind'],
          ipcPrefix: filters['ipcPrefix'],
          kind: filters['kind'],
          mine: params.text('mine') === 'true' ? true : undefined,
          page: params.page,
          pageSize: params.pageSize,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
    enabled: tab === 'listings',
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => ipTradeApi.withdrawListing(id),
    onSuccess: async () => {
      void message.success(t('ipTrades.withdrawn'));
      await queryClient.invalidateQueries({ queryKey: ['ip-trades'] });
    },
    onError: (error) => void message.error(isApiProblem(error) ? error.message : t('errors.loadFailed')),
  });

  const tradeColumns: TableColumnsType<TradeRecord> = [
    {
      title: t('ipTrades.asset'),
      key: 'asset',
      render: (_, r) => (
        <div>
          <span style={{ fontFamily: 'monospace' }}>{r.assetNumber}</span>
          <div>{r.assetTitle}</div>
        </div>
      ),
    },
    {
      title: t('ipTrades.ipKind'),
      dataIndex: 'ipKind',
      width: 130,
      render: (v: string) => ipLabels.kind(v, language),
    },
    {
      title: t('ipTrades.class'),
      key: 'class',
      width: 120,
      render: (_, r) =>
        r.ipcClasses[0] ??
        (r.niceClasses.length > 0 ? `${t('ipTrades.niceClass')} ${r.niceClasses.join(', ')}` : '—'),
    },
    {
      title: t('ipTrades.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (v: string) => <Tag>{kindLabel(v)}</Tag>,
    },
    {
      title: t('ipTrades.price'),
      key: 'price',
      width: 170,
      align: 'right',
      render: (_, r) => (
        <div>
          {r.price === null ? '—' : formatMoney(r.price)}
          {r.royaltyRatePct !== null && <div>{t('ipTrades.royaltyRate', { pct: r.royaltyRatePct })}</div>}
        </div>
      ),
    },
    { title: t('ipTrades.tradeDate'), dataIndex: 'tradeDate', width: 110 },
    {
      title: t('ipTrades.parties'),
      key: 'parties',
      width: 220,
      render: (_, r) =>
        r.sellerName === null ? (
          <span style={{ color: '#999' }}>{t('ipTrades.partiesHidden')}</span>
        ) : (
          <div>
            <div>{t('ipTrades.seller', { name: r.sellerName })}</div>
            <div>{t('ipTrades.buyer', { name: r.buyerName })}</div>
          </div>
        ),
    },
    {
      title: t('ipTrades.source'),
      dataIndex: 'source',
      width: 120,
      render: (v: string) => sourceLabels(t)[v] ?? v,
    },
  ];

  const listingColumns: TableColumnsType<TradeListing> = [
    {
      title: t('ipTrades.asset'),
      key: 'asset',
      render: (_, l) => (
        <div>
          <span style={{ fontFamily: 'monospace' }}>{l.assetNumber}</span>
          <div>{l.assetTitle}</div>
        </div>
      ),
    },
    {
      title: t('ipTrades.ipKind'),
      dataIndex: 'assetKind',
      width: 130,
      render: (v: string) => ipLabels.kind(v, language),
    },
    {
      title: t('ipTrades.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (v: string) => <Tag color="blue">{kindLabel(v)}</Tag>,
    },
    {
      title: t('ipTrades.askingPrice'),
      dataIndex: 'askingPrice',
      width: 150,
      align: 'right',
      render: (v: string | null) => (v === null ? t('ipTrades.negotiable') : formatMoney(v)),
    },
    { title: t('ipTrades.owner'), dataIndex: 'ownerName', width: 220 },
    {
      title: t('ipTrades.period'),
      key: 'period',
      width: 200,
      render: (_, l) => `${l.listedOn} ~ ${l.expiresOn}`,
    },
    {
      title: t('ipTrades.actions'),
      key: 'actions',
      width: 100,
      render: (_, l) =>
        hasPermission(session, 'ip_trade_listing.manage') &&
        l.status === 'listed' &&
        (session?.role !== 'enterprise_user' || l.ownerEnterpriseId === session.organisation.id) ? (
          <Popconfirm title={t('ipTrades.withdrawConfirm')} onConfirm={() => withdraw.mutate(l.id)}>
            <Button size="small" loading={withdraw.isPending && withdraw.variables === l.id}>
              {t('ipTrades.withdraw')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  const filtered = filterNames.some((n) => filters[n] !== undefined);
  const filterBar = (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select<string>
        allowClear
        value={filters['ipKind'] ?? null}
        placeholder={t('ipTrades.allIpKinds')}
        style={{ width: 180 }}
        options={ipLabels.kindOptions(language)}
        onChange={(v) => params.setFilters({ ipKind: v })}
      />
      <Input.Search
        key={`ipc-${filters['ipcPrefix'] ?? ''}`}
        allowClear
        defaultValue={filters['ipcPrefix']}
        placeholder={t('ipTrades.ipcPlaceholder')}
        style={{ width: 180 }}
        onSearch={(v) => params.setFilters({ ipcPrefix: v.trim() })}
      />
      <Select<string>
        allowClear
        value={filters['kind'] ?? null}
        placeholder={t('ipTrades.allKinds')}
        style={{ width: 150 }}
        options={tradeKinds.map((k) => ({ value: k, label: kindLabel(k) }))}
        onChange={(v) => params.setFilters({ kind: v })}
      />
      {tab === 'trades' && (
        <>
          <DatePicker.RangePicker
            placeholder={[t('ipTrades.dateFrom'), t('ipTrades.dateTo')]}
            onChange={(_, texts) => params.setFilters({ dateFrom: texts[0], dateTo: texts[1] })}
          />
          <Input.Search
            key={`priceMin-${filters['priceMin'] ?? ''}`}
            allowClear
            defaultValue={filters['priceMin']}
            placeholder={t('ipTrades.priceMin')}
            style={{ width: 150 }}
            onSearch={(v) => params.setFilters({ priceMin: toYuan(v) })}
          />
          <Input.Search
            key={`priceMax-${filters['priceMax'] ?? ''}`}
            allowClear
            defaultValue={filters['priceMax']}
            placeholder={t('ipTrades.priceMax')}
            style={{ width: 150 }}
            onSearch={(v) => params.setFilters({ priceMax: toYuan(v) })}
          />
        </>
      )}
      {tab === 'listings' && session?.role === 'enterprise_user' && (
        <Select<string>
          value={params.text('mine') ?? 'all'}
          style={{ width: 150 }}
          options={[
            { value: 'all', label: t('ipTrades.allListings') },
            { value: 'true', label: t('ipTrades.myListings') },
          ]}
          onChange={(v) => params.setFilters({ mine: v === 'true' ? 'true' : undefined })}
        />
      )}
      <Button onClick={() => params.setFilters(Object.fromEntries(filterNames.map((n) => [n, undefined])))}>
        {t('common.clearFilters')}
      </Button>
    </Space>
  );

  return (
    <>
      <PageHeader
        title={t('ipTrades.title')}
        subtitle={t('ipTrades.subtitle')}
        extra={
          <Space>
            {hasPermission(session, 'ip_trade_listing.manage') && session?.role === 'enterprise_user' && (
              <Button onClick={() => setListing(true)}>{t('ipTrades.listAsset')}</Button>
            )}
            {hasPermission(session, 'ip_trade.record') && (
              <Button type="primary" onClick={() => setRecording(true)}>
                {t('ipTrades.recordTrade')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => params.setFilters({ tab: key === 'trades' ? undefined : key })}
          items={[
            { key: 'trades', label: t('ipTrades.tradesTab') },
            { key: 'listings', label: t('ipTrades.listingsTab') },
          ]}
        />
        {filterBar}
        {tab === 'trades' ? (
          <PagedTable<TradeRecord>
            list={trades}
            columns={tradeColumns}
            page={params.page}
            pageSize={params.pageSize}
            onPageChange={params.setPage}
            emptyText={t('ipTrades.noTrades')}
            filtered={filtered}
          />
        ) : (
          <PagedTable<TradeListing>
            list={listings}
            columns={listingColumns}
            page={params.page}
            pageSize={params.pageSize}
            onPageChange={params.setPage}
            emptyText={t('ipTrades.noListings')}
            filtered={filtered || params.text('mine') !== undefined}
          />
        )}
      </Card>
      <RecordTradeModal open={recording} onClose={() => setRecording(false)} />
      <ListAssetModal open={listing} onClose={() => setListing(false)} />
    </>
  );
}

interface TradeValues {
  ipKind?: string;
  assetNumber?: string;
  assetTitle?: string;
  ipc?: string;
  kind?: string;
  price?: string | null;
  royaltyRatePct?: string | null;
  tradeDate?: { format: (f: string) => string };
  sellerName?: string;
  buyerName?: string;
  source?: string;
}
const tradeFields = [
  'ipKind',
  'assetNumber',
  'assetTitle',
  'kind',
  'price',
  'royaltyRatePct',
  'tradeDate',
  'sellerName',
  'buyerName',
  'source',
];

/** 录入成交记录 (bureau, for the trading centre): the right traded, kind, price or royalty rate, date, parties. */
function RecordTradeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TradeValues>();
  const [unplaced, setUnplaced] = useState<ProblemItem[]>([]);
  const record = useMutation({
    mutationFn: ipTradeApi.recordTrade,
    onSuccess: async () => {
      void message.success(t('ipTrades.recorded'));
      await queryClient.invalidateQueries({ queryKey: ['ip-trades'] });
      close();
    },
    onError: (error) =>
      setUnplaced(isApiProblem(error) ? applyProblemsToForm(form, error.problems, tradeFields) : []),
  });
  function close() {
    form.resetFields();
    record.reset();
    setUnplaced([]);
    onClose();
  }
  const submit = (v: TradeValues) => {
    if (
      !v.ipKind ||
      !v.assetNumber ||
      !v.assetTitle ||
      !v.kind ||
      !v.tradeDate ||
      !v.sellerName ||
      !v.buyerName ||
      !v.source
    )
      return;
    record.mutate({
      ipKind: v.ipKind,
      assetNumber: v.assetNumber.trim(),
      assetTitle: v.assetTitle.trim(),
      ...(v.ipc ? { ipcClasses: [v.ipc.trim()] } : {}),
      kind: v.kind,
      price: toYuan(v.price) ?? null,
      royaltyRatePct: v.royaltyRatePct ?? null,
      tradeDate: v.tradeDate.format('YYYY-MM-DD'),
      sellerName: v.sellerName.trim(),
      buyerName: v.buyerName.trim(),
      source: v.source,
    });
  };
  const required = [{ required: true, message: t('ipTrades.required') }];
  return (
    <CreateModal
      open={open}
      title={t('ipTrades.recordTrade')}
      pending={record.isPending}
      error={record.error}
      unplacedProblems={unplaced}
      onSubmit={() => form.submit()}
      onCancel={close}
    >
      <Form<TradeValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ kind: 'sale', source: 'trading_centre' }}
      >
        <Form.Item name="ipKind" label={t('ipTrades.ipKind')} rules={required}>
          <Select options={ipLabels.kindOptions(language)} />
        </Form.Item>
        <Form.Item name="assetNumber" label={t('ipTrades.assetNumber')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="assetTitle" label={t('ipTrades.assetTitle')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="ipc" label={t('ipTrades.ipc')}>
          <Input placeholder="G06F 16/00" />
        </Form.Item>
        <Form.Item name="kind" label={t('ipTrades.kind')} rules={required}>
          <Select options={tradeKinds.map((k) => ({ value: k, label: tradeKindLabels(t)[k] }))} />
        </Form.Item>
        <Space>
          <Form.Item name="price" label={t('ipTrades.priceYuan')}>
            <InputNumber<string> stringMode min="0" precision={2} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="royaltyRatePct" label={t('ipTrades.royaltyRatePct')}>
            <InputNumber<string> stringMode min="0" max="100" precision={2} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Form.Item name="tradeDate" label={t('ipTrades.tradeDate')} rules={required}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="sellerName" label={t('ipTrades.sellerName')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="buyerName" label={t('ipTrades.buyerName')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="source" label={t('ipTrades.source')} rules={required}>
          <Select options={sources.map((s) => ({ value: s, label: sourceLabels(t)[s] }))} />
        </Form.Item>
      </Form>
    </CreateModal>
  );
}

interface ListingValues {
  assetId?: string;
  kind?: string;
  askingPrice?: string | null;
  expiresOn?: { format: (f: string) => string };
  note?: string;
}

/** 挂牌 (enterprise): one of its own rights in force, for sale or licence, with an asking price or 面议. */
function ListAssetModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ListingValues>();
  const [unplaced, setUnplaced] = useState<ProblemItem[]>([]);
  const [search, setSearch] = useState('');
  const assets = useQuery({
    queryKey: ['ip-assets', 'list', { q: search, listable: true }],
    queryFn: () => ipAssetApi.find({ q: search || undefined, page: 1, pageSize: 20 }),
    enabled: open,
  });
  const create = useMutation({
    mutationFn: ipTradeApi.createListing,
    onSuccess: async () => {
      void message.success(t('ipTrades.listed'));
      await queryClient.invalidateQueries({ queryKey: ['ip-trades'] });
      close();
    },
    onError: (error) =>
      setUnplaced(
        isApiProblem(error)
          ? applyProblemsToForm(form, error.problems, ['assetId', 'kind', 'askingPrice', 'expiresOn', 'note'])
          : [],
      ),
  });
  function close() {
    form.resetFields();
    create.reset();
    setUnplaced([]);
    onClose();
  }
  const submit = (v: ListingValues) => {
    if (!v.assetId || !v.kind || !v.expiresOn) return;
    create.mutate({
      assetId: v.assetId,
      kind: v.kind,
      askingPrice: toYuan(v.askingPrice) ?? null,
      expiresOn: v.expiresOn.format('YYYY-MM-DD'),
      note: v.note?.trim() ? v.note.trim() : null,
    });
  };
  const required = [{ required: true, message: t('ipTrades.required') }];
  return (
    <CreateModal
      open={open}
      title={t('ipTrades.listAsset')}
      pending={create.isPending}
      error={create.error}
      unplacedProblems={unplaced}
      onSubmit={() => form.submit()}
      onCancel={close}
    >
      <Form<ListingValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ kind: 'sale' }}
      >
        <Form.Item name="assetId" label={t('ipTrades.asset')} rules={required}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            loading={assets.isFetching}
            placeholder={t('ipTrades.assetPlaceholder')}
            options={(assets.data?.items ?? []).map((a) => ({
              value: a.id,
              label: `${a.number} ${a.title}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('ipTrades.kind')} rules={required}>
          <Select options={tradeKinds.map((k) => ({ value: k, label: tradeKindLabels(t)[k] }))} />
        </Form.Item>
        <Form.Item
          name="askingPrice"
          label={t('ipTrades.askingPriceYuan')}
          extra={t('ipTrades.negotiableHint')}
        >
          <InputNumber<string> stringMode min="0" precision={2} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="expiresOn" label={t('ipTrades.expiresOn')} rules={required}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('ipTrades.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </CreateModal>
  );
}
