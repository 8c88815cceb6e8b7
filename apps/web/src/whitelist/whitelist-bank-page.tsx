import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Input,
  List,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatDateTime } from '../format/format-date-time.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { whitelistRoundApi, type WhitelistRelease, type WhitelistRound } from './whitelist-round-api.ts';
import { ROUND_STATE_COLOURS } from './whitelist-round-list-page.tsx';
import { toScorecardBody, WhitelistScorecardEditor } from './whitelist-scorecard-editor.tsx';
import {
  whitelistRoundFeaturesLabel,
  whitelistRoundScorecardStatesLabel,
  whitelistRoundStatesLabel,
} from './whitelist-labels.ts';

type Row = WhitelistRelease['rows'][number];

/**
 * 白名单预评估 (issue 10 item 3, bank): the rounds its bank takes part in; per round its anonymised release (paged,
 * CSV/xlsx download), the scorecard editor and its submissions, grade upload by pseudonym, and its grades. Never
 * an enterprise's identity: that comes only with the push.
 */
export function WhitelistBankPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [page, setPage] = useState(1);
  const [choice, setChoice] = useState<string | undefined>();
  const rounds = useQuery({
    queryKey: ['whitelist-rounds', 'bank', page],
    queryFn: ({ signal }) => whitelistRoundApi.rounds({ page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
  const participations = (rounds.data?.items ?? []).flatMap((r) =>
    r.banks.map((b) => ({ round: r, bank: b, key: `${r.id}:${b.bankOrganisationId}` })),
  );
  const current = participations.find((p) => p.key === choice) ?? participations[0];
  return (
    <>
      <PageHeader title={t('whitelistRounds.bankTitle')} subtitle={t('whitelistRounds.bankSubtitle')} />
      {rounds.isError && <ProblemAlert error={rounds.error} onRetry={() => void rounds.refetch()} />}
      <Card loading={rounds.isPending}>
        {participations.length === 0 ? (
          <Empty description={t('whitelistRounds.noParticipation')} />
        ) : (
          <Space wrap>
            <Select
              style={{ minWidth: 420 }}
              value={current?.key}
              onChange={setChoice}
              options={participations.map((p) => ({
                value: p.key,
                label: `${p.round.roundNumber} ${p.round.title} — ${en ? p.bank.bankNameEn : p.bank.bankNameZh}`,
              }))}
            />
            {current && (
              <Tag color={ROUND_STATE_COLOURS[current.round.state] ?? 'default'}>
                {whitelistRoundStatesLabel(current.round.state, t)}
              </Tag>
            )}
            {(rounds.data?.total ?? 0) > 20 && (
              <Button onClick={() => setPage((p) => p + 1)}>{t('whitelistRounds.olderRounds')}</Button>
            )}
          </Space>
        )}
      </Card>
      {current && <Participation round={current.round} bankId={current.bank.bankOrganisationId} />}
    </>
  );
}

function Participation({ round, bankId }: { round: WhitelistRound; bankId: string }) {
  const { t } = useTranslation();
  if (round.state === 'draft' || round.state === 'open')
    return (
      <Alert style={{ marginTop: 16 }} type="info" showIcon message={t('whitelistRounds.notReleasedYet')} />
    );
  return (
    <Card style={{ marginTop: 16 }}>
      <Tabs
        items={[
          {
            key: 'release',
            label: t('whitelistRounds.tabRelease'),
            children: <ReleaseTab round={round} bankId={bankId} />,
          },
          {
            key: 'scorecard',
            label: t('whitelistRounds.tabScorecard'),
            children: <ScorecardTab round={round} bankId={bankId} />,
          },
          {
            key: 'grades',
            label: t('whitelistRounds.tabGrades'),
            children: <GradesTab round={round} bankId={bankId} />,
          },
        ]}
      />
    </Card>
  );
}

function ReleaseTab({ round, bankId }: { round: WhitelistRound; bankId: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [pseudonym, setPseudonym] = useState('');
  const release = useQuery({
    queryKey: ['whitelist-release', round.id, bankId, page, pageSize, pseudonym],
    queryFn: ({ signal }) =>
      whitelistRoundApi.release(
        round.id,
        bankId,
        { page, pageSize, ...(pseudonym ? { pseudonym } : {}) },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
  const data = release.data;
  const value = (v: string | number | boolean | null | undefined) =>
    v === null || v === undefined
      ? '—'
      : v === true
        ? t('whitelistPush.yes')
        : v === false
          ? t('whitelistPush.no')
          : String(v);
  return (
    <>
      {release.isError && <ProblemAlert error={release.error} onRetry={() => void release.refetch()} />}
      {data && (
        <Space size="large" wrap style={{ marginBottom: 16 }}>
          <Statistic title={t('whitelistRounds.rows')} value={data.facts.rowCount} />
          <Statistic title="k" value={data.facts.k} />
          <Statistic title={t('whitelistRounds.smallestClass')} value={data.facts.smallestClass} />
          <Statistic title={t('whitelistRounds.suppressed')} value={data.facts.suppressedCount} />
        </Space>
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('whitelistRounds.searchPseudonym')}
          onSearch={(v) => {
            setPseudonym(v.trim());
            setPage(1);
          }}
        />
        <Button
          icon={<DownloadOutlined />}
          href={whitelistRoundApi.exportUrl(round.id, bankId, 'csv', i18n.language)}
        >
          CSV
        </Button>
        <Button
          icon={<DownloadOutlined />}
          href={whitelistRoundApi.exportUrl(round.id, bankId, 'xlsx', i18n.language)}
        >
          Excel
        </Button>
      </Space>
      <Table<Row>
        rowKey="pseudonym"
        size="small"
        scroll={{ x: true }}
        loading={release.isPending}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: pseudonym ? t('common.noMatch') : t('whitelistRounds.emptyRelease') }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: t('whitelistRounds.pseudonym'), dataIndex: 'pseudonym', key: 'pseudonym', fixed: 'left' },
          ...(['district', 'cluster', 'sizeClass', 'foundedYear', 'employees'] as const).map((c) => ({
            title: whitelistRoundFeaturesLabel(c, t),
            key: c,
            render: (_: unknown, r: Row) => (r[c] === '*' ? t('whitelistRounds.hidden') : r[c]),
          })),
          ...(data?.features ?? []).map((f) => ({
            title: whitelistRoundFeaturesLabel(f, t),
            key: f,
            render: (_: unknown, r: Row) => value(r.features[f]),
          })),
        ]}
      />
    </>
  );
}

function ScorecardTab({ round, bankId }: { round: WhitelistRound; bankId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const scorecards = useQuery({
    queryKey: ['whitelist-scorecards', round.id, bankId],
    queryFn: ({ signal }) => whitelistRoundApi.scorecards(round.id, bankId, signal),
  });
  const submit = useMutation({
    mutationFn: (body: Parameters<typeof whitelistRoundApi.submitScorecard>[2]) =>
      whitelistRoundApi.submitScorecard(round.id, bankId, body),
    onSuccess: (s) => {
      void queryClient.invalidateQueries({ queryKey: ['whitelist-scorecards', round.id, bankId] });
      void queryClient.invalidateQueries({ queryKey: ['whitelist-grades', round.id, bankId] });
      void queryClient.invalidateQueries({ queryKey: ['whitelist-rounds'] });
      if (s.state === 'accepted')
        void message.success(t('whitelistRounds.scorecardAccepted', { count: s.gradedCount }));
      else void message.warning(t('whitelistRounds.scorecardRefused'));
    },
  });
  const used = scorecards.data?.length ?? 0;
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t('whitelistRounds.scorecardRules', { k: round.k, used, quota: round.scorecardQuota })}
      />
      {submit.error && <ProblemAlert error={submit.error} />}
      {scorecards.isError && (
        <ProblemAlert error={scorecards.error} onRetry={() => void scorecards.refetch()} />
      )}
      <List
        style={{ marginBottom: 16 }}
        dataSource={scorecards.data ?? []}
        locale={{ emptyText: t('whitelistRounds.noScorecards') }}
        renderItem={(s) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space>
                  {s.name}
                  <Tag color={s.state === 'accepted' ? 'green' : 'red'}>
                    {whitelistRoundScorecardStatesLabel(s.state, t)}
                  </Tag>
                  <span>{formatDateTime(s.submittedAt, currentLanguage())}</span>
                </Space>
              }
              description={
                s.state === 'accepted'
                  ? t('whitelistRounds.gradedCount', { count: s.gradedCount })
                  : s.problems.map((p) => <div key={`${p.code}${p.field}`}>{p.message}</div>)
              }
            />
          </List.Item>
        )}
      />
      {round.state === 'released' && used < round.scorecardQuota && (
        <WhitelistScorecardEditor
          submitting={submit.isPending}
          onSubmit={(v) => submit.mutate(toScorecardBody(v))}
        />
      )}
    </>
  );
}

function GradesTab({ round, bankId }: { round: WhitelistRound; bankId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [pseudonym, setPseudonym] = useState('');
  const [csv, setCsv] = useState('');
  const grades = useQuery({
    queryKey: ['whitelist-grades', round.id, bankId, page, pseudonym],
    queryFn: ({ signal }) =>
      whitelistRoundApi.grades(
        round.id,
        bankId,
        { page, pageSize: 20, ...(pseudonym ? { pseudonym } : {}) },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
  const upload = useMutation({
    mutationFn: () => whitelistRoundApi.uploadGrades(round.id, bankId, csv),
    onSuccess: (r) => {
      setCsv('');
      void queryClient.invalidateQueries({ queryKey: ['whitelist-grades', round.id, bankId] });
      void message.success(t('whitelistRounds.uploaded', { count: r.imported }));
    },
  });
  return (
    <>
      {round.state === 'released' && (
        <Card size="small" title={t('whitelistRounds.uploadTitle')} style={{ marginBottom: 16 }}>
          {upload.error && <ProblemAlert error={upload.error} />}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)}
            style={{ marginBottom: 8 }}
          />
          <Input.TextArea
            rows={5}
            value={csv}
            onChange={(e) => setCsv(e.target.value)}
            placeholder={t('whitelistRounds.gradeCsvPlaceholder')}
          />
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            disabled={csv.trim() === ''}
            loading={upload.isPending}
            onClick={() => upload.mutate()}
          >
            {t('whitelistRounds.upload')}
          </Button>
        </Card>
      )}
      <Input.Search
        allowClear
        placeholder={t('whitelistRounds.searchPseudonym')}
        style={{ maxWidth: 320, marginBottom: 16 }}
        onSearch={(v) => {
          setPseudonym(v.trim());
          setPage(1);
        }}
      />
      {grades.isError && <ProblemAlert error={grades.error} onRetry={() => void grades.refetch()} />}
      <Table
        rowKey={(g) => `${g.pseudonym}:${g.scorecardId ?? 'upload'}`}
        size="small"
        loading={grades.isPending}
        dataSource={grades.data?.items ?? []}
        locale={{ emptyText: pseudonym ? t('common.noMatch') : t('whitelistRounds.noGrades') }}
        pagination={{ current: page, pageSize: 20, total: grades.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('whitelistRounds.pseudonym'), dataIndex: 'pseudonym', key: 'pseudonym' },
          { title: t('whitelistRounds.grade'), dataIndex: 'grade', key: 'grade' },
          {
            title: t('whitelistRounds.source'),
            key: 'source',
            render: (_, g) => (g.source === 'upload' ? t('whitelistRounds.sourceUpload') : g.scorecardName),
          },
          {
            title: t('whitelistRounds.recordedAt'),
            key: 'recordedAt',
            render: (_, g) => formatDateTime(g.recordedAt, currentLanguage()),
          },
        ]}
      />
    </>
  );
}
