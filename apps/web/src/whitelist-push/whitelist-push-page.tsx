import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Empty, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatDateTime } from '../format/format-date-time.ts';
import { formatMoney } from '../format/format-money.ts';
import { whitelistPushApi, type EntryPage, type PushList } from './whitelist-push-api.ts';
import { complianceFlagKindLabel } from '../compliance/compliance-labels.ts';
import { whitelistPushTriggersLabel, whitelistPushReasonsLabel } from './whitelist-push-labels.ts';

/** The compliance flag kinds the build recorded in an entry's facts (issue 10 item 4). */
function complianceFlagsOf(facts: Record<string, unknown>): string[] {
  const flags = facts['complianceFlags'];
  return Array.isArray(flags) ? flags.filter((f): f is string => typeof f === 'string') : [];
}

/**
 * 白名单推送 (issue 10 items 4, 5): for each released round and participating bank, the bureau builds the bank's
 * whitelist under the rules in effect, reviews it and pushes it (the monthly schedule pushes too); push history.
 */
export function WhitelistPushPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const language = en ? 'en' : 'zh-CN';
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [viewing, setViewing] = useState<{ roundId: string; bankId: string; title: string } | null>(null);
  const [confirming, setConfirming] = useState<{ roundId: string; bankId: string; bankName: string } | null>(
    null,
  );
  const rounds = useQuery({
    queryKey: ['whitelist-released-rounds'],
    queryFn: ({ signal }) => whitelistPushApi.releasedRounds(signal),
  });
  const pushes = useQuery({
    queryKey: ['whitelist-pushes'],
    queryFn: ({ signal }) => whitelistPushApi.pushes(signal),
  });
  const build = useMutation({
    mutationFn: (v: { roundId: string; bankId: string }) => whitelistPushApi.build(v.roundId, v.bankId),
    onSuccess: (summary) =>
      void message.success(
        t('whitelistPush.built', { included: summary.included, excluded: summary.excluded }),
      ),
  });
  const push = useMutation({
    mutationFn: (v: { roundId: string; bankId: string }) => whitelistPushApi.push(v.roundId, v.bankId),
    onSuccess: (summary) => {
      void message.success(t('whitelistPush.pushed', { count: summary.entryCount }));
      void queryClient.invalidateQueries({ queryKey: ['whitelist-pushes'] });
    },
  });
  const items = rounds.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('whitelistPush.pushTitle')} subtitle={t('whitelistPush.pushSubtitle')} />
      {rounds.error && <ProblemAlert error={rounds.error} onRetry={() => void rounds.refetch()} />}
      {(build.error ?? push.error) && <ProblemAlert error={build.error ?? push.error} />}
      {!rounds.isLoading && items.length === 0 && <Empty description={t('whitelistPush.noReleasedRounds')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {items.map((round) => (
          <Card key={round.id} size="small" title={`${round.roundNumber} ${round.title}`}>
            <Table
              rowKey="bankOrganisationId"
              size="small"
              pagination={false}
              dataSource={round.banks}
              columns={[
                {
                  title: t('whitelistPush.bank'),
                  key: 'bank',
                  render: (_, b) => (en ? b.bankNameEn : b.bankNameZh),
                },
                {
                  title: t('whitelistPush.actions'),
                  key: 'actions',
                  render: (_, b) => {
                    const v = { roundId: round.id, bankId: b.bankOrganisationId };
                    // Only the row being built or pushed spins (one mutation serves every row).
                    const isRow = (x: typeof v | undefined) =>
                      x?.roundId === v.roundId && x.bankId === v.bankId;
                    return (
                      <Space>
                        <Button
                          size="small"
                          loading={build.isPending && isRow(build.variables)}
                          onClick={() => build.mutate(v)}
                        >
                          {t('whitelistPush.build')}
                        </Button>
                        <Button
                          size="small"
                          onClick={() =>
                            setViewing({
                              ...v,
                              title: `${round.roundNumber} · ${en ? b.bankNameEn : b.bankNameZh}`,
                            })
                          }
                        >
                          {t('whitelistPush.viewEntries')}
                        </Button>
                        <Button
                          size="small"
                          type="primary"
                          loading={push.isPending && isRow(push.variables)}
                          onClick={() => setConfirming({ ...v, bankName: en ? b.bankNameEn : b.bankNameZh })}
                        >
                          {t('whitelistPush.pushNow')}
                        </Button>
                      </Space>
                    );
                  },
                },
              ]}
            />
          </Card>
        ))}
      </Space>
      <Card size="small" title={t('whitelistPush.history')} style={{ marginTop: 16 }}>
        <Table<PushList[number]>
          rowKey="id"
          size="small"
          loading={pushes.isLoading}
          dataSource={pushes.data ?? []}
          locale={{ emptyText: t('whitelistPush.noPushes') }}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('whitelistPush.round'), dataIndex: 'roundNumber', key: 'round' },
            {
              title: t('whitelistPush.bank'),
              key: 'bank',
              render: (_, p) => (en ? p.bankNameEn : p.bankNameZh),
            },
            {
              title: t('whitelistPush.trigger'),
              key: 'trigger',
              render: (_, p) => <Tag>{whitelistPushTriggersLabel(p.trigger, t)}</Tag>,
            },
            {
              title: t('whitelistPush.pushedAt'),
              key: 'at',
              render: (_, p) => formatDateTime(p.pushedAt, language),
            },
            { title: t('whitelistPush.entryCount'), dataIndex: 'entryCount', key: 'count', align: 'right' },
          ]}
        />
      </Card>
      {viewing && <EntriesDrawer {...viewing} onClose={() => setViewing(null)} />}
      {confirming && (
        <ConfirmPushModal
          {...confirming}
          onClose={() => setConfirming(null)}
          onConfirm={() => {
            push.mutate({ roundId: confirming.roundId, bankId: confirming.bankId });
            setConfirming(null);
          }}
        />
      )}
    </>
  );
}

/**
 * The included whitelist entries not pushed yet: those a push reveals by name, USCC and contact to the bank
 * (push-round-bank pushes every included entry not pushed before, unless the enterprise left the programme since).
 */
async function countUnpushed(roundId: string, bankId: string, signal: AbortSignal): Promise<number> {
  const pageSize = 200;
  let unpushed = 0;
  for (let page = 1; ; page++) {
    const found = await whitelistPushApi.entries({ roundId, bankId, included: true, page, pageSize }, signal);
    unpushed += found.items.filter((e) => e.pushedAt === null).length;
    if (page * pageSize >= found.total || found.items.length === 0) return unpushed;
  }
}

/**
 * 立即推送 confirmation: pushing reveals the enterprises' identities and contacts to the bank, so the bureau reads
 * the bank's name and how many enterprises it will reveal before it pushes.
 */
function ConfirmPushModal(props: {
  roundId: string;
  bankId: string;
  bankName: string;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const count = useQuery({
    queryKey: ['whitelist-unpushed', props.roundId, props.bankId],
    queryFn: ({ signal }) => countUnpushed(props.roundId, props.bankId, signal),
    gcTime: 0,
  });
  return (
    <Modal
      open
      title={t('whitelistPush.confirmPushTitle')}
      okText={t('whitelistPush.confirmPush')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: count.data === undefined, loading: count.isLoading }}
      onOk={props.onConfirm}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {count.error && <ProblemAlert error={count.error} onRetry={() => void count.refetch()} />}
      {count.data !== undefined && (
        <Typography.Paragraph data-testid="confirm-push-text">
          {count.data === 0
            ? t('whitelistPush.confirmPushNone', { bank: props.bankName })
            : t('whitelistPush.confirmPushQuestion', { bank: props.bankName, count: count.data })}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}

function EntriesDrawer(props: { roundId: string; bankId: string; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const entries = useQuery({
    queryKey: ['whitelist-entries', props.roundId, props.bankId, page],
    queryFn: ({ signal }) =>
      whitelistPushApi.entries({ roundId: props.roundId, bankId: props.bankId, page, pageSize: 20 }, signal),
  });
  return (
    <Drawer open width={900} title={props.title} onClose={props.onClose}>
      {entries.error && <ProblemAlert error={entries.error} />}
      <Table<EntryPage['items'][number]>
        rowKey="id"
        size="small"
        loading={entries.isLoading}
        dataSource={entries.data?.items ?? []}
        locale={{ emptyText: t('whitelistPush.notBuilt') }}
        pagination={{ current: page, pageSize: 20, total: entries.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('whitelistPush.enterprise'), dataIndex: 'enterpriseName', key: 'name' },
          { title: t('whitelistPush.grade'), dataIndex: 'grade', key: 'grade' },
          {
            title: t('whitelistPush.included'),
            key: 'included',
            render: (_, e) =>
              e.included ? (
                <Tag color="green">{t('whitelistPush.in')}</Tag>
              ) : (
                <Space wrap>
                  {e.reasons.map((r) => (
                    <Tag key={r}>
                      {whitelistPushReasonsLabel(r, t)}
                      {r === 'COMPLIANCE_FLAG' && complianceFlagsOf(e.facts).length > 0
                        ? `：${complianceFlagsOf(e.facts)
                            .map((k) => complianceFlagKindLabel(k, t))
                            .join('、')}`
                        : ''}
                    </Tag>
                  ))}
                </Space>
              ),
          },
          {
            title: t('whitelistPush.creditBand'),
            key: 'band',
            render: (_, e) =>
              e.creditBandLowYuan === null
                ? '—'
                : `${formatMoney(e.creditBandLowYuan)} – ${formatMoney(e.creditBandHighYuan)}`,
          },
          {
            title: t('whitelistPush.pushedAt'),
            key: 'pushed',
            render: (_, e) => (e.pushedAt === null ? t('whitelistPush.notPushed') : e.pushedAt.slice(0, 10)),
          },
        ]}
      />
    </Drawer>
  );
}
